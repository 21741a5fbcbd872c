/**
 * What every bench section shares: a seeded random source (inputs are generated, never read from
 * disk, and identical on every run), repeated timing with median and spread, and the rows of the
 * one table `npm run bench` prints.
 */
import path from "node:path";

/**
 * The repository (where package.json is) and the root of the compiled copy the bench runs from
 * (`npm run bench` compiles src, test and bench with tsc into node_modules/.cache/bench).
 */
const marker = `${path.sep}node_modules${path.sep}`;
export const REPO = __dirname.includes(marker)
  ? __dirname.slice(0, __dirname.indexOf(marker))
  : path.resolve(__dirname, "..");
export const COMPILED = path.resolve(__dirname, "..");

/** A deterministic pseudo-random source (mulberry32): the same seed gives the same inputs. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [low, high] from a random source. */
export function between(rand: () => number, low: number, high: number): number {
  return low + Math.floor(rand() * (high - low + 1));
}

/** Repeated measurements of one figure: their median and how far the runs spread around it. */
export interface Measured {
  runs: readonly number[];
  median: number;
  min: number;
  max: number;
  /** (max - min) / median, in percent: how noisy the machine was for this figure. */
  spreadPct: number;
}

export function summarize(runs: readonly number[]): Measured {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  return { runs, median, min, max, spreadPct: median === 0 ? 0 : ((max - min) / median) * 100 };
}

/** Milliseconds one call of `work` takes, `times` times (after one unmeasured warm-up call). */
export function timeRuns(times: number, work: () => void): Measured {
  work();
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return summarize(runs);
}

/**
 * Calls per second of `call`, per second of this process's CPU time (user + system): on a shared
 * machine, wall time also counts the time other processes had the CPU. Each run calls it in a
 * loop for about `runMs` of wall time, after a warm-up that lets V8 optimise it; `runs` runs.
 */
export function throughput(call: () => void, runs = 5, runMs = 150): Measured {
  const warmUntil = performance.now() + runMs;
  while (performance.now() < warmUntil) call();
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    let calls = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    while (performance.now() - start < runMs) {
      for (let i = 0; i < 16; i++) call();
      calls += 16;
    }
    const used = process.cpuUsage(cpu);
    rates.push((calls * 1e6) / (used.user + used.system));
  }
  return summarize(rates);
}

/** Heap in use after a full garbage collection (node --expose-gc), in bytes. */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** One row of the table. */
export interface Row {
  section: string;
  measure: string;
  /** The median, formatted with its unit. */
  value: string;
  /** Spread of the runs (min-max) and how many runs, or "" for a single exact figure. */
  spread: string;
  /** The target from issue 10, or "". */
  target: string;
  /** "ok", "MISS", or "" when there is no target. */
  verdict: "ok" | "MISS" | "";
}

/** Formats a measured figure's spread: "min-max, ±x% (n runs)". */
export function spreadOf(m: Measured, format: (n: number) => string): string {
  return `${format(m.min)}-${format(m.max)} (${m.runs.length} runs, ${m.spreadPct.toFixed(0)}%)`;
}

/** A number with thousands separators and `digits` decimals. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A count in few characters: 987, 12.3k, 1.23M. */
export function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)}M`;
  if (n >= 1e3) return `${(n / 1e3).toPrecision(3)}k`;
  return n.toPrecision(3);
}

/** Milliseconds as "12.3 ms" (or "1.23 s" from a second up). */
export function ms(n: number): string {
  return n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
}

/** Bytes as "12.3 KB" / "45.6 MB" (1 KB = 1024 bytes). */
export function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

/** The table as plain text with aligned columns (Markdown-compatible, for pasting into README). */
export function renderTable(rows: readonly Row[]): string {
  const header = ["Section", "Measure", "Median", "Spread (min-max, runs, range/median)", "Target", ""];
  const lines = [header, ...rows.map((r) => [r.section, r.measure, r.value, r.spread, r.target, r.verdict])];
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  return [
    line(lines[0]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.slice(1).map(line),
  ].join("\n");
}
