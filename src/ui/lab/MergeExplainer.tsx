import { useQuery } from "@tanstack/react-query";
import { tokenExplanationOptions } from "../../queries/lab-queries";
import type { LabelledTree, ModelRef, Piece } from "../../../workers/bpe/api";

const show = (text: string) => JSON.stringify(text);

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
  const { tree, chunk, merges, leastTokens, differs } = query.data;
  return (
    <div className="lab-explainer" data-testid="lab-explainer">
      <h4>
        Token {tree.id} <code>{show(tree.text)}</code>
        {tree.rank >= 0 ? `: merge #${tree.rank}` : ": a single byte"}
      </h4>
      <TreeNode node={tree} />
      <p>
        Its chunk <code>{show(chunk)}</code> with the merge list: <Pieces pieces={merges} />
      </p>
      <p data-testid="lab-explainer-least">
        With least tokens (ties: longest last token): <Pieces pieces={leastTokens} />{" "}
        {differs ? (
          <strong>
            differs from the merge list ({leastTokens.length} vs. {merges.length} tokens).
          </strong>
        ) : (
          <span className="muted">same segmentation.</span>
        )}
      </p>
    </div>
  );
}

function Pieces({ pieces }: { pieces: Piece[] }) {
  return <span className="lab-pieces">{pieces.map((p) => show(p.text)).join(" | ")}</span>;
}

function TreeNode({ node }: { node: LabelledTree }) {
  return (
    <ul className="lab-tree">
      <li>
        <code>{show(node.text)}</code>{" "}
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
