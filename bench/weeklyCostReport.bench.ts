/**
 * The cost-report engine on generated ledgers of 10k, 100k and 250k lines (issue 8: "well under a
 * second in Node" for 250k; issue 10: time, memory and growth). Two steps are timed: mapping the
 * raw rows (CSV text, as a ledger export arrives) to ledger lines, and building the report.
 */
import { Decimal } from "../src/engine/money";
import {
  buildCostReport,
  dateSerial,
  mapLedgerRows,
  type BudgetLine,
  type LedgerLine,
} from "../src/engine/weeklyCostReport";
import { spawnSync } from "node:child_process";
import { bytes, fmt, ms, seeded, settledHeap, spreadOf, summarize, type Row } from "./lib";

const SIZES = [10_000, 100_000, 250_000];
export const end = dateSerial(2026, 11, 20) as number;
const accounts: string[] = [];
for (let cat = 11; cat <= 79; cat++)
  for (let a = 1; a <= 8; a++) accounts.push(`${cat}${String(a).padStart(2, "0")}`);
export const budget: BudgetLine[] = accounts.map((a) => ({
  account: a,
  description: `Account ${a}`,
  amount: new Decimal(100000),
}));

/** A deterministic ledger export: mixed account spellings, cents, credits, some lines uncoded. */
export function rawLedger(lines: number): unknown[][] {
  const rand = seeded(42);
  const raw: unknown[][] = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
  for (let i = 0; i < lines; i++) {
    const a = accounts[Math.floor(rand() * accounts.length)];
    const spelled = i % 3 === 0 ? `${a.slice(0, 2)}-${a.slice(2)}` : i % 3 === 1 ? `${a}-00` : a;
    const cents = Math.floor(rand() * 500000) - 20000;
    const date = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 90) * 86400000)
      .toISOString()
      .slice(0, 10);
    raw.push([
      i % 997 === 0 ? "" : spelled,
      date,
      `Vendor ${i % 500}`,
      `Line ${i}`,
      (cents / 100).toFixed(2),
      "",
    ]);
  }
  return raw;
}

const mapRows = (raw: unknown[][]) =>
  mapLedgerRows(raw, {
    columns: { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 },
    headerRows: 1,
    dateOrder: "MDY",
  }).lines;

export const build = (ledger: LedgerLine[]) =>
  buildCostReport({
    budget,
    ledger,
    openPos: [],
    settings: {
      layout: "FEATURE",
      cutoff: { kind: "date", start: end - 6, end },
      convention: "UNDER",
      efcChangeThreshold: new Decimal(1000),
    },
  });

/** Rows of the table: per size, map and build times and memory; then how time grows with size. */
export function costReportRows(runs = 5): Row[] {
  const section = "Cost report";
  const rows: Row[] = [];
  const perLine: { size: number; micros: number }[] = [];
  // Warm the JIT on a ledger of another size first, or the smallest size pays for the compiling.
  const warm = rawLedger(50_000);
  for (let i = 0; i < 3; i++) build(mapRows(warm));
  for (const size of SIZES) {
    const raw = rawLedger(size);
    const maps: number[] = [];
    const builds: number[] = [];
    const totals: number[] = [];
    for (let run = 0; run <= runs; run++) {
      let start = performance.now();
      const ledger = mapRows(raw);
      const mapped = performance.now() - start;
      start = performance.now();
      const report = build(ledger);
      const built = performance.now() - start;
      if (report.rows.length === 0) throw new Error("The cost report has no rows: fix the bench.");
      // Run 0 warms up.
      if (run === 0) continue;
      maps.push(mapped);
      builds.push(built);
      totals.push(mapped + built);
    }
    const map = summarize(maps);
    const built = summarize(builds);
    const total = summarize(totals);
    const label = `${fmt(size)} lines`;
    const memory = memoryInChildProcess(size);
    rows.push(
      {
        section,
        measure: `${label}: map rows (CSV text) to lines`,
        value: ms(map.median),
        spread: spreadOf(map, ms),
        target: "",
        verdict: "",
      },
      {
        section,
        measure: `${label}: build report`,
        value: ms(built.median),
        spread: spreadOf(built, ms),
        target: "",
        verdict: "",
      },
      {
        section,
        measure: `${label}: map + build`,
        value: ms(total.median),
        spread: spreadOf(total, ms),
        target: size === 250_000 ? "< 1 s" : "",
        verdict: size === 250_000 ? (total.median < 1000 ? "ok" : "MISS") : "",
      },
      {
        section,
        measure: `${label}: heap held by the mapped lines / by the report; peak RSS`,
        value: `${bytes(memory.ledger)} / ${bytes(memory.report)}; ${bytes(memory.peakRss)}`,
        spread: "own process, after full GCs",
        target: "",
        verdict: "",
      },
    );
    perLine.push({ size, micros: (total.median * 1000) / size });
  }
  // Linear: the time per line does not grow with the size (it falls while the fixed cost of the
  // per-account roll-ups is spread over more lines). The time each added line costs from one size
  // to the next is shown too; on a busy machine it is too noisy to judge by.
  const steps = perLine.slice(1).map((p, i) => {
    const before = perLine[i];
    return (p.micros * p.size - before.micros * before.size) / (p.size - before.size);
  });
  const growth = Math.max(...perLine.slice(1).map((p, i) => p.micros / perLine[i].micros));
  rows.push({
    section,
    measure: `growth: time per line at ${perLine.map((p) => fmt(p.size / 1000) + "k").join(" / ")}`,
    value: perLine.map((p) => `${p.micros.toFixed(2)} µs`).join(" / "),
    spread: `each added line: ${steps.map((m) => `${m.toFixed(2)} µs`).join(" then ")}`,
    target: "linear",
    verdict: growth <= 1.5 ? "ok" : "MISS",
  });
  return rows;
}

/** Memory of one size, measured in a fresh process so that nothing of another run is on the heap. */
interface Memory {
  /** Heap held by the mapped ledger lines (the raw rows excluded). */
  ledger: number;
  /** Heap held by the built report. */
  report: number;
  /** The process's peak resident memory, raw rows included. */
  peakRss: number;
}

function memoryOf(size: number): Memory {
  const raw = rawLedger(size);
  const base = settledHeap();
  const ledger = mapRows(raw);
  const withLedger = settledHeap();
  const report = build(ledger);
  const withReport = settledHeap();
  // Keep all three alive up to the last measurement.
  if (raw.length + ledger.length + report.rows.length === 0) throw new Error("empty");
  return {
    ledger: withLedger - base,
    report: withReport - withLedger,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}

function memoryInChildProcess(size: number): Memory {
  const child = spawnSync(process.execPath, ["--expose-gc", __filename, String(size)], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`Measuring memory for ${size} lines failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Memory;
}

if (require.main === module) console.log(JSON.stringify(memoryOf(Number(process.argv[2]))));
