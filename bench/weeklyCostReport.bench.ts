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
import { bytes, fmt, ms, seeded, settledHeap, spreadOf, summarize, type Row } from "./lib";

const SIZES = [10_000, 100_000, 250_000];
const end = dateSerial(2026, 11, 20) as number;
const accounts: string[] = [];
for (let cat = 11; cat <= 79; cat++)
  for (let a = 1; a <= 8; a++) accounts.push(`${cat}${String(a).padStart(2, "0")}`);
const budget: BudgetLine[] = accounts.map((a) => ({
  account: a,
  description: `Account ${a}`,
  amount: new Decimal(100000),
}));

/** A deterministic ledger export: mixed account spellings, cents, credits, some lines uncoded. */
function rawLedger(lines: number): unknown[][] {
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

const build = (ledger: LedgerLine[]) =>
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
  for (const size of SIZES) {
    const raw = rawLedger(size);
    const maps: number[] = [];
    const builds: number[] = [];
    const totals: number[] = [];
    let ledgerBytes = 0;
    let reportBytes = 0;
    for (let run = 0; run <= runs; run++) {
      // Run 0 warms up (and measures memory: heap settled before, with the ledger, with the report).
      const base = run === 0 ? settledHeap() : 0;
      let start = performance.now();
      const ledger = mapRows(raw);
      const mapped = performance.now() - start;
      const withLedger = run === 0 ? settledHeap() : 0;
      start = performance.now();
      const report = build(ledger);
      const built = performance.now() - start;
      if (run === 0) {
        ledgerBytes = withLedger - base;
        reportBytes = settledHeap() - withLedger;
        if (report.rows.length === 0) throw new Error("The cost report has no rows: fix the bench.");
        continue;
      }
      maps.push(mapped);
      builds.push(built);
      totals.push(mapped + built);
    }
    const map = summarize(maps);
    const built = summarize(builds);
    const total = summarize(totals);
    const label = `${fmt(size)} lines`;
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
        measure: `${label}: heap of mapped lines / of the report`,
        value: `${bytes(ledgerBytes)} / ${bytes(reportBytes)}`,
        spread: "after full GC",
        target: "",
        verdict: "",
      },
    );
    perLine.push({ size, micros: (total.median * 1000) / size });
  }
  const first = perLine[0];
  const last = perLine[perLine.length - 1];
  rows.push({
    section,
    measure: `growth: time per line at ${perLine.map((p) => fmt(p.size / 1000) + "k").join(" / ")}`,
    value: perLine.map((p) => `${p.micros.toFixed(2)} µs`).join(" / "),
    spread: `${(last.micros / first.micros).toFixed(2)}x per-line cost from ${fmt(first.size / 1000)}k to ${fmt(last.size / 1000)}k`,
    target: "linear",
    verdict: last.micros / first.micros <= 1.5 ? "ok" : "MISS",
  });
  return rows;
}
