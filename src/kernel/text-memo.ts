// Pure functions of short texts that pages call again and again with the same values (a title's typography, a
// date in French): their results kept by input. The map is emptied when full, rather than ordered by use: the
// values a page shows come back on every view, so they are found again at once, and the bound holds memory.

/** `compute(key)` remembered for up to `size` distinct keys. */
export function textMemo(compute: (key: string) => string, size = 4096): (key: string) => string {
  const kept = new Map<string, string>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      if (kept.size >= size) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
