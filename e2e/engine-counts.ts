import { execFileSync } from "node:child_process";

/** Token ids from the engine's CLI (`npm run -s cli -- tokenize`), the reference for what the UI shows. */
export function cliTokenIds(tokenizer: string, text: string, specials = false): number[] {
  const args = [
    "tsx",
    "scripts/cli.ts",
    "tokenize",
    "--tokenizer",
    tokenizer,
    ...(specials ? ["--specials"] : []),
    "-",
  ];
  const output = execFileSync("npx", args, { input: text, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(output) as { ids: number[] }).ids;
}

/** Token count from the engine's CLI. */
export function cliTokenCount(tokenizer: string, text: string, specials = false): number {
  return cliTokenIds(tokenizer, text, specials).length;
}
