/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field that a spreadsheet
 * would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, since token text is
 * user-supplied.
 */
export function csvField(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows → CSV text with a header line and CRLF line ends. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
