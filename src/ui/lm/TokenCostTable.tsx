import { tokenCosts } from "../../core/lm/text-costs";
import type { LaneResult } from "../comparison/use-lane-results";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

/** What each lane's tokens cost under the byte model: bits summed over each token's bytes. */
export function TokenCostTable({
  results,
  bits,
  text,
}: {
  results: LaneResult[];
  bits: Float32Array;
  text: string;
}) {
  const rows = results.flatMap((r) => {
    if (r.status !== "ready" || !r.encoding || r.encodedText !== text) return [];
    const costs = tokenCosts(r.encoding.starts, r.encoding.ends, bits);
    const total = costs.reduce((a, b) => a + b, 0);
    const tokens = costs.length;
    let top = -1;
    for (let i = 0; i < tokens; i++) if (top < 0 || costs[i]! > costs[top]!) top = i;
    const topText =
      top >= 0 ? text.slice(r.encoding.utf16Starts[top], r.encoding.utf16Ends[top]).replace(/\s/g, "␣") : "";
    return [{ r, total, tokens, top: top >= 0 ? { text: topText, bits: costs[top]! } : null }];
  });
  if (rows.length === 0) return null;
  return (
    <div className="token-costs">
      <h3>What each lane&apos;s tokens cost under the byte model</h3>
      <ScrollBox label="Token costs table">
        <table data-testid="token-costs">
          <thead>
            <tr>
              <th scope="col">Lane</th>
              <th scope="col">Tokens</th>
              <th scope="col">Bytes/token</th>
              <th scope="col">Bits/token (mean)</th>
              <th scope="col">Costliest token</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ r, total, tokens, top }, i) => (
              <tr key={`${r.setting.key}-${i}`} data-tokenizer={r.setting.tokenizer}>
                <th scope="row">{r.info?.name ?? r.setting.tokenizer}</th>
                <td className="num">{formatCount(tokens)}</td>
                <td className="num">{tokens ? (bits.length / tokens).toFixed(2) : "—"}</td>
                <td className="num">{tokens ? (total / tokens).toFixed(2) : "—"}</td>
                <td>{top ? `“${top.text}” ${top.bits.toFixed(1)} bits` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </div>
  );
}
