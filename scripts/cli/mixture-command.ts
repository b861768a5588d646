import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { builtinBpeModel } from "../../src/core/bpe/mixture/builtin-merges";
import { estimateMixture, type MixtureCategory } from "../../src/core/bpe/mixture/mixture-jobs";
import type { BpeModel } from "../../src/core/bpe/model";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { uninterruptedHooks } from "../../src/core/jobs/job-hooks";
import { nodeLpSolver } from "../lib/mixture-highs";
import { nodeMergeListSources } from "../lib/mixture-sources";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

const USAGE =
  "usage: mixture --tokenizer <id|tokenizer.json> --category <name>=<file> [--category …] [--merges <n>] [--time-limit <s>] [--verbose]";

/** Merges replayed unless `--merges` says otherwise: the paper's signal is strongest in the early merges. */
const DEFAULT_MERGES = 3000;
/** Seconds of lazy constraint generation before the estimate is reported as it stands (`converged: false`). */
const DEFAULT_TIME_LIMIT_S = 120;

/** Pulls every `--category name=file` (the option repeats, which {@link parseArgs} does not keep). */
function takeCategories(argv: readonly string[]): { categories: [string, string][]; rest: string[] } {
  const categories: [string, string][] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === "--category") value = argv[++i];
    else if (arg.startsWith("--category=")) value = arg.slice("--category=".length);
    else {
      rest.push(arg);
      continue;
    }
    const eq = value?.indexOf("=") ?? -1;
    if (!value || eq < 1 || eq === value.length - 1) throw new UsageError("--category needs <name>=<file>");
    const name = value.slice(0, eq);
    if (categories.some(([other]) => other === name)) throw new UsageError(`category "${name}" given twice`);
    categories.push([name, value.slice(eq + 1)]);
  }
  return { categories, rest };
}

/** A tokenizer.json path, or a built-in id (tiktoken encodings get merges derived from their ranks). */
async function loadModel(spec: string, merges: number): Promise<BpeModel> {
  if (spec.endsWith(".json") || existsSync(spec))
    return fromTokenizerJson(JSON.parse(await readFile(spec, "utf8")) as unknown);
  return builtinBpeModel(spec, nodeMergeListSources, merges);
}

/**
 * `mixture --tokenizer <id|tokenizer.json> --category <name>=<file> ...`: estimates the byte proportions of
 * the categories in the tokenizer's training data from its first `--merges` merges (default 3000), by
 * replaying them on each category's file and solving the Hayase et al. LP with HiGHS. Prints
 * `{"proportions": {"<name>": p, ...}}` (summing to 1); `--verbose` adds slack and solver figures, and
 * whether the search converged within `--time-limit` seconds (default 120).
 */
export async function mixtureCommand(argv: string[]): Promise<string> {
  const { categories, rest } = takeCategories(argv);
  const args = parseArgs(rest, ["verbose"]);
  const tokenizer = args.options.get("tokenizer");
  if (typeof tokenizer !== "string" || categories.length === 0 || args.positional.length > 0)
    throw new UsageError(USAGE);
  const mergesOption = args.options.get("merges");
  const merges = mergesOption === undefined ? DEFAULT_MERGES : Number(mergesOption);
  if (!Number.isInteger(merges) || merges < 1) throw new UsageError("--merges needs a positive integer");
  const limitOption = args.options.get("time-limit");
  const timeLimit = limitOption === undefined ? DEFAULT_TIME_LIMIT_S : Number(limitOption);
  if (!(timeLimit > 0)) throw new UsageError("--time-limit needs a positive number of seconds");
  const model = await loadModel(tokenizer, merges);
  const samples: MixtureCategory[] = [];
  for (const [name, path] of categories) {
    const text = new TextDecoder().decode(await readInput(path));
    if (text.length === 0) throw new UsageError(`category "${name}": ${path} is empty`);
    samples.push({ name, texts: [text] });
  }
  // The lab's mixture job, run without interruption.
  const estimate = await estimateMixture(
    model,
    samples,
    await nodeLpSolver(),
    { merges, timeLimitMs: timeLimit * 1000 },
    uninterruptedHooks(),
  );
  const proportions = Object.fromEntries(categories.map(([name], i) => [name, estimate.proportions[i]!]));
  if (args.options.get("verbose") !== true) return JSON.stringify({ proportions });
  return JSON.stringify({
    proportions,
    merges: estimate.merges,
    sampleBytes: Object.fromEntries(categories.map(([name], i) => [name, estimate.sampleBytes[i]!])),
    totalSlack: estimate.totalSlack,
    relativeSlack: estimate.relativeSlack,
    rounds: estimate.rounds,
    constraints: estimate.constraints,
    converged: estimate.converged,
    violated: estimate.violated,
    solverMs: Math.round(estimate.solverMs),
  });
}
