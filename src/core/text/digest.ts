/**
 * A short digest of a string (FNV-1a over UTF-16 code units, plus the length) for cache keys, so that
 * a megabyte of text is not serialized into every query key.
 */
export function textDigest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}
