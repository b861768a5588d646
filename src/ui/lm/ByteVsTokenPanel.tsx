import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { klDivergenceBits, totalVariation } from "../../core/lm/byte-token/divergence";
import { nextByteOptions, tokenLmLoadOptions, tokenNextBytesOptions } from "../../queries/lm-queries";
import type { LmBackend } from "../../../workers/lm/api";
import { ScrollBox } from "../ScrollBox";
import { CoverList } from "./CoverList";
import { DistributionColumn } from "./DistributionColumn";
import { tokenText } from "./token-text";
import { formatCount } from "../format-count";

interface ByteVsTokenPanelProps {
  text: string;
  /** The prompt's end, in bytes (may fall inside a character). */
  caret: number;
  totalBytes: number;
  onCaret(byteOffset: number): void;
  backend: LmBackend | "auto";
}

function formatBits(bits: number): string {
  return Number.isFinite(bits) ? bits.toFixed(3) : "∞";
}

/**
 * At the caret: the byte LM's next byte, the token LM's exact next byte (summed over cover encodings, the
 * byte–token lemma), the naive one (tokenize the prompt, read the next token's first byte) and one-token
 * healing, with their distances and the covers.
 */
export function ByteVsTokenPanel({ text, caret, totalBytes, onCaret, backend }: ByteVsTokenPanelProps) {
  const load = useQuery(tokenLmLoadOptions());
  const token = useQuery({ ...tokenNextBytesOptions(text, caret), enabled: load.isSuccess });
  const byte = useQuery(nextByteOptions(text, caret, backend));
  // The byte LM has no end of text: probability 0 at index 256. Memoized so its chart draws once per answer.
  const byteLogs = useMemo(
    () => (byte.data ? Float64Array.from([...byte.data.probs, 0], (p) => Math.log(p)) : undefined),
    [byte.data],
  );
  const data = token.data;
  const card = load.data?.card;
  return (
    <section
      className="byte-vs-token"
      data-testid="byte-vs-token"
      data-exact-ms={data?.exactMs.toFixed(1) ?? ""}
      data-covers={data?.coverCount ?? ""}
      aria-label="Byte versus token probabilities"
    >
      <h3>Byte vs token at byte {formatCount(caret)}</h3>
      <p className="caret-controls">
        <button type="button" disabled={caret === 0} onClick={() => onCaret(caret - 1)}>
          ◀ one byte back
        </button>{" "}
        <button type="button" disabled={caret >= totalBytes} onClick={() => onCaret(caret + 1)}>
          one byte on ▶
        </button>{" "}
        <span className="muted">(the prompt may end inside a word or inside a character)</span>
      </p>
      {load.isPending && <p>Loading the token model…</p>}
      {load.error && (
        <p className="error" role="alert">
          The token model could not be started: {(load.error as Error).message}{" "}
          <button type="button" onClick={() => void load.refetch()}>
            Retry
          </button>
        </p>
      )}
      {card && (
        <p className="muted">
          {card.name}: {(card.parameters / 1e6).toFixed(2)} M parameters, a{" "}
          {formatCount(card.tokenizer.vocabSize)}
          -token BPE trained here, {card.evaluation.bitsPerByte.toFixed(3)} bits/byte on validation (the byte
          model: {card.byteLmBitsPerByte?.toFixed(3) ?? "–"}).
        </p>
      )}
      {token.isPending && load.isSuccess && <p className="muted">Summing over cover encodings…</p>}
      {token.error && <p className="error">{(token.error as Error).message}</p>}
      {data && (
        <>
          <p>
            The prompt encodes as{" "}
            <span className="token-chips" data-testid="prompt-encoding">
              {data.encoding.slice(-8).map((t, i) => (
                <code key={i}>{tokenText(t)}</code>
              ))}
            </span>
            {data.encoding.length > 8 ? ` (last 8 of ${data.encoding.length} tokens)` : ""}.
          </p>
          <div className="distribution-grid">
            {byteLogs && <DistributionColumn title="Byte LM" logProbs={byteLogs} testId="dist-byte" />}
            <DistributionColumn title="Token LM, exact" logProbs={data.exact} testId="dist-exact" />
            <DistributionColumn title="Token LM, naive" logProbs={data.naive} testId="dist-naive" />
            <DistributionColumn title="Token healing" logProbs={data.healing} testId="dist-healing" />
          </div>
          <ScrollBox label="Divergences from the exact next-byte distribution">
            <table className="divergences">
              <thead>
                <tr>
                  <th>exact vs</th>
                  <th>total variation</th>
                  <th>KL(exact ‖ other), bits</th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ["naive", data.naive],
                    ["healing", data.healing],
                    ...(byteLogs ? ([["byte LM", byteLogs]] as const) : []),
                  ] as const
                ).map(([name, other]) => (
                  <tr key={name} data-testid={`divergence-${name.replace(" ", "-")}`}>
                    <td>{name}</td>
                    <td>{totalVariation(data.exact, other).toFixed(3)}</td>
                    <td>{formatBits(klDivergenceBits(data.exact, other))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <p className="muted">
            Exact next byte from {formatCount(data.coverCount)} cover encoding
            {data.coverCount === 1 ? "" : "s"} in {data.exactMs.toFixed(0)} ms. The byte LM has no end of
            text, so KL against it is infinite whenever the token model gives the end any mass.
          </p>
          <CoverList covers={data.covers} total={data.coverCount} />
        </>
      )}
    </section>
  );
}
