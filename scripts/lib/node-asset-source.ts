import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { TOKEN_LM_TOKENIZER_SOURCE, type AssetSource } from "../../src/core/tokenizers/catalog";
import { TOKEN_LM_TOKENIZER_PATH } from "./model-paths";

const require = createRequire(import.meta.url);

/** Reads tokenizer files straight from node_modules (CLI, tests, benchmarks). */
export const nodeAssetSource: AssetSource = {
  async tokenizerJson(packageName) {
    if (packageName === TOKEN_LM_TOKENIZER_SOURCE)
      return { json: JSON.parse(await readFile(TOKEN_LM_TOKENIZER_PATH, "utf8")) as unknown, config: {} };
    const jsonPath = require.resolve(`${packageName}/models/tokenizer.json`);
    const configPath = require.resolve(`${packageName}/models/tokenizer_config.json`);
    const [json, config] = await Promise.all([readFile(jsonPath, "utf8"), readFile(configPath, "utf8")]);
    return { json: JSON.parse(json) as unknown, config: JSON.parse(config) as Record<string, unknown> };
  },
  async tokenizerConfig(packageName) {
    if (packageName === TOKEN_LM_TOKENIZER_SOURCE) return {};
    const configPath = require.resolve(`${packageName}/models/tokenizer_config.json`);
    return JSON.parse(await readFile(configPath, "utf8")) as Record<string, unknown>;
  },
};
