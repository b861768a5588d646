import { useQuery } from "@tanstack/react-query";
import type { ExplainedPiece, ExplainedTree } from "../../core/bpe/explain-token";
import { escapeTokenBytes } from "../../core/tokenizers/describe-token";
import { laneTokenExplanationOptions } from "../../queries/tokenizer-queries";
import { formatCount } from "../format-count";

interface MergeExplanationProps {
  laneId: string;
  tokenId: number;
  text: string;
  byteStart: number;
}

function TreeNode({ node, depth }: { node: ExplainedTree; depth: number }) {
  const label = escapeTokenBytes(Uint8Array.from(node.bytes));
  return (
    <li>
      <code className="token-literal">{label}</code>
      {node.rank >= 0 ? <span className="muted"> merge #{formatCount(node.rank)}</span> : null}
      {node.left && node.right && depth < 12 && (
        <ul>
          <TreeNode node={node.left} depth={depth + 1} />
          <TreeNode node={node.right} depth={depth + 1} />
        </ul>
      )}
    </li>
  );
}

const cut = (pieces: ExplainedPiece[]) =>
  pieces.map((p) => escapeTokenBytes(Uint8Array.from(p.bytes))).join(" | ");

/** For a BPE lane: the merges that built the token, and its chunk cut by the merge list vs. least tokens. */
export function MergeExplanation({ laneId, tokenId, text, byteStart }: MergeExplanationProps) {
  const explanation = useQuery(laneTokenExplanationOptions(laneId, tokenId, text, byteStart));
  const data = explanation.data;
  if (explanation.isPending)
    return (
      <p className="muted merge-explanation" aria-live="polite" data-testid="merge-explanation-pending">
        Explaining how BPE built this token…
      </p>
    );
  if (!data) return null;

  return (
    <details className="merge-explanation" data-testid="merge-explanation">
      <summary>
        How BPE built it ({data.tree.rank >= 0 ? `merge #${formatCount(data.tree.rank)}` : "a single byte"})
      </summary>
      <ul className="merge-tree">
        <TreeNode node={data.tree} depth={0} />
      </ul>
      <p>
        Its chunk with the merge list: <code>{cut(data.withMerges)}</code> ({data.withMerges.length} tokens)
        <br />
        With the fewest tokens: <code>{cut(data.leastTokens)}</code> ({data.leastTokens.length} tokens)
        {data.extraTokens > 0
          ? " — BPE's merge order costs extra tokens here"
          : data.differs
            ? " — a different cut with as many tokens"
            : " — the same cut"}
      </p>
    </details>
  );
}
