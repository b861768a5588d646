export type IdListResult = { ok: true; ids: number[] } | { ok: false; reason: string };

/** The largest id accepted (ids are unsigned 32-bit in encodings). */
const MAX_ID = 0xffffffff;

/**
 * Reads a list of token ids as people paste them: a JSON array (`[9906, 1917]`), or numbers separated by
 * commas and/or whitespace. Says which item is wrong otherwise.
 */
export function parseIdList(text: string): IdListResult {
  const body = text.trim().replace(/^\[/, "").replace(/\]$/, "").trim();
  if (body === "") return { ok: true, ids: [] };
  const items = body.split(/[\s,]+/).filter((item) => item !== "");
  const ids: number[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const id = /^\d{1,10}$/.test(item) ? Number(item) : NaN;
    if (!(id <= MAX_ID))
      return {
        ok: false,
        reason: `“${item.slice(0, 20)}” (item ${index + 1}) is not a token id: ids are whole numbers from 0, separated by commas or spaces.`,
      };
    ids.push(id);
  }
  return { ok: true, ids };
}
