import type { InferenceMethod } from "./merge-free";

/** A lane that runs a BPE vocabulary with another inference method: `<base id>.<method>`. */
export interface BpeVariant {
  base: string;
  method: InferenceMethod;
}

/** The method part of a variant id (`greedy`, `least-tokens`, `permuted-7`, `deleted10-7`, `merges`). */
function methodSuffix(method: InferenceMethod): string {
  switch (method.kind) {
    case "merges":
    case "greedy":
    case "least-tokens":
      return method.kind;
    case "permuted-merges":
      return `permuted-${method.seed}`;
    case "deleted-merges":
      return `deleted${Math.round(method.share * 100)}-${method.seed}`;
  }
}

/** The lane id of a variant (link-safe: lowercase letters, digits, `.`, `-`, `_`). */
export function variantId(variant: BpeVariant): string {
  return `${variant.base}.${methodSuffix(variant.method)}`;
}

/** Reads a variant lane id; null when the id is not one (so it is a plain tokenizer id). */
export function parseVariantId(id: string): BpeVariant | null {
  const match =
    /^([a-z0-9_-]+(?:\.[a-z0-9_-]+)*?)\.(merges|greedy|least-tokens|permuted-(\d{1,9})|deleted(\d{1,2})-(\d{1,9}))$/.exec(
      id,
    );
  if (!match) return null;
  const base = match[1]!;
  const kind = match[2]!;
  if (kind === "merges" || kind === "greedy" || kind === "least-tokens") return { base, method: { kind } };
  if (match[3] !== undefined) return { base, method: { kind: "permuted-merges", seed: Number(match[3]) } };
  const share = Number(match[4]) / 100;
  if (!(share > 0 && share < 1)) return null;
  return { base, method: { kind: "deleted-merges", share, seed: Number(match[5]) } };
}
