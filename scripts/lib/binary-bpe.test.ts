import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { binaryEncoder } from "../../src/core/bpe/binary/binary-encoding";
import { trainBinaryBpeJob } from "../../src/core/bpe/binary/binary-train-job";
import { fromTokenizerJson, toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { uninterruptedHooks } from "../../src/core/jobs/job-hooks";
import { toWellFormed } from "../../src/core/text/well-formed";
import { isContinuationByte, utf8Encode } from "../../src/core/text/utf8";
import { UsageError } from "../cli/args";
import { bpeCommand } from "../cli/bpe-command";
import { tokenizeCommand } from "../cli/tokenize-command";
import { hardUnicode } from "./arbitraries";
import { rustTokenizer } from "./rust-tokenizers";
import { readDeclarations } from "./udhr-text";

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "binary-bpe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const declarations = readDeclarations();
/** Real binaries: gzip members of UDHR declarations (node's zlib) and slices of onnxruntime-web's WebAssembly. */
const ortDist = join(dirname(require.resolve("onnxruntime-web")), "..", "dist");
const wasm = new Uint8Array(readFileSync(join(ortDist, "ort-wasm-simd-threaded.wasm")));
const gzips = declarations.slice(0, 12).map((d) => new Uint8Array(gzipSync(d.text)));
const wasmSlices = [0, 1, 2, 3].map((i) => wasm.subarray(i * 60_000, (i + 1) * 60_000));
const texts = declarations.slice(20, 26).map((d) => utf8Encode(d.text.slice(0, 6000)));

async function runTokenize(argv: string[]): Promise<{ ids: number[]; spans: [number, number][] }> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  await tokenizeCommand(argv, out);
  await new Promise<void>((resolve) => out.end(resolve));
  return JSON.parse(chunks.join("")) as never;
}

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

describe("binary BPE against Hugging Face's Rust tokenizers", () => {
  it("exports a tokenizer.json the Rust library encodes exactly like our byte encoder (on text it can take)", async () => {
    const model = await trainBinaryBpeJob(
      { sequences: [...gzips, ...wasmSlices, ...texts], vocabSize: 1500 },
      uninterruptedHooks(),
    );
    expect(model.tokens.length).toBe(1500);
    const json = toTokenizerJson(model);
    const rust = rustTokenizer(json);
    const ours = binaryEncoder(fromTokenizerJson(JSON.parse(JSON.stringify(json))));
    // The Rust library takes strings, so the comparison runs on valid UTF-8: held-out declarations and random
    // hard Unicode; ids and byte spans must agree.
    const inputs = [
      ...declarations.slice(40, 60).map((d) => d.text.slice(0, 3000)),
      ...fc.sample(hardUnicode(), { numRuns: 300, seed: 7 }).map(toWellFormed),
    ];
    for (const text of inputs) {
      const expected = await rust(text);
      const bytes = utf8Encode(text);
      const { ids, starts, ends } = ours(bytes);
      if (ids.length !== expected.ids.length || [...ids].some((id, i) => id !== expected.ids[i]))
        expect({ text: text.slice(0, 80), ids: [...ids] }).toEqual({
          text: text.slice(0, 80),
          ids: expected.ids,
        });
      // Rust's offsets are in characters, so they equal ours where a token starts and ends on a character.
      const onCharacter = (at: number) => at === bytes.length || !isContinuationByte(bytes[at]!);
      [...ids].forEach((_, i) => {
        if (onCharacter(starts[i]!) && onCharacter(ends[i]!))
          expect([starts[i], ends[i]]).toEqual(expected.spans[i]);
      });
    }
  }, 120_000);
});

describe("bpe train --binary / tokenize --binary (CLI)", () => {
  const paths = [
    ...gzips.slice(0, 6).map((bytes, i) => file(`declaration-${i}.gz`, bytes)),
    file("ort-slice.wasm", wasmSlices[0]!),
  ];
  const unseen = file(
    "unseen.bin",
    Uint8Array.from([...gzips[8]!, 0xff, 0xfe, 0x00, 0xc3, 0x28, ...wasmSlices[3]!.subarray(0, 5000)]),
  );

  it("trains on raw bytes and tokenizes any file, spans covering its exact bytes", async () => {
    const out = join(dir, "binary.json");
    const summary = JSON.parse(
      await bpeCommand(["train", "--binary", "--vocab", "800", "--out", out, ...paths]),
    ) as {
      vocabSize: number;
      binary: boolean;
      files: number;
      inputBytes: number;
    };
    expect(summary).toMatchObject({ vocabSize: 800, binary: true, files: paths.length });
    expect(summary.inputBytes).toBe(paths.reduce((sum, p) => sum + readFileSync(p).length, 0));
    // The CLI's model is the core trainer's on the same bytes.
    const direct = await trainBinaryBpeJob(
      { sequences: paths.map((p) => new Uint8Array(readFileSync(p))), vocabSize: 800 },
      uninterruptedHooks(),
    );
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(
      JSON.parse(JSON.stringify(toTokenizerJson(direct))),
    );

    const bytes = new Uint8Array(readFileSync(unseen));
    const { ids, spans } = await runTokenize(["--binary", "--tokenizer", out, unseen]);
    const model = fromTokenizerJson(JSON.parse(readFileSync(out, "utf8")));
    expect(spans[0]![0]).toBe(0);
    expect(spans.at(-1)![1]).toBe(bytes.length);
    ids.forEach((id, i) => {
      const [start, end] = spans[i]!;
      if (i > 0) expect(start).toBe(spans[i - 1]![1]);
      expect([...bytes.subarray(start, end)]).toEqual([...model.tokens[id]!]);
    });
    expect(ids.length).toBeLessThan(bytes.length);
  });

  it("gives the bytes lane's ids with --tokenizer bytes, and refuses tokenizers that need text", async () => {
    const small = file("small.bin", Uint8Array.of(0, 255, 0xc3));
    expect(await runTokenize(["--binary", "--tokenizer", "bytes", small])).toEqual({
      tokenizer: "bytes",
      ids: [3, 258, 198],
      spans: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    });
    const text = join(dir, "text.json");
    await bpeCommand(["train", "--vocab", "300", "--out", text, file("t.txt", utf8Encode("abab abab abab"))]);
    await expect(runTokenize(["--binary", "--tokenizer", text, small])).rejects.toThrow(/pre-tokenizes text/);
    await expect(runTokenize(["--binary", "--tokenizer", "o200k_base", small])).rejects.toThrow(UsageError);
    await expect(
      bpeCommand(["train", "--binary", "--superbpe", "280", "--vocab", "300", "--out", text, small]),
    ).rejects.toThrow(/--binary/);
  });
});
