const recent: [string, string][] = [];

/**
 * A short digest of a string (FNV-1a over UTF-16 code units, plus the length) for cache keys, so that
 * a megabyte of text is not serialized into every query key. The last two results are remembered, since
 * every lane asks for the digest of the same text (and the typed and settled texts alternate).
 */
export function textDigest(text: string): string {
  for (const [seen, digest] of recent) if (seen === text) return digest;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  const digest = `${text.length}:${(hash >>> 0).toString(36)}`;
  recent.unshift([text, digest]);
  recent.length = Math.min(recent.length, 2);
  return digest;
}
