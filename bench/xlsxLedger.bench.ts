/**
 * A 250,000-line ledger as an .xlsx workbook, read the way the pane reads it (issue 8: "without
 * freezing the pane"): streamed by the pane's XLSX reader, each batch mapped to ledger lines. Two
 * figures: the whole read, and the longest stretch the reader holds the thread between two
 * yields, which is how long the pane (and the shared runtime's PROD formulas) can be held up.
 */
import { mapLedgerRows, type LedgerLine } from "../src/engine/weeklyCostReport";
import { XlsxWorkbook } from "../src/taskpane/files/xlsx";
import { makeXlsx, type FixtureCell } from "../test/taskpane/files/xlsxFixture";
import { bytes, fmt, ms, seeded, spreadOf, summarize, type Row } from "./lib";

const LINES = 250_000;

/** A deterministic ledger workbook: shared strings for text, date-formatted dates, cents. */
function ledgerWorkbook(lines: number): ArrayBuffer {
  const rand = seeded(7);
  const rows: FixtureCell[][] = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
  for (let i = 0; i < lines; i++) {
    const account = 1100 + Math.floor(rand() * 6900);
    rows.push([
      i % 3 === 0 ? `${String(account).slice(0, 2)}-${String(account).slice(2)}` : account,
      { n: 46240 + Math.floor(rand() * 90), format: 14 },
      `Vendor ${i % 500}`,
      `Line ${i}`,
      (Math.floor(rand() * 500000) - 20000) / 100,
      i % 7 === 0 ? `PO-${i % 3000}` : null,
    ]);
  }
  return makeXlsx([{ name: "GL Detail", rows }], { strings: "shared" });
}

/** One streamed read: total time, the longest time between yields, lines mapped. */
async function readOnce(data: ArrayBuffer): Promise<{ total: number; longest: number; lines: number }> {
  const lines: LedgerLine[] = [];
  const started = performance.now();
  let resumed = started;
  let longest = 0;
  await XlsxWorkbook.open(data).readSheet(0, {
    onRows: (rows, first) => {
      const mapped = mapLedgerRows(rows, {
        columns: { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 },
        headerRows: first === 0 ? 1 : 0,
        dateOrder: "MDY",
        rowOffset: first,
      });
      for (const l of mapped.lines) lines.push(l);
    },
    // Called just before each yield: the stretch since the last resume is time the thread was held.
    onProgress: () => {
      const now = performance.now();
      longest = Math.max(longest, now - resumed);
      setTimeout(() => (resumed = performance.now()), 0);
    },
  });
  return { total: performance.now() - started, longest, lines: lines.length };
}

export async function xlsxLedgerRows(runs = 5): Promise<Row[]> {
  const section = "Cost report";
  const data = ledgerWorkbook(LINES);
  const totals: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run <= runs; run++) {
    const r = await readOnce(data);
    if (r.lines !== LINES) throw new Error(`Read ${r.lines} lines of ${LINES}: fix the reader or the bench.`);
    if (run === 0) continue; // warm-up
    totals.push(r.total);
    longest.push(r.longest);
  }
  const total = summarize(totals);
  const held = summarize(longest);
  const label = `${fmt(LINES)}-line .xlsx ledger (${bytes(data.byteLength)})`;
  return [
    {
      section,
      measure: `${label}: stream + map to lines`,
      value: ms(total.median),
      spread: spreadOf(total, ms),
      target: "",
      verdict: "",
    },
    {
      section,
      measure: `${label}: longest hold of the thread between yields`,
      value: ms(held.median),
      spread: spreadOf(held, ms),
      target: "< 100 ms",
      verdict: held.median < 100 ? "ok" : "MISS",
    },
  ];
}
