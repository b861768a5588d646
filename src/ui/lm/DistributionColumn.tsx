import { useEffect, useRef } from "react";
import { entropyBits, topOutcomes } from "../../core/lm/byte-token/divergence";
import { drawByteBars } from "../charts/byte-bars";
import { byteLabel } from "./NextBytePanel";

/** Index 256 of a next-byte distribution: end of text. */
const END = 256;

interface DistributionColumnProps {
  title: string;
  /** Natural-log probabilities of bytes 0–255 (and end of text at 256, when the model has one). */
  logProbs: ArrayLike<number>;
  testId: string;
}

/** One next-byte distribution as d3 bars of its most likely outcomes, with its entropy. */
export function DistributionColumn({ title, logProbs, testId }: DistributionColumnProps) {
  const ref = useRef<SVGSVGElement>(null);
  const top = topOutcomes(logProbs, 1)[0];
  useEffect(() => {
    if (!ref.current) return;
    drawByteBars(
      ref.current,
      topOutcomes(logProbs, 8).map(({ index, logProb }) => ({
        label: index === END ? "end" : byteLabel(index),
        prob: Math.exp(logProb),
      })),
      300,
    );
  }, [logProbs]);
  return (
    <figure
      className="distribution-column"
      data-testid={testId}
      data-top-outcome={top ? (top.index === END ? "eos" : String(top.index)) : ""}
      data-top-probability={top ? Math.exp(top.logProb) : ""}
    >
      <figcaption>
        <strong>{title}</strong> · {entropyBits(logProbs).toFixed(2)} bits
      </figcaption>
      <svg ref={ref} role="img" aria-label={`${title}: most likely next bytes`} />
    </figure>
  );
}
