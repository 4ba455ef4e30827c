/**
 * The size past which a per-thread word table starts over (memory stays flat over millions of
 * articles), settable so a test can force the restart without feeding the table a quarter million
 * words: `value()` reads it, `set(limit)` changes it and returns the previous limit.
 */
export function settableLimit(initial: number): { value(): number; set(limit: number): number } {
  let current = initial;
  return {
    value: () => current,
    set: (limit) => {
      const prev = current;
      current = limit;
      return prev;
    },
  };
}
