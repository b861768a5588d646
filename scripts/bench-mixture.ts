/**
 * Mixture-inference benchmark: the time to replay and solve the Hayase et al. LP for 10 categories and the
 * first 3,000 merges. (1) Controlled: BPE trained here on a known mixture of the 10 categories, estimated
 * from held-out halves. (2) Real: o200k_base's first 3,000 merges (derived from its ranks) against the
 * same samples, under a time limit, since 10 small samples cannot explain a GPT-4o merge list exactly.
 * Usage: npm run bench:mixture [-- --bytes <per category half>] [--real-limit <s>]
 */
import { builtinBpeModel } from "../src/core/bpe/mixture/builtin-merges";
import { categoryPairCounts, mixCorpus } from "../src/core/bpe/mixture/categories";
import { utf8ByteLength } from "../src/core/text/utf8";
import { inferMixture, type MixtureEstimate } from "../src/core/bpe/mixture/infer-mixture";
import type { BpeModel } from "../src/core/bpe/model";
import { seededRandom } from "../src/core/bpe/random";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { parseArgs } from "./cli/args";
import { nodeLpSolver } from "./lib/mixture-highs";
import { readBenchPools } from "./lib/mixture-samples";
import { nodeMergeListSources } from "./lib/mixture-sources";

const MERGES = 3000;
const args = parseArgs(process.argv.slice(2));
const bytesPerHalf = Number(args.options.get("bytes") ?? 100_000);
const realLimit = Number(args.options.get("real-limit") ?? 120);

const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface Row {
  setting: string;
  replay: number;
  estimate: MixtureEstimate;
  total: number;
  error?: number;
}

async function run(setting: string, model: BpeModel, samples: string[], limitS: number, truth?: number[]) {
  const started = performance.now();
  const counts = samples.map((text) => categoryPairCounts(model, [text], MERGES));
  const replay = performance.now() - started;
  const estimate = await inferMixture(counts, await nodeLpSolver(), { timeLimitMs: limitS * 1000 });
  const total = performance.now() - started;
  const error =
    truth && estimate.proportions.reduce((s, p, i) => s + Math.abs(p - truth[i]!), 0) / truth.length;
  return { setting, replay, estimate, total, error } satisfies Row;
}

const pools = readBenchPools(bytesPerHalf);
const random = seededRandom(7);
const weights = pools.map(() => 0.2 + random());
const sum = weights.reduce((a, b) => a + b, 0);
const fits = Math.min(...pools.map((p, i) => utf8ByteLength(p.train) / (weights[i]! / sum)));
const mix = mixCorpus(pools, weights, Math.floor(fits));
const trainStart = performance.now();
const trained = trainBpe(mix.texts, { vocabSize: 256 + MERGES }).model;
const trainMs = performance.now() - trainStart;
const samples = pools.map((p) => p.sample);
const rows: Row[] = [await run("controlled (trained here)", trained, samples, 600, mix.proportions)];
rows.push(
  await run(
    "o200k_base",
    await builtinBpeModel("o200k_base", nodeMergeListSources, MERGES),
    samples,
    realLimit,
  ),
);

console.log(
  `10 categories, ${MERGES} merges; samples ${pools.map((p) => `${p.name} ${(utf8ByteLength(p.sample) / 1024).toFixed(0)} KB`).join(", ")}`,
);
console.log(
  `controlled training: ${(utf8ByteLength(mix.texts.join("")) / 1024).toFixed(0)} KB in ${seconds(trainMs)} s`,
);
console.log(
  "| setting | replay (s) | LP rounds | constraints | HiGHS (s) | total (s) | converged | rel. slack | MAE |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const e = r.estimate;
  console.log(
    `| ${r.setting} | ${seconds(r.replay)} | ${e.rounds} | ${e.constraints} | ${seconds(e.solverMs)} | ${seconds(r.total)} | ${e.converged} | ${(e.relativeSlack * 100).toFixed(1)}% | ${r.error === undefined ? "–" : r.error.toFixed(4)} |`,
  );
}
