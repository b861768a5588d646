import { equityScores, scriptSummary } from "../../core/metrics/atlas-summary";
import type { AtlasRow } from "../../core/metrics/atlas";
import { premiumColor } from "../charts/heatmap";
import { ScrollBox } from "../ScrollBox";

const premium = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "—");

function PremiumCell({ value }: { value: number }) {
  const background = Number.isFinite(value) ? premiumColor(value) : undefined;
  return (
    <td className="num premium-cell" style={{ background, color: background ? "#111" : undefined }}>
      {premium(value)}
    </td>
  );
}

/** Equity per tokenizer and the median premium per script (over the included languages). */
export function AtlasSummary({ rows, names }: { rows: readonly AtlasRow[]; names: Map<string, string> }) {
  if (rows.length === 0) return null;
  const scores = equityScores(rows);
  const cells = scriptSummary(rows);
  const tokenizers = scores.map((s) => s.tokenizer);
  const scripts = [...new Set(cells.map((c) => c.script))].sort();
  const cell = (script: string, tokenizer: string) =>
    cells.find((c) => c.script === script && c.tokenizer === tokenizer);
  return (
    <div className="atlas-summary">
      <h3>Equity per tokenizer</h3>
      <p className="muted">
        Equity score = the premium at the 90th percentile of the included languages: 9 in 10 languages pay at
        most this many times English&apos;s tokens (1 is parity; lower is fairer). Script spread = the median
        premium of the worst-served script ÷ that of the best-served one.
      </p>
      <ScrollBox label="Equity by tokenizer">
        <table data-testid="atlas-equity">
          <thead>
            <tr>
              <th scope="col">Tokenizer</th>
              <th scope="col">Languages</th>
              <th scope="col">Median premium</th>
              <th scope="col">Equity score (P90)</th>
              <th scope="col">Best-served script</th>
              <th scope="col">Worst-served script</th>
              <th scope="col">Script spread</th>
            </tr>
          </thead>
          <tbody>
            {scores.map((s) => (
              <tr key={s.tokenizer} data-tokenizer={s.tokenizer}>
                <th scope="row">{names.get(s.tokenizer) ?? s.tokenizer}</th>
                <td className="num">{s.languages}</td>
                <PremiumCell value={s.medianPremium} />
                <PremiumCell value={s.p90Premium} />
                <td>
                  {s.bestScript} ({premium(s.bestScriptPremium)})
                </td>
                <td>
                  {s.worstScript} ({premium(s.worstScriptPremium)})
                </td>
                <td className="num">{s.scriptSpread.toFixed(1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <details>
        <summary>Median premium per script ({scripts.length} scripts)</summary>
        <ScrollBox label="Premium by script">
          <table data-testid="atlas-scripts">
            <thead>
              <tr>
                <th scope="col">Script</th>
                <th scope="col">Languages</th>
                {tokenizers.map((t) => (
                  <th scope="col" key={t}>
                    {names.get(t) ?? t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scripts.map((script) => (
                <tr key={script}>
                  <th scope="row">{script}</th>
                  <td className="num">{cell(script, tokenizers[0]!)?.languages ?? 0}</td>
                  {tokenizers.map((t) => (
                    <PremiumCell key={t} value={cell(script, t)?.medianPremium ?? NaN} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </div>
  );
}
