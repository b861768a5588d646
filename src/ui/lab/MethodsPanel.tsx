import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { escapeTokenBytes } from "../../core/tokenizers/describe-token";
import { methodEncodingsOptions } from "../../queries/lab-queries";
import { useText } from "../../state/comparison-store";
import type { InferenceMethod, MethodEncoding, ModelRef } from "../../../workers/bpe/api";
import { tokenizeDelay, useDebouncedValue } from "../use-debounced-value";
import { MergeExplainer } from "./MergeExplainer";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

const METHODS: InferenceMethod[] = [
  { kind: "merges" },
  { kind: "greedy" },
  { kind: "least-tokens" },
  { kind: "permuted-merges", seed: 1 },
  { kind: "deleted-merges", seed: 1, share: 0.1 },
];

/** Tokens shown as clickable chips (the counts cover the whole text). */
const CHIP_LIMIT = 400;

/** Token counts of the current text under each inference method, and the merge-list tokens to explain. */
export function MethodsPanel({ modelRef }: { modelRef: ModelRef | null }) {
  const text = useDebouncedValue(useText(), tokenizeDelay);
  const query = useQuery(methodEncodingsOptions(modelRef, text, METHODS));
  const [byteStart, setByteStart] = useState<number | null>(null);
  if (!modelRef) return <p className="empty-state">Train a model or pick a built-in vocabulary above.</p>;
  if (text.length === 0)
    return <p className="empty-state">The current text is empty; type something in the Compare tab.</p>;
  return (
    <section
      className="lab-panel"
      data-testid="lab-methods"
      aria-label="Inference methods"
      data-status={query.fetchStatus}
    >
      <h3>Inference without the merge list</h3>
      {query.isPending && query.fetchStatus === "fetching" && <p className="muted">Segmenting…</p>}
      {query.isError && <p className="error">{query.error.message}</p>}
      {query.data && (
        <>
          <MethodTable results={query.data} />
          <TokenChips result={query.data[0]!} onPick={setByteStart} picked={byteStart} />
          {byteStart !== null && <MergeExplainer modelRef={modelRef} text={text} byteStart={byteStart} />}
        </>
      )}
    </section>
  );
}

function MethodTable({ results }: { results: MethodEncoding[] }) {
  const base = results[0]!.tokenCount;
  return (
    <ScrollBox label="Token counts by inference method">
      <table className="lab-table" data-testid="lab-method-counts">
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col">Tokens</th>
            <th scope="col">vs. merge list</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.label} data-method={r.method.kind} data-count={r.tokenCount}>
              <td>{r.label}</td>
              <td>{formatCount(r.tokenCount)}</td>
              <td>{base > 0 ? `${(((r.tokenCount - base) / base) * 100).toFixed(1)}%` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function TokenChips(props: {
  result: MethodEncoding;
  picked: number | null;
  onPick(byteStart: number): void;
}) {
  const { encoding } = props.result.view;
  const chips = useMemo(() => {
    const out: { start: number; text: string }[] = [];
    for (let i = 0; i < Math.min(encoding.ids.length, CHIP_LIMIT); i++) {
      const bytes = encoding.tokenBytes.subarray(
        encoding.tokenByteOffsets[i],
        encoding.tokenByteOffsets[i + 1],
      );
      out.push({ start: encoding.starts[i]!, text: escapeTokenBytes(bytes) });
    }
    return out;
  }, [encoding]);
  return (
    <div className="lab-chips" data-testid="lab-chips">
      <p className="muted">
        Click a token of the merge-list segmentation to see how it was built
        {encoding.ids.length > CHIP_LIMIT ? ` (first ${CHIP_LIMIT} tokens shown)` : ""}.
      </p>
      {chips.map((chip) => (
        <button
          type="button"
          key={chip.start}
          className={chip.start === props.picked ? "lab-chip picked" : "lab-chip"}
          onClick={() => props.onPick(chip.start)}
        >
          {chip.text.replace(/ /g, "·").replace(/\n/g, "↵")}
        </button>
      ))}
    </div>
  );
}
