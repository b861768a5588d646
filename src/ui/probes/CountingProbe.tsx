import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { countProbeOptions } from "../../queries/probe-queries";
import { ScrollBox } from "../ScrollBox";

/**
 * "How many r's in strawberry?": each lane's tokens of the word as typed and spelled out with separators, the
 * tokens that hold the letter marked, and how many do.
 */
export function CountingProbe({ tokenizers }: { tokenizers: readonly string[] }) {
  const [word, setWord] = useState("strawberry");
  const [letter, setLetter] = useState("r");
  const probes = useQueries({ queries: tokenizers.map((id) => countProbeOptions(id, word, letter)) });
  const valid = word.length > 0 && [...letter].length === 1;
  return (
    <section aria-label="Counting probe" data-testid="probe-counting">
      <h3>Counting letters</h3>
      <p className="lab-row">
        <label>
          Word{" "}
          <input
            value={word}
            maxLength={64}
            onChange={(e) => setWord(e.target.value)}
            data-testid="probe-word"
          />
        </label>
        <label>
          Letter{" "}
          <input
            value={letter}
            maxLength={2}
            size={2}
            onChange={(e) => setLetter(e.target.value)}
            data-testid="probe-letter"
          />
        </label>
      </p>
      {!valid && <p className="error">Type a word and one letter to count.</p>}
      {valid && (
        <ScrollBox label="Counting probe table">
          <table>
            <thead>
              <tr>
                <th scope="col">Tokenizer</th>
                <th scope="col">Spelling</th>
                <th scope="col">Tokens (holding the letter marked)</th>
                <th scope="col">Tokens with the letter</th>
              </tr>
            </thead>
            <tbody>
              {tokenizers.flatMap((id, i) => {
                const probe = probes[i]!;
                if (!probe.data)
                  return [
                    <tr key={id}>
                      <th scope="row">{id}</th>
                      <td colSpan={3} className={probe.isError ? "error" : "muted"}>
                        {probe.isError ? probe.error.message : "…"}
                      </td>
                    </tr>,
                  ];
                return probe.data.spellings.map((s, j) => (
                  <tr
                    key={`${id}-${s.label}`}
                    data-tokenizer={id}
                    data-spelling={s.label}
                    data-tokens-with-letter={s.tokensWithLetter}
                  >
                    {j === 0 && (
                      <th scope="row" rowSpan={probe.data.spellings.length}>
                        {id}
                        <br />
                        <span className="muted">
                          {probe.data.letterCount} × “{letter}”
                        </span>
                      </th>
                    )}
                    <td>{s.label}</td>
                    <td>
                      <code className="probe-chunks">
                        {s.tokens.map((t, k) => (
                          <span key={k} className={t.letters > 0 ? "probe-chunk has-letter" : "probe-chunk"}>
                            {t.text}
                          </span>
                        ))}
                      </code>
                    </td>
                    <td>
                      {s.tokensWithLetter} of {s.tokens.length}
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
