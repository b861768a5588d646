import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { encodingOptions, tokenizerLoadOptions } from "../../queries/tokenizer-queries";
import { LaneInfo } from "./LaneInfo";
import { SpecialTextHint } from "./SpecialTextHint";
import { TokenText } from "./TokenText";

interface LaneProps {
  laneId: string;
  text: string;
  parseSpecials: boolean;
}

/** One tokenizer's view of the text: status, token count and the coloured tokens. */
export function Lane({ laneId, text, parseSpecials }: LaneProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const load = useQuery(
    tokenizerLoadOptions(laneId, (loaded, total) => setProgress(total ? loaded / total : null)),
  );
  const encoding = useQuery({ ...encodingOptions(laneId, text, parseSpecials), enabled: load.isSuccess });
  const status =
    load.isError || encoding.isError
      ? "error"
      : load.isPending
        ? "loading"
        : encoding.isFetching || encoding.isPending
          ? "encoding"
          : "idle";
  const error = load.error ?? encoding.error;
  const data = encoding.data;
  return (
    <section
      className="lane"
      data-testid="lane"
      data-tokenizer={laneId}
      data-status={status}
      data-token-count={encoding.data?.ids.length}
      aria-busy={status === "loading"}
    >
      <header className="lane-header">
        <h2>{load.data?.name ?? laneId}</h2>
        {data && (
          <span className="count" data-testid="token-count">
            {data.ids.length.toLocaleString()} tokens
          </span>
        )}
        {status === "loading" && (
          <span className="muted">
            Loading tokenizer{progress !== null ? ` ${Math.round(progress * 100)}%` : "…"}
          </span>
        )}
      </header>
      {error && (
        <p role="alert" className="error">
          {error.message}{" "}
          <button type="button" onClick={() => void (load.isError ? load.refetch() : encoding.refetch())}>
            Retry
          </button>
        </p>
      )}
      {load.data && <SpecialTextHint info={load.data} text={text} parseSpecials={parseSpecials} />}
      {data?.notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
      {data && <TokenText text={text} encoding={data} />}
      {load.data && <LaneInfo info={load.data} />}
    </section>
  );
}
