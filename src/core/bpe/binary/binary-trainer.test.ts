import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTokenizerJson, toTokenizerJson } from "../tokenizer-json";
import { BpeTrainer } from "../trainer";
import { binaryEncoder, byteIdentityEncoding, NotBinaryModelError } from "./binary-encoding";
import { BinaryBpeTrainer } from "./binary-trainer";
import { trainBinaryBpeJob } from "./binary-train-job";
import { uninterruptedHooks } from "../../jobs/job-hooks";
import { DEFAULT_BPE_PATTERN, NO_PRETOKENIZATION } from "../pretokenize";

/**
 * Textbook BPE over whole byte sequences, recounting every adjacent pair at each step: the slow reference.
 * Highest count, ties to the smallest (left, right); a pair merged once; existing bytes reuse their id;
 * occurrences replaced left to right. Pairs never span two sequences.
 */
function naiveBinaryTrain(sequences: Uint8Array[], vocabSize: number) {
  const tokens: number[][] = Array.from({ length: 256 }, (_, b) => [b]);
  const byKey = new Map(tokens.map((t, id) => [t.join(","), id]));
  let seqs = sequences.map((s) => [...s]);
  const merges: [number, number][] = [];
  const done = new Set<string>();
  while (tokens.length < vocabSize) {
    const counts = new Map<string, number>();
    for (const s of seqs)
      for (let i = 0; i + 1 < s.length; i++) {
        const key = `${s[i]},${s[i + 1]}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    let best: [number, number] | null = null;
    let bestCount = 0;
    for (const [key, count] of counts) {
      if (done.has(key)) continue;
      const [a, b] = key.split(",").map(Number) as [number, number];
      if (
        count > bestCount ||
        (count === bestCount && best && (a < best[0] || (a === best[0] && b < best[1])))
      ) {
        best = [a, b];
        bestCount = count;
      }
    }
    if (!best || bestCount < 2) break;
    done.add(best.join(","));
    const bytes = [...tokens[best[0]]!, ...tokens[best[1]]!];
    let id = byKey.get(bytes.join(","));
    if (id === undefined) {
      id = tokens.length;
      tokens.push(bytes);
      byKey.set(bytes.join(","), id);
    }
    merges.push(best);
    seqs = seqs.map((s) => {
      const out: number[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === best[0] && s[i + 1] === best[1]) {
          out.push(id);
          i++;
        } else out.push(s[i]!);
      }
      return out;
    });
  }
  return { tokens, merges, seqs };
}

/** Applies each merge in rank order over the whole sequence, left to right (the textbook encoder). */
function naiveApply(tokens: Uint8Array[], merges: [number, number][], bytes: Uint8Array): number[] {
  const index = new Map(tokens.map((t, id) => [[...t].join(","), id]));
  let s = [...bytes];
  for (const [a, b] of merges) {
    const id = index.get([...tokens[a]!, ...tokens[b]!].join(","))!;
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
        out.push(id);
        i++;
      } else out.push(s[i]!);
    }
    s = out;
  }
  return s;
}

/** Byte strings with structure (repeats, runs, few distinct bytes) so that merges happen. */
const SEQUENCE = fc
  .array(
    fc.oneof(
      fc.constantFrom([0], [0, 0, 0, 0], [0xff, 0xd8], [1, 2, 3], [0x89, 0x50, 0x4e, 0x47], [7], [7, 7, 7]),
      fc.uint8Array({ minLength: 1, maxLength: 3 }).map((a) => [...a]),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

/** A pseudo-random structured "binary file": records of a header, little-endian counters and padding. */
function syntheticFile(seed: number, records: number): Uint8Array {
  const out: number[] = [];
  let x = seed;
  for (let r = 0; r < records; r++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(0x42, 0x4d, r & 0xff, (r >> 8) & 0xff, x & 0xff, (x >> 8) & 0x0f, 0, 0, 0, 0);
    if (x % 3 === 0) out.push(0xff, 0xff, 0xff, 0xff);
  }
  return Uint8Array.from(out);
}

describe("BinaryBpeTrainer", () => {
  it("learns the same merges as textbook BPE over whole sequences", () => {
    fc.assert(
      fc.property(fc.array(SEQUENCE, { maxLength: 5 }), fc.integer({ min: 256, max: 290 }), (seqs, size) => {
        const expected = naiveBinaryTrain(seqs, size);
        const trainer = new BinaryBpeTrainer(seqs, { vocabSize: size });
        trainer.step(Infinity);
        const { tokens, merges } = trainer.result();
        expect(merges).toEqual(expected.merges);
        expect(tokens.map((t) => [...t])).toEqual(expected.tokens);
        // Encoding each training sequence with the learned merges gives training's own segmentation.
        const encode = binaryEncoder({ tokens, merges, pattern: NO_PRETOKENIZATION });
        seqs.forEach((s, i) => expect([...encode(s).ids]).toEqual(expected.seqs[i]));
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with the chunk trainer when every file is one chunk", () => {
    const files = [syntheticFile(1, 400), syntheticFile(2, 300), syntheticFile(1, 400), syntheticFile(9, 50)];
    const binary = new BinaryBpeTrainer(files, { vocabSize: 600 });
    binary.step(Infinity);
    const chunked = new BpeTrainer(
      files.map((symbols) => ({ symbols, count: 1 })),
      { vocabSize: 600 },
    );
    chunked.run();
    expect(binary.result()).toEqual(chunked.result());
    expect(binary.vocabSize).toBe(600);
  });

  it("never merges across two files", () => {
    const trainer = new BinaryBpeTrainer([Uint8Array.of(1, 2, 1, 2), Uint8Array.of(3, 4, 3, 4)], {
      vocabSize: 300,
    });
    trainer.step(Infinity);
    const { tokens, merges } = trainer.result();
    expect(merges.map(([a, b]) => [...tokens[a]!, ...tokens[b]!])).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("gives the same model in slices (the job) as in one run", async () => {
    const files = [syntheticFile(5, 300), syntheticFile(6, 200)];
    const whole = new BinaryBpeTrainer(files, { vocabSize: 500 });
    whole.step(Infinity);
    const progress: number[] = [];
    const model = await trainBinaryBpeJob(
      { sequences: files, vocabSize: 500 },
      uninterruptedHooks((p) => progress.push(p.vocabSize)),
    );
    expect({ tokens: model.tokens, merges: model.merges }).toEqual(whole.result());
    expect(model.pattern).toBe(NO_PRETOKENIZATION);
    expect(progress.at(-1)).toBe(whole.vocabSize);
    await expect(
      trainBinaryBpeJob({ sequences: [new Uint8Array(0)], vocabSize: 300 }, uninterruptedHooks()),
    ).rejects.toThrow(/no bytes/);
  });
});

describe("binaryEncoder", () => {
  const files = [syntheticFile(11, 500), syntheticFile(12, 500)];
  const trainer = new BinaryBpeTrainer(files, { vocabSize: 700 });
  trainer.step(Infinity);
  const model = { ...trainer.result(), pattern: NO_PRETOKENIZATION };
  const encode = binaryEncoder(model);

  it("equals the textbook encoder on unseen bytes, with covering spans", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.integer({ min: 0, max: 1000 }).map((seed) => syntheticFile(seed, 30)),
        ),
        (bytes) => {
          const { ids, starts, ends } = encode(bytes);
          expect([...ids]).toEqual(naiveApply(model.tokens, model.merges, bytes));
          let position = 0;
          ids.forEach((id, i) => {
            expect(starts[i]).toBe(position);
            const token = model.tokens[id]!;
            expect([...bytes.subarray(starts[i], ends[i])]).toEqual([...token]);
            position = ends[i]!;
          });
          expect(position).toBe(bytes.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("survives a tokenizer.json round trip (a lone ByteLevel pre-tokenizer)", () => {
    const json = toTokenizerJson(model);
    expect(json.pre_tokenizer).toMatchObject({ type: "ByteLevel", use_regex: false });
    const back = fromTokenizerJson(JSON.parse(JSON.stringify(json)));
    expect(back.pattern).toBe(NO_PRETOKENIZATION);
    expect(back.tokens).toEqual(model.tokens);
    expect(back.merges).toEqual(model.merges);
  });

  it("refuses a model that pre-tokenizes text", () => {
    expect(() => binaryEncoder({ ...model, pattern: DEFAULT_BPE_PATTERN })).toThrow(NotBinaryModelError);
  });

  it("has a one-token-per-byte baseline", () => {
    const { ids, starts, ends } = byteIdentityEncoding(Uint8Array.of(0, 255, 7));
    expect([...ids, ...starts, ...ends]).toEqual([0, 255, 7, 0, 1, 2, 1, 2, 3]);
  });
});
