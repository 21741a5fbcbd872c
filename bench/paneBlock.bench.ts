/**
 * Issue 16: "a 100,000-line ledger froze the pane 1-6 s at a time". The longest stretch the pane's
 * thread is held while a report is made from a CSV ledger the way the pane does it today, on its
 * own thread: the CSV read in chunks (giving the thread back between them), the report built and
 * the sheet laid out. A 0 ms timer keeps asking for the thread; the longest gap between two of
 * its ticks is the longest block, which is how long Cancel, the progress bar and PROD formulas
 * in the shared runtime wait. The Office writes are not in it (they are asynchronous in Excel).
 */
import { Decimal } from "../src/engine/money";
import { yieldToPane } from "../src/taskpane/files/cancel";
import { importLedger } from "../src/taskpane/costReport/ledgerImport";
import { reportSheet } from "../src/taskpane/costReport/reportSheet";
import { fmt, ms, spreadOf, summarize, type Row } from "./lib";
import { build as buildReport, end, rawLedger } from "./weeklyCostReport.bench";

const SIZES = [100_000, 250_000];
const TARGET_MS = 100;

/** One run: the longest gap between timer ticks, and the longest single step. */
async function runOnce(csv: string): Promise<{ longest: number; build: number; layout: number }> {
  let last = performance.now();
  let longest = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const ledger = await importLedger(
    { kind: "csv", name: "GL detail.csv", text: csv },
    {
      columns: { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 },
      headerRows: 1,
      dateOrder: "MDY",
    },
  );
  await yieldToPane();
  let started = performance.now();
  const report = buildReport(ledger.lines);
  const build = performance.now() - started;
  await yieldToPane();
  started = performance.now();
  reportSheet({
    report,
    periodEnd: end,
    periodLabel: "bench",
    convention: "UNDER",
    efcChangeThreshold: new Decimal(1000),
    sources: { budget: "bench", ledger: "GL detail.csv", openPos: "none", prior: "none" },
    problems: ledger.problems.map((problem) => ({ source: "Ledger", problem })),
    replace: false,
    relievePos: false,
  });
  const layout = performance.now() - started;
  await yieldToPane();
  ticking = false;
  return { longest, build, layout };
}

/** Rows of the table: per ledger size, the longest block of the pane's thread. */
export async function paneBlockRows(runs = 3): Promise<Row[]> {
  const section = "Cost report";
  const rows: Row[] = [];
  for (const size of SIZES) {
    const csv = rawLedger(size)
      .map((r) => r.join(","))
      .join("\n");
    const longest: number[] = [];
    const builds: number[] = [];
    const layouts: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const r = await runOnce(csv);
      if (run === 0) continue; // warm-up
      longest.push(r.longest);
      builds.push(r.build);
      layouts.push(r.layout);
    }
    const held = summarize(longest);
    const label = `${fmt(size)}-line CSV ledger, pane thread (no worker yet)`;
    rows.push({
      section,
      measure: `${label}: longest block (read in chunks + build + lay out)`,
      value: ms(held.median),
      spread: spreadOf(held, ms),
      target: `< ${TARGET_MS} ms`,
      verdict: held.median < TARGET_MS ? "ok" : "MISS",
    });
    for (const [step, times] of [
      ["build report, one block", builds],
      ["lay out the sheet, one block", layouts],
    ] as const) {
      const s = summarize(times);
      rows.push({
        section,
        measure: `${label}: ${step}`,
        value: ms(s.median),
        spread: spreadOf(s, ms),
        target: "",
        verdict: "",
      });
    }
  }
  return rows;
}
