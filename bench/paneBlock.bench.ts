/**
 * Issue 16: "a 100,000-line ledger froze the pane 1-6 s at a time". The ledger is now read, and
 * the report built and laid out, in a worker (src/taskpane/costReport/reportJob.ts); this measures
 * what is still done on the pane's thread, from picking the CSV file (its first 1 MiB read and decoded and
 * its first rows read to map the columns) to the written sheet (runCostReport): the budget read
 * from the workbook, the job posted (a structured clone of the budget; the picked CSV file is a Blob, handed over without a copy), the
 * result taken (the sheet to write and the pane's summary) and the sheet written through the
 * Office adapter. The same again with the ledger on a sheet of the workbook, picked as a sheet: its
 * cells are read through the adapter, sent to the worker in slices and their layout checked there
 * (number format, date order), when picked and again when the report is built.
 *
 * The worker is a Node worker thread running the pane worker's own message handler, with the same
 * structured clone (bench/reportWorker.ts). A 0 ms timer keeps asking for the pane's thread; the
 * longest gap between two of its ticks is the longest block, which is how long Cancel, the
 * progress bar and the PROD formulas of the shared runtime wait. The Office adapter reads from and
 * writes to the office-addin-mock Excel of the adapter tests, each sync given a turn of the event
 * loop as Excel's round trip is asynchronous. The mock applying the writes to its model, finding
 * a used range and gathering the loaded cells as JSON is Excel's own work, done in Excel's
 * process: its time is left out of the gap it falls in, and shown apart (with the gap it was
 * counted in). Parsing each sync's response (the loaded cells' JSON) is Office.js's work on the
 * pane's thread, as in Excel: the mock does it in its sync, and it stays in the gap (its longest
 * is shown apart). What Office.js does to send a request (the writes as JSON, about 0.3 MB here)
 * has no stand-in. For comparison, the same run with the job on the pane's thread, as where
 * there is no Worker, and the longest gap with nothing to do at all over as long as a run: on a
 * busy shared machine a timer waits that long for the CPU whatever the pane does, so it is the
 * floor of the figures.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { dateSerial } from "../src/engine/import";
import { Decimal } from "../src/engine/money";
import { runCostReport, type ReportRequest } from "../src/taskpane/costReport/runReport";
import {
  inThreadChannel,
  type JobChannel,
  type PaneMessage,
  type WorkerMessage,
} from "../src/taskpane/costReport/reportProtocol";
import { firstMapping, loadInput, mappingMemory } from "../src/taskpane/costReport/sources";
import { yieldToPane } from "../src/taskpane/files/cancel";
import { OfficeWorkbook } from "../src/excel/officeWorkbook";
import { MockBook, mockExcel } from "../test/excel/mockExcel";
import { fmt, ms, spreadOf, summarize, type Row } from "./lib";
import { budget, end, rawLedger } from "./weeklyCostReport.bench";

const SIZES = [100_000, 250_000];
const TARGET_MS = 100;

/**
 * Time the mock Excel spends in its syncs: Excel's own work, done in Excel's process in Excel;
 * and the longest parse of a sync's response (Office.js's work, on the pane's thread).
 */
interface ExcelTime {
  total: number;
  longest: number;
  parse: number;
}

/**
 * The longest gap between ticks of a 0 ms timer while `work` runs: as measured (`withExcel`),
 * and with the time the mock Excel spent in its syncs within the gap left out (`longest`).
 */
async function longestBlock<T>(
  work: () => Promise<T>,
  excel: ExcelTime = { total: 0, longest: 0, parse: 0 },
): Promise<{ longest: number; withExcel: number; took: number; value: T }> {
  let last = performance.now();
  let excelAtLast = excel.total;
  let longest = 0;
  let withExcel = 0;
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    withExcel = Math.max(withExcel, now - last);
    longest = Math.max(longest, now - last - (excel.total - excelAtLast));
    last = now;
    excelAtLast = excel.total;
    if (ticking) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const started = performance.now();
  const value = await work();
  const took = performance.now() - started;
  await yieldToPane();
  ticking = false;
  return { longest, withExcel, took, value };
}

/** Time spent in the pane's side of the channel: posting the job, taking each reply. */
interface ChannelTimes {
  post: number;
  take: number;
}

/** A job in a Node worker thread, with the time the pane's thread spends posting and taking. */
function workerThread(times: ChannelTimes): JobChannel {
  const worker = new Worker(path.join(__dirname, "reportWorker.js"));
  return {
    send(message: PaneMessage) {
      const started = performance.now();
      worker.postMessage(message);
      times.post = Math.max(times.post, performance.now() - started);
    },
    listen(onReply, onCrash) {
      worker.on("message", (reply: WorkerMessage) => {
        const started = performance.now();
        onReply(reply);
        times.take = Math.max(times.take, performance.now() - started);
      });
      worker.on("error", (error) => onCrash(error.message));
    },
    stop: () => void worker.terminate(),
  };
}

/**
 * A workbook with the budget sheet, its syncs answered on a later turn, as Excel's are; the time
 * the mock takes to apply each sync (Excel's work) is added to `excel`.
 */
function workbook(excel: ExcelTime, ledger?: readonly (string | number)[][]) {
  const book = new MockBook();
  const mock = mockExcel(book);
  const port = new OfficeWorkbook({
    run: (batch) =>
      mock.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = async <T>(value?: T) => {
          await yieldToPane();
          const started = performance.now();
          const parsedBefore = mock.state.parseMs;
          try {
            return (await sync(value)) as T;
          } finally {
            // Parsing the response is Office.js's work on the pane's thread: it stays in the gap.
            const parsed = mock.state.parseMs - parsedBefore;
            excel.parse = Math.max(excel.parse, parsed);
            const spent = performance.now() - started - parsed;
            excel.total += spent;
            excel.longest = Math.max(excel.longest, spent);
          }
        };
        return batch(context);
      }),
  });
  book.addSheet("Budget detail", [
    ["Acct", "Description", "Total"],
    ...budget.map((b) => [b.account, b.description, b.amount.toNumber()]),
  ]);
  if (ledger)
    book.addSheet(
      LEDGER_SHEET,
      ledger.map((r) => [...r]),
    );
  // Excel's own work that the mock does when a range is asked for rather than in its syncs:
  // finding a sheet's used range.
  const used = book.used.bind(book);
  book.used = (...args) => {
    const started = performance.now();
    try {
      return used(...args);
    } finally {
      const spent = performance.now() - started;
      excel.total += spent;
      excel.longest = Math.max(excel.longest, spent);
    }
  };
  return port;
}

/** The sheet a ledger picked from the workbook is on. */
const LEDGER_SHEET = "GL detail";

/** The ledger as picked: a CSV file, or a sheet of the workbook (its cells as Excel holds them). */
type Picked = { kind: "csv"; csv: Blob } | { kind: "sheet"; rows: (string | number)[][] };

/** The pane's request for the ledger, picked and mapped as the pane does it. */
async function request(
  port: OfficeWorkbook,
  picked: Picked,
  channel: () => JobChannel,
): Promise<ReportRequest> {
  const memory = mappingMemory(undefined);
  const budgetInput = await loadInput(port, { kind: "sheet", name: "Budget detail" }, "budget", channel);
  const ledgerInput = await loadInput(
    port,
    picked.kind === "csv"
      ? { kind: "file", name: "GL detail.csv", data: picked.csv }
      : { kind: "sheet", name: LEDGER_SHEET },
    "ledger",
    channel,
  );
  return {
    budget: await firstMapping("budget", budgetInput, memory, channel),
    ledger: await firstMapping("ledger", ledgerInput, memory, channel),
    layout: "FEATURE",
    cutoff: { kind: "date", start: end - 6, end },
    periodEnd: end,
    convention: "UNDER",
    efcChangeThreshold: new Decimal(1000),
    relievePos: false,
    // Each run writes into a new workbook: there is no report of that date to replace.
    confirmReplace: () => Promise.resolve(false),
  };
}

interface Run {
  /** The longest block from picking the file to the written sheet, Excel's own work left out. */
  longest: number;
  pick: number;
  run: number;
  /** The run's longest block with the mock Excel applying the writes counted in it. */
  runWithExcel: number;
  /** The mock Excel's longest sync. */
  excel: number;
  /** The longest parse of a sync's response (Office.js, on the pane's thread). */
  parse: number;
  took: number;
  post: number;
  take: number;
}

async function runOnce(ledger: Picked, where: "worker" | "pane"): Promise<Run> {
  const excel: ExcelTime = { total: 0, longest: 0, parse: 0 };
  const port = workbook(excel, ledger.kind === "sheet" ? ledger.rows : undefined);
  const times: ChannelTimes = { post: 0, take: 0 };
  const channel = where === "worker" ? () => workerThread(times) : inThreadChannel;
  const picked = await longestBlock(() => request(port, ledger, channel), excel);
  const run = await longestBlock(() => runCostReport(port, picked.value, {}, channel), excel);
  if (run.value.summary.reconciliation.agreement.toDate !== "agrees")
    throw new Error("The bench's report does not agree with its ledger: fix the bench.");
  return {
    longest: Math.max(picked.longest, run.longest),
    pick: picked.longest,
    run: run.longest,
    runWithExcel: run.withExcel,
    excel: excel.longest,
    parse: excel.parse,
    took: run.took,
    ...times,
  };
}

/** Rows of the table: per ledger size, the longest block of the pane's thread in a run. */
export async function paneBlockRows(runs = 3): Promise<Row[]> {
  const section = "Cost report";
  const rows: Row[] = [];
  const row = (measure: string, times: number[], target = false): Row => {
    const s = summarize(times);
    return {
      section,
      measure,
      value: ms(s.median),
      spread: spreadOf(s, ms),
      target: target ? `< ${TARGET_MS} ms` : "",
      verdict: target ? (s.median < TARGET_MS ? "ok" : "MISS") : "",
    };
  };
  const idle: number[] = [];
  for (let run = 0; run < runs; run++)
    idle.push((await longestBlock(() => new Promise((resolve) => setTimeout(resolve, 3000)))).longest);
  rows.push(row("nothing to do for 3 s: longest gap of the timer (the machine's own noise)", idle));
  for (const size of SIZES) {
    const text = rawLedger(size)
      .map((r) => r.join(","))
      .join("\n");
    // The picked file, as the file input gives it (a File is a Blob).
    const csv = new Blob([text]);
    const label = `${fmt(size)}-line CSV ledger (${fmt(csv.size / 2 ** 20, 1)} MB)`;
    const measured = async (ledger: Picked, where: "worker" | "pane") => {
      const results: Run[] = [];
      for (let run = 0; run <= runs; run++) {
        const r = await runOnce(ledger, where);
        if (run > 0) results.push(r); // run 0 warms up
      }
      return (key: keyof Run) => results.map((r) => r[key]);
    };
    for (const where of ["worker", "pane"] as const) {
      const pick = await measured({ kind: "csv", csv }, where);
      if (where === "worker") {
        rows.push(
          row(
            `${label}, report in a worker: longest block of the pane's thread, picking the file to written sheet`,
            pick("longest"),
            true,
          ),
          row(`${label}: picking the file (first 1 MiB decoded, first rows read to map it)`, pick("pick")),
          row(`${label}, report in a worker: longest block in the run`, pick("run")),
          row(
            `${label}, report in a worker: the longest post to the worker (a slice of cells, or the job)`,
            pick("post"),
          ),
          row(`${label}, report in a worker: taking the result (summary decimals made again)`, pick("take")),
          row(
            `${label}, report in a worker: longest block in the run, the mock Excel applying the writes counted`,
            pick("runWithExcel"),
          ),
          row(`${label}: the mock Excel's longest sync (Excel's own work, not the pane's)`, pick("excel")),
          row(`${label}, report in a worker: the whole run, start to written sheet`, pick("took")),
        );
      } else {
        rows.push(
          row(
            `${label}, no worker (the job on the pane's thread): longest block in the run, for comparison`,
            pick("run"),
          ),
        );
      }
    }
    // The same ledger on a sheet of the workbook: dates and amounts as Excel holds them (numbers).
    const sheetRows = rawLedger(size).map((r, i) =>
      i === 0
        ? (r as string[])
        : ([r[0], dateCell(r[1]), r[2], r[3], Number(r[4]), r[5]] as (string | number)[]),
    );
    const sheetLabel = `${fmt(size)}-line ledger on a sheet of the workbook`;
    const sheetPick = await measured({ kind: "sheet", rows: sheetRows }, "worker");
    rows.push(
      row(
        `${sheetLabel}, report in a worker: longest block of the pane's thread, picking the sheet to written sheet`,
        sheetPick("longest"),
        true,
      ),
      row(`${sheetLabel}: picking the sheet (read, its layout checked)`, sheetPick("pick")),
      row(
        `${sheetLabel}: the longest parse of a read's response (Office.js, on the pane's thread; in the block)`,
        sheetPick("parse"),
      ),
      row(`${sheetLabel}, report in a worker: longest block in the run`, sheetPick("run")),
      row(`${sheetLabel}, report in a worker: the whole run, start to written sheet`, sheetPick("took")),
    );
  }
  return rows;
}

/** An ISO date as Excel holds a date: its serial number. */
const dateCell = (iso: unknown): number => {
  const [y, m, d] = String(iso).split("-").map(Number);
  return dateSerial(y, m, d) as number;
};
