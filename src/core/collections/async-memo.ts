/**
 * Memoised async loading by key: the first call for a key starts `load`, later calls share its promise; a
 * load that fails is forgotten, so the next call really retries. With `maxEntries`, the least recently used
 * keys are forgotten beyond that many.
 */
export class AsyncMemo<K, V> {
  private readonly pending = new Map<K, Promise<V>>();

  constructor(private readonly maxEntries = Infinity) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    let promise = this.pending.get(key);
    if (promise) {
      // Most recently used last (Map keeps insertion order).
      this.pending.delete(key);
      this.pending.set(key, promise);
    } else {
      promise = Promise.resolve().then(load);
      this.pending.set(key, promise);
      if (this.pending.size > this.maxEntries) this.pending.delete(this.pending.keys().next().value as K);
      promise.catch(() => {
        if (this.pending.get(key) === promise) this.pending.delete(key);
      });
    }
    return promise;
  }

  /** Forgets a key (the next call loads again). */
  delete(key: K): void {
    this.pending.delete(key);
  }

  /** Forgets every key that matches. */
  deleteWhere(matches: (key: K) => boolean): void {
    for (const key of [...this.pending.keys()]) if (matches(key)) this.pending.delete(key);
  }
}

/** {@link AsyncMemo} for one value: `get(load)` loads once, and again after a failure. */
export class AsyncOnce<V> {
  private readonly memo = new AsyncMemo<0, V>();

  get(load: () => Promise<V>): Promise<V> {
    return this.memo.get(0, load);
  }

  /** Replaces the value with a new load (a different backend asked for), shared by later `get` calls. */
  reload(load: () => Promise<V>): Promise<V> {
    this.memo.delete(0);
    return this.memo.get(0, load);
  }
}
