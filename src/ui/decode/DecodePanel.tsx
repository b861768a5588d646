import { useQuery } from "@tanstack/react-query";
import { memo, useState } from "react";
import { parseIdList } from "../../core/tokenizers/id-list";
import { decodeIdsOptions, tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useLanes } from "../../state/comparison-store";
import { useDebouncedValue } from "../use-debounced-value";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";

/** Ids → text: paste ids, pick a tokenizer, see the text and each id's token. Unknown ids are named. */
export const DecodePanel = memo(function DecodePanel() {
  const lanes = useLanes();
  const listing = useQuery(tokenizerListOptions());
  const [typed, setTyped] = useState("");
  const idsText = useDebouncedValue(typed, () => 200);
  const [choice, setChoice] = useState("");
  const choices = [
    ...lanes
      .filter((lane) => lane.tokenizer !== PATCH_LANE_ID)
      .map((lane) => ({
        id: lane.tokenizer,
        name: listing.data?.find((l) => l.id === lane.tokenizer)?.name ?? lane.tokenizer,
      })),
    ...(listing.data ?? [])
      .filter((l) => !lanes.some((lane) => lane.tokenizer === l.id))
      .map((l) => ({ id: l.id, name: l.name })),
  ];
  const tokenizer = choice || choices[0]?.id || "";
  const parsed = parseIdList(idsText);
  const decoded = useQuery({
    ...decodeIdsOptions(tokenizer, parsed.ok ? parsed.ids : []),
    enabled: parsed.ok && parsed.ids.length > 0 && tokenizer !== "",
  });
  return (
    <details className="decode-panel" data-testid="decode-panel">
      <summary>Ids → text</summary>
      <div className="options">
        <label>
          Tokenizer{" "}
          <select
            value={tokenizer}
            onChange={(event) => setChoice(event.target.value)}
            data-testid="decode-tokenizer"
          >
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="decode-input">
        Ids (a JSON array, or numbers separated by commas or spaces)
        <textarea
          rows={3}
          value={typed}
          spellCheck={false}
          placeholder="[9906, 1917, 0]"
          data-testid="decode-ids"
          onChange={(event) => setTyped(event.target.value)}
        />
      </label>
      {!parsed.ok && (
        <p role="alert" className="error">
          {parsed.reason}
        </p>
      )}
      {decoded.isFetching && <p className="muted">Decoding…</p>}
      {decoded.error && (
        <p role="alert" className="error">
          {(decoded.error as Error).message}
        </p>
      )}
      {decoded.data && parsed.ok && (
        <div data-testid="decode-result">
          {decoded.data.unknownIds.length > 0 && (
            <p role="alert" className="error">
              Not in this vocabulary (left out): {decoded.data.unknownIds.slice(0, 20).join(", ")}
              {decoded.data.unknownIds.length > 20 ? ` and ${decoded.data.unknownIds.length - 20} more` : ""}
            </p>
          )}
          <pre className="decode-text" data-testid="decode-text">
            {decoded.data.text}
          </pre>
          <ol className="decode-tokens" aria-label="Tokens">
            {decoded.data.tokens.map((token, i) => (
              <li key={i}>
                <code>{token.id}</code> <span className="token-literal">{JSON.stringify(token.text)}</span>
              </li>
            ))}
          </ol>
          {parsed.ids.length > decoded.data.tokens.length + decoded.data.unknownIds.length && (
            <p className="muted">The first 5,000 ids are listed one by one.</p>
          )}
        </div>
      )}
    </details>
  );
});
