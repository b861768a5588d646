import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { topBytes } from "../../core/lm/surprisal";
import { nextByteOptions } from "../../queries/lm-queries";
import type { LmBackend } from "../../../workers/lm/api";
import { drawByteBars } from "../charts/byte-bars";
import { formatCount } from "../format-count";

/** How a byte value reads: printable ASCII as itself, the rest as escapes, always with its hex. */
export function byteLabel(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, "0")}`;
  if (byte === 0x20) return `␠ ${hex}`;
  if (byte === 0x0a) return `\\n ${hex}`;
  if (byte >= 0x21 && byte < 0x7f) return `${String.fromCharCode(byte)} ${hex}`;
  return byte >= 0x80 ? `${byte >= 0xc0 ? "lead" : "cont"} ${hex}` : hex;
}

interface NextBytePanelProps {
  text: string;
  caret: number;
  backend: LmBackend | "auto";
}

/** The top-k next bytes after the caret (d3 bars) and the distribution's entropy. */
export function NextBytePanel({ text, caret, backend }: NextBytePanelProps) {
  const next = useQuery(nextByteOptions(text, caret, backend));
  const ref = useRef<SVGSVGElement>(null);
  const data = next.data;
  useEffect(() => {
    if (!ref.current || !data) return;
    drawByteBars(
      ref.current,
      topBytes(data.probs, 12).map(({ byte, prob }) => ({ label: byteLabel(byte), prob })),
    );
  }, [data]);
  return (
    <div className="next-byte" data-testid="next-byte">
      <h3>Next byte after byte {formatCount(caret)}</h3>
      {next.isPending && <p className="muted">Predicting…</p>}
      {next.error && <p className="error">{(next.error as Error).message}</p>}
      {data && (
        <p>
          Entropy <strong data-testid="next-byte-entropy">{data.entropyBits.toFixed(2)}</strong> bits (of 8 at
          most)
        </p>
      )}
      <svg ref={ref} role="img" aria-label="Most likely next bytes" data-testid="next-byte-chart" />
    </div>
  );
}
