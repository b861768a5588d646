import { useQueries } from "@tanstack/react-query";
import type { NumberChunks } from "../../core/probes/numbers";
import { numbersProbeOptions } from "../../queries/probe-queries";
import { ScrollBox } from "../ScrollBox";

/** The probe's columns: numbers whose cut tells the grouping apart. */
const SHOWN = [
  "1234567",
  "123456789012345",
  "3.14159",
  "-1234.5",
  "1,234,567",
  "2024-03-15",
  "+1 555-123-4567",
];

/** A number's chunks, separated by thin bars (the text itself, never HTML). */
export function Chunks({ chunks }: { chunks: readonly string[] }) {
  return (
    <code className="probe-chunks" data-chunks={JSON.stringify(chunks)}>
      {chunks.map((chunk, i) => (
        <span key={i} className="probe-chunk">
          {chunk}
        </span>
      ))}
    </code>
  );
}

/** Chunk lengths as a pattern, e.g. 3·3·1. */
const pattern = (n: NumberChunks) => n.chunks.map((c) => c.length).join("·");

/**
 * For every lane: how integers, decimals, signs, separators and dates are chunked, the grouping direction, the
 * share of numbers cut on place-value boundaries, and the numbers of the user's text in context.
 */
export function NumbersProbe({ tokenizers, text }: { tokenizers: readonly string[]; text: string }) {
  const probes = useQueries({ queries: tokenizers.map((id) => numbersProbeOptions(id, text)) });
  return (
    <section aria-label="Numbers probe" data-testid="probe-numbers">
      <h3>Numbers</h3>
      <p className="muted">
        Each number tokenized on its own; the bars show where tokens end. Aligned: every cut inside the
        leading digits falls where a group of three from the right ends (as in 1,234,567).
      </p>
      <ScrollBox label="Numbers probe table">
        <table>
          <thead>
            <tr>
              <th scope="col">Tokenizer</th>
              <th scope="col">Digits grouped</th>
              <th scope="col">Aligned</th>
              {SHOWN.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
              <th scope="col">In your text</th>
            </tr>
          </thead>
          <tbody>
            {tokenizers.map((id, i) => {
              const probe = probes[i]!;
              if (probe.isError)
                return (
                  <tr key={id}>
                    <th scope="row">{id}</th>
                    <td colSpan={SHOWN.length + 3} className="error">
                      {probe.error.message}
                    </td>
                  </tr>
                );
              const data = probe.data;
              const byText = new Map(data?.numbers.map((n) => [n.text, n]));
              const alignedInText = data?.inText.filter((n) => n.aligned).length ?? 0;
              return (
                <tr
                  key={id}
                  data-tokenizer={id}
                  data-aligned-share={data?.alignedShare}
                  data-grouping={data?.grouping ?? ""}
                >
                  <th scope="row">{id}</th>
                  <td>{data ? (data.grouping ?? "–") : "…"}</td>
                  <td>{data ? `${Math.round(data.alignedShare * 100)}%` : "…"}</td>
                  {SHOWN.map((n) => {
                    const cut = byText.get(n);
                    return <td key={n}>{cut ? <Chunks chunks={cut.chunks} /> : "…"}</td>;
                  })}
                  <td>
                    {data
                      ? data.inText.length === 0
                        ? "no numbers"
                        : `${alignedInText} of ${data.inText.length} aligned`
                      : "…"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <DigitPatterns tokenizers={tokenizers} probes={probes.map((p) => p.data?.numbers)} />
    </section>
  );
}

/** Chunk-length patterns of the integers of 1 to 15 digits, per lane (the grouping at a glance). */
function DigitPatterns({
  tokenizers,
  probes,
}: {
  tokenizers: readonly string[];
  probes: (readonly NumberChunks[] | undefined)[];
}) {
  const digits = Array.from({ length: 15 }, (_, i) => "123456789012345".slice(0, i + 1));
  return (
    <details>
      <summary>Chunk lengths of integers with 1 to 15 digits</summary>
      <ScrollBox label="Chunk lengths by digit count">
        <table data-testid="probe-digit-patterns">
          <thead>
            <tr>
              <th scope="col">Digits</th>
              {tokenizers.map((id) => (
                <th key={id} scope="col">
                  {id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {digits.map((n) => (
              <tr key={n}>
                <th scope="row">{n.length}</th>
                {probes.map((numbers, i) => {
                  const found = numbers?.find((x) => x.text === n);
                  return <td key={tokenizers[i]}>{found ? pattern(found) : "…"}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </details>
  );
}
