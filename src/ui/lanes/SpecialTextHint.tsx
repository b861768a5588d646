/** Says when the text holds special-token look-alikes and how they are being counted. */
export function SpecialTextHint({
  found,
  parseSpecials,
}: {
  found: readonly string[];
  parseSpecials: boolean;
}) {
  if (found.length === 0) return null;
  const list = found.slice(0, 3).join(", ") + (found.length > 3 ? ", …" : "");
  return (
    <p className="note" data-testid="special-hint">
      {parseSpecials
        ? `Parsed as special tokens: ${list}. User text sent to an API is usually not parsed this way.`
        : `${list} counted as plain text, as vendors' token counters do. Turn on "Parse special tokens" to count each as one special token.`}
    </p>
  );
}
