import { useState } from "react";
import "./binary.css";
import { asciiBytes, firstTokenEndingAfter, hexBytes, hexOffset } from "../../core/bpe/binary/hex";
import type { SpannedIds } from "../../core/bpe/text-encoder";
import type { BinaryItem } from "../../state/binary-store";
import { formatBytes } from "../lab/text-sources";

/** One lane over a file's bytes: one token per byte, or a binary tokenizer's encoding (null while it runs). */
export type HexLane =
  | { kind: "bytes"; id: string; label: string }
  | { kind: "tokens"; id: string; label: string; encoding: SpannedIds | null; error?: string };

/** Bytes shown per page (a megabyte file stays smooth: only one page is drawn). */
export const HEX_PAGE_BYTES = 512;

interface HexLanesProps {
  item: BinaryItem;
  lanes: HexLane[];
}

/**
 * A file's bytes in hex, one lane per tokenizer, a page at a time: each token is a chip of its bytes (cut
 * at the page's edges, marked "…"); hovering a chip outlines the same bytes in every lane.
 */
export function HexLanes({ item, lanes }: HexLanesProps) {
  const [page, setPage] = useState(0);
  const [hovered, setHovered] = useState<[number, number] | null>(null);
  const pages = Math.max(1, Math.ceil(item.bytes.length / HEX_PAGE_BYTES));
  const current = Math.min(page, pages - 1);
  const from = current * HEX_PAGE_BYTES;
  const to = Math.min(item.bytes.length, from + HEX_PAGE_BYTES);
  return (
    <div className="hex-lanes" data-testid="hex-lanes" data-file={item.name}>
      <div className="lab-row hex-pager" role="group" aria-label="Pages">
        <button type="button" disabled={current === 0} onClick={() => setPage(0)}>
          First
        </button>
        <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
          Previous
        </button>
        <span data-testid="hex-range">
          bytes {hexOffset(from)}–{hexOffset(to)} of {formatBytes(item.bytes.length)} (page {current + 1} of{" "}
          {pages})
        </span>
        <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
          Next
        </button>
        <button type="button" disabled={current >= pages - 1} onClick={() => setPage(pages - 1)}>
          Last
        </button>
      </div>
      {item.bytes.length === 0 && <p className="empty-state">The file is empty.</p>}
      {lanes.map((lane) => (
        <HexLaneRow
          key={lane.id}
          lane={lane}
          bytes={item.bytes}
          from={from}
          to={to}
          hovered={hovered}
          onHover={setHovered}
        />
      ))}
    </div>
  );
}

interface RowProps {
  lane: HexLane;
  bytes: Uint8Array;
  from: number;
  to: number;
  hovered: [number, number] | null;
  onHover(range: [number, number] | null): void;
}

function HexLaneRow({ lane, bytes, from, to, hovered, onHover }: RowProps) {
  const tokenCount = lane.kind === "bytes" ? bytes.length : (lane.encoding?.ids.length ?? null);
  return (
    <section
      className="hex-lane"
      aria-label={lane.label}
      data-testid={`hex-lane-${lane.id}`}
      data-tokens={tokenCount ?? ""}
    >
      <h4>
        {lane.label}{" "}
        <span className="muted">
          {tokenCount === null
            ? lane.kind === "tokens" && lane.error
              ? ""
              : "tokenizing…"
            : `${tokenCount.toLocaleString("en-US")} tokens · ${tokenCount > 0 ? (bytes.length / tokenCount).toFixed(3) : "–"} bytes/token`}
        </span>
      </h4>
      {lane.kind === "tokens" && lane.error && <p className="error">{lane.error}</p>}
      <div
        className="hex-chips"
        tabIndex={0}
        role="group"
        aria-label={`${lane.label}: tokens of this page`}
        onMouseLeave={() => onHover(null)}
      >
        {chips(lane, bytes, from, to).map(({ index, start, end, id }) => {
          const shownStart = Math.max(start, from);
          const shownEnd = Math.min(end, to);
          const lit = hovered !== null && start < hovered[1] && end > hovered[0];
          const classes = ["hex-token", index % 2 ? "alt" : "", lit ? "lit" : ""].filter(Boolean).join(" ");
          return (
            <span
              key={index}
              className={classes}
              data-start={start}
              data-end={end}
              title={`token ${index + 1}: id ${id}, bytes ${start}–${end} (${end - start}) "${asciiBytes(bytes, start, Math.min(end, start + 32))}"`}
              onMouseEnter={() => onHover([start, end])}
            >
              {start < from ? "…" : ""}
              {hexBytes(bytes, shownStart, shownEnd)}
              {end > to ? "…" : ""}
            </span>
          );
        })}
      </div>
    </section>
  );
}

/** The tokens of a lane that overlap [from, to). */
function chips(lane: HexLane, bytes: Uint8Array, from: number, to: number) {
  const out: { index: number; start: number; end: number; id: number }[] = [];
  if (lane.kind === "bytes") {
    for (let i = from; i < to; i++) out.push({ index: i, start: i, end: i + 1, id: bytes[i]! });
    return out;
  }
  const encoding = lane.encoding;
  if (!encoding) return out;
  for (let i = firstTokenEndingAfter(encoding.ends, from); i < encoding.ids.length; i++) {
    if (encoding.starts[i]! >= to) break;
    out.push({ index: i, start: encoding.starts[i]!, end: encoding.ends[i]!, id: encoding.ids[i]! });
  }
  return out;
}
