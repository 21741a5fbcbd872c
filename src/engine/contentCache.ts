/**
 * What a function made of its range arguments, kept by their content: Excel hands every call a
 * fresh copy of a range, so thousands of cells reading the same fringe table or the same budget
 * detail would otherwise parse it once each (shared/engineering.md: keep per-call work tiny and
 * cache parsed tables by content).
 *
 * Two levels: the arguments of the last call (their cells copied, compared cell by cell, which is
 * cheaper than writing a key), then a bounded map keyed by the arguments' JSON, least recently used
 * dropped first. A `make` that throws keeps nothing, so a bad table is answered again each time.
 */
import { isRange } from "./ranges";

/** True when two arguments hold the same values: the same scalar, or ranges equal cell by cell. */
function sameCells(a: unknown, b: unknown): boolean {
  if (!isRange(a) || !isRange(b)) return a === b;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

/** An argument as kept for the next comparison: a range's cells copied, so a later edit of it is seen. */
function kept(arg: unknown): unknown {
  return isRange(arg) ? arg.map((row) => [...row]) : arg;
}

/** The cache key of some arguments. */
function keyOf(args: readonly unknown[]): string {
  // NaN and Infinity are not JSON (stringify writes them as null, a blank cell): they are keyed as
  // objects, which no cell can hold, so a range with one never shares a blank range's entry.
  return (
    JSON.stringify(args, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? { n: String(v) } : v,
    ) ?? ""
  );
}

export class ContentCache<T> {
  private readonly entries = new Map<string, T>();
  private last: { args: readonly unknown[]; value: T } | undefined;

  /** @param limit - how many distinct argument contents stay kept */
  constructor(private readonly limit: number) {}

  /** What `make` gives for these arguments: made once per content while it stays kept. */
  get(args: readonly unknown[], make: () => T): T {
    const { last } = this;
    if (last && last.args.length === args.length && args.every((a, i) => sameCells(last.args[i], a)))
      return last.value;
    const key = keyOf(args);
    let value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
    } else {
      value = make();
      if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, value);
    this.last = { args: args.map(kept), value };
    return value;
  }
}
