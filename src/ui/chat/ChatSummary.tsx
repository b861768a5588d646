import type { LaneResult } from "../comparison/use-lane-results";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

/** Tokens per message in every lane (each with its template's tokens), the reply header, and the total. */
export function ChatSummary({
  results,
  roles,
}: {
  results: readonly LaneResult[];
  roles: readonly string[];
}) {
  const rows = results.filter((r) => r.chat && r.chat.messageTokens.length === roles.length);
  if (rows.length === 0) return null;
  return (
    <section className="summary" aria-label="Tokens per message">
      <h2>Tokens per message</h2>
      <ScrollBox label="Tokens per message">
        <table data-testid="chat-summary">
          <thead>
            <tr>
              <th scope="col">Tokenizer</th>
              {roles.map((role, i) => (
                <th scope="col" key={i}>
                  {i + 1}. {role}
                </th>
              ))}
              <th scope="col">reply header</th>
              <th scope="col">total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((result) => {
              const chat = result.chat!;
              const total = chat.messageTokens.reduce((a, b) => a + b, 0) + chat.generationPromptTokens;
              return (
                <tr key={result.setting.key}>
                  <th scope="row">{result.info?.name ?? result.setting.tokenizer}</th>
                  {chat.messageTokens.map((count, i) => (
                    <td key={i}>{formatCount(count)}</td>
                  ))}
                  <td>{formatCount(chat.generationPromptTokens)}</td>
                  <td>
                    <strong>{formatCount(total)}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p className="muted">
        A message’s count includes the template tokens around it (role headers, separators).
      </p>
    </section>
  );
}
