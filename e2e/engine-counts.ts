import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chatCommand } from "../scripts/cli/chat-command";

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

/**
 * Ids of a conversation in a model's chat format, from the CLI's `chat` command run in this process (the same
 * function `npm run -s cli -- chat` calls; no process start per call).
 */
export async function cliChatIds(
  model: string,
  messages: { role: string; content: string }[],
  generationPrompt = true,
): Promise<{ text: string; ids: number[] }> {
  const file = join(mkdtempSync(join(tmpdir(), "tokenprism-chat-")), "messages.json");
  writeFileSync(file, JSON.stringify(messages));
  const args = ["--model", model, ...(generationPrompt ? [] : ["--no-generation-prompt"]), file];
  return JSON.parse(await chatCommand(args)) as { text: string; ids: number[] };
}

/** Token count from the engine's CLI. */
export function cliTokenCount(tokenizer: string, text: string, specials = false): number {
  return cliTokenIds(tokenizer, text, specials).length;
}

/** Rows of the CLI's parity atlas (`npm run -s cli -- atlas`), keyed by `lang/tokenizer`. */
export function cliAtlas(
  tokenizers: string[],
  langs: string[],
): Map<string, { tokens: number; premium: number }> {
  const output = execFileSync(
    "npx",
    ["tsx", "scripts/cli.ts", "atlas", "--tokenizers", tokenizers.join(","), "--langs", langs.join(",")],
    { encoding: "utf8" },
  );
  const [header, ...lines] = output.trim().split(/\r?\n/);
  if (header !== "lang,name,script,tokenizer,bytes,chars,tokens,premium")
    throw new Error(`header: ${header}`);
  return new Map(
    lines.map((line) => {
      // A name may be quoted and hold commas: the language is the first field, the rest are the last five.
      const cells = line.split(",");
      const [tokenizer, , , tokens, premium] = cells.slice(-5);
      return [`${cells[0]}/${tokenizer}`, { tokens: Number(tokens), premium: Number(premium) }];
    }),
  );
}
