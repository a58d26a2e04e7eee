/**
 * A one-argument function whose answers are remembered: in a Map emptied when it holds more than `limit` answers, so
 * memory stays bounded when the inputs never repeat. For pure functions over static data (a school's country, a
 * text's sentences); an answer must never be `undefined` (that reads as "not remembered").
 */
export function boundedMemo<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = compute(key);
      if (cache.size > limit) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}
