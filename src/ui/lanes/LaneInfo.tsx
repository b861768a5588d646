import { memo } from "react";
import type { TokenizerInfo } from "../../core/tokenizers/types";
import { formatCount } from "../format-count";

/** What is known about the tokenizer behind a lane (drawn again only when the tokenizer changes, not per keystroke). */
export const LaneInfo = memo(function LaneInfo({ info }: { info: TokenizerInfo }) {
  return (
    <details className="lane-info">
      <summary>About {info.name}</summary>
      <dl>
        <dt>Lane id</dt>
        <dd>
          <code>{info.id}</code>
        </dd>
        <dt>Used by</dt>
        <dd>{info.models.length > 0 ? info.models.join(", ") : "—"}</dd>
        <dt>Algorithm</dt>
        <dd>{info.algorithm}</dd>
        <dt>Vocabulary</dt>
        <dd>{info.vocabSize === null ? "none (open-ended)" : formatCount(info.vocabSize)}</dd>
        <dt>Normalization</dt>
        <dd>{info.normalization}</dd>
        <dt>Pre-tokenization</dt>
        <dd className="wrap">{info.pretokenization}</dd>
        <dt>Source</dt>
        <dd>{info.source}</dd>
      </dl>
    </details>
  );
});
