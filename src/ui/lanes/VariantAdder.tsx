import { useState } from "react";
import type { InferenceMethod } from "../../core/bpe/merge-free";
import { variantId } from "../../core/bpe/variant-id";
import { dynamicId } from "../../core/tokenizers/dynamic/dynamic-tokenizer";
import { useComparisonActions, useLanes } from "../../state/comparison-store";
import type { TokenizerListing } from "../../../workers/tokenizer/api";

/** A variant: another inference method over the merge list, or merges learned on the text (dynamic). */
const METHODS: ({ label: string; method: InferenceMethod } | { label: string; dynamic: number })[] = [
  { label: "greedy longest prefix (no merge list)", method: { kind: "greedy" } },
  { label: "least tokens (no merge list; ties: longest last token)", method: { kind: "least-tokens" } },
  { label: "merge list in a random order (seed 1)", method: { kind: "permuted-merges", seed: 1 } },
  { label: "10 % of merges deleted (seed 1)", method: { kind: "deleted-merges", share: 0.1, seed: 1 } },
  { label: "50 % of merges deleted (seed 1)", method: { kind: "deleted-merges", share: 0.5, seed: 1 } },
  { label: "+ 64 merges learned on this text (dynamic tokenization)", dynamic: 64 },
  { label: "+ 256 merges learned on this text (dynamic tokenization)", dynamic: 256 },
];

function laneIdOf(base: string, choice: (typeof METHODS)[number]): string {
  return "dynamic" in choice ? dynamicId(base, choice.dynamic) : variantId({ base, method: choice.method });
}

/**
 * Adds a lane that runs a BPE vocabulary without its merge list (Sawada & Goyal 2025) or with a damaged one.
 * The bases are the BPE vocabularies: tokenizer.json files (built-in and dropped, byte-level or
 * SentencePiece-style) and tiktoken encodings (merges derived from their ranks); one without a merge list
 * (Unigram, WordPiece) shows why in its lane.
 */
export function VariantAdder({ listings }: { listings: readonly TokenizerListing[] }) {
  const lanes = useLanes();
  const { addLane } = useComparisonActions();
  const bases = [
    ...listings
      .filter((l) => l.family === "huggingface" || l.family === "tiktoken")
      .map((l) => ({ id: l.id, name: l.name })),
    ...lanes
      .filter((l) => l.tokenizer.startsWith("custom-"))
      .map((l) => ({ id: l.tokenizer, name: l.tokenizer })),
  ];
  const [base, setBase] = useState("");
  const [method, setMethod] = useState(1);
  const chosen = base || bases[0]?.id || "";
  return (
    <details className="variant-adder">
      <summary>BPE without its merge list, or with merges learned on the text…</summary>
      <label>
        Vocabulary{" "}
        <select value={chosen} onChange={(e) => setBase(e.target.value)} data-testid="variant-base">
          {bases.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <label>
        Inference{" "}
        <select
          value={method}
          onChange={(e) => setMethod(Number(e.target.value))}
          data-testid="variant-method"
        >
          {METHODS.map((m, i) => (
            <option key={m.label} value={i}>
              {m.label}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" disabled={!chosen} onClick={() => addLane(laneIdOf(chosen, METHODS[method]!))}>
        Add variant lane
      </button>
    </details>
  );
}
