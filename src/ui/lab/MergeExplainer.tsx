import { useQuery } from "@tanstack/react-query";
import type { ExplainedPiece, ExplainedTree } from "../../core/bpe/explain-token";
import { escapeTokenBytes } from "../../core/tokenizers/describe-token";
import { tokenExplanationOptions } from "../../queries/lab-queries";
import type { ModelRef } from "../../../workers/bpe/api";

/** Token bytes as text, with bytes that are not whole characters escaped (never U+FFFD). */
const show = (bytes: number[]) => escapeTokenBytes(Uint8Array.from(bytes));

/** How the clicked token was built, merge by merge, and what least-tokens segmentation does with its chunk. */
export function MergeExplainer({
  modelRef,
  text,
  byteStart,
}: {
  modelRef: ModelRef;
  text: string;
  byteStart: number;
}) {
  const query = useQuery(tokenExplanationOptions(modelRef, text, byteStart));
  if (query.isPending) return <p className="muted">Explaining…</p>;
  if (query.isError) return <p className="error">{query.error.message}</p>;
  const { tree, chunk, withMerges, leastTokens, differs } = query.data;
  return (
    <div className="lab-explainer" data-testid="lab-explainer">
      <h4>
        Token {tree.id} <code>{show(tree.bytes)}</code>
        {tree.rank >= 0 ? `: merge #${tree.rank}` : ": a single byte"}
      </h4>
      <TreeNode node={tree} />
      <p>
        Its chunk <code>{show(chunk)}</code> with the merge list: <Pieces pieces={withMerges} />
      </p>
      <p data-testid="lab-explainer-least">
        With least tokens (ties: longest last token): <Pieces pieces={leastTokens} />{" "}
        {differs ? (
          <strong>
            differs from the merge list ({leastTokens.length} vs. {withMerges.length} tokens).
          </strong>
        ) : (
          <span className="muted">same segmentation.</span>
        )}
      </p>
    </div>
  );
}

function Pieces({ pieces }: { pieces: ExplainedPiece[] }) {
  return <span className="lab-pieces">{pieces.map((p) => show(p.bytes)).join(" | ")}</span>;
}

function TreeNode({ node }: { node: ExplainedTree }) {
  return (
    <ul className="lab-tree">
      <li>
        <code>{show(node.bytes)}</code>{" "}
        <span className="muted">
          {node.rank >= 0 ? `id ${node.id}, merge #${node.rank}` : `id ${node.id}`}
        </span>
        {node.left && node.right && (
          <>
            <TreeNode node={node.left} />
            <TreeNode node={node.right} />
          </>
        )}
      </li>
    </ul>
  );
}
