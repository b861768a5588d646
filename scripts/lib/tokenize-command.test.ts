import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { get_encoding } from "tiktoken";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../cli/args";
import { tokenizeCommand } from "../cli/tokenize-command";

const dir = mkdtempSync(join(tmpdir(), "tokenize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Runs the command into memory, counting the chunks it wrote. */
async function run(
  argv: string[],
): Promise<{ json: { ids: number[]; spans: [number, number][] }; writes: number }> {
  const chunks: string[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      setImmediate(done);
    },
  });
  await tokenizeCommand(argv, out);
  await new Promise<void>((resolve) => out.end(resolve));
  return { json: JSON.parse(chunks.join("")) as never, writes: chunks.length };
}

const o200k = get_encoding("o200k_base");
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("cli tokenize", () => {
  it("tokenizes a file's exact bytes: a leading BOM is text, as OpenAI's tiktoken sees it", async () => {
    const text = "\uFEFFhello world";
    const { json } = await run(["--tokenizer", "o200k_base", file("bom.txt", utf8(text))]);
    expect(json.ids).toEqual(Array.from(o200k.encode(text)));
    expect(json.spans[0]).toEqual([0, 3]);
  });

  it("refuses invalid UTF-8 with the first bad offset, and replaces it with --lossy", async () => {
    const path = file("bad.txt", Uint8Array.of(0x68, 0x69, 0xff, 0x21));
    await expect(run(["--tokenizer", "o200k_base", path])).rejects.toThrow(UsageError);
    await expect(run(["--tokenizer", "o200k_base", path])).rejects.toThrow(/offset 2 \(0xff\)/);
    const { json } = await run(["--tokenizer", "o200k_base", "--lossy", path]);
    expect(json.ids).toEqual(Array.from(o200k.encode("hi\uFFFD!")));
  });

  it("decodes UTF-16 with a byte order mark", async () => {
    const text = "Grüße, 世界";
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { json } = await run(["--tokenizer", "o200k_base", file("utf16.txt", le)]);
    expect(json.ids).toEqual(Array.from(o200k.encode(text)));
  });

  it("writes big output in many chunks that join into the same JSON", async () => {
    const text = "The quick brown fox. ".repeat(20_000);
    const { json, writes } = await run(["--tokenizer", "o200k_base", file("big.txt", utf8(text))]);
    expect(json.ids).toEqual(Array.from(o200k.encode(text)));
    expect(json.spans.at(-1)![1]).toBe(utf8(text).length);
    expect(writes).toBeGreaterThan(2);
  });
});
