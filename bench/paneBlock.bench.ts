/**
 * Issue 16: "a 100,000-line ledger froze the pane 1-6 s at a time". The ledger is now read, and
 * the report built and laid out, in a worker (src/taskpane/costReport/reportJob.ts); this measures
 * what is still done on the pane's thread in a whole run (runCostReport): the budget read from the
 * workbook, the job posted (a structured clone of the CSV text and the budget), the result taken
 * (its clone, and the decimals made again) and the sheet written through the Office adapter.
 *
 * The worker is a Node worker thread running the pane worker's own message handler, with the same
 * structured clone (bench/reportWorker.ts). A 0 ms timer keeps asking for the pane's thread; the
 * longest gap between two of its ticks is the longest block, which is how long Cancel, the
 * progress bar and the PROD formulas of the shared runtime wait. The Office adapter writes to the
 * office-addin-mock Excel of the adapter tests, each sync given a turn of the event loop as
 * Excel's round trip is asynchronous; the mock applying the writes to its model (Excel's own work,
 * in Excel) is counted on the pane's thread, so the figure errs high. Picking the file (decoding
 * it and reading its first rows to map the columns) is measured apart: it happens before the run.
 * For comparison, the same run with the job on the pane's thread, as where there is no Worker,
 * and the longest gap with nothing to do at all over as long as a run: on a busy shared machine a
 * timer waits that long for the CPU whatever the pane does, so it is the floor of the figures.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { Decimal } from "../src/engine/money";
import { runCostReport, type ReportRequest } from "../src/taskpane/costReport/runReport";
import {
  inThreadChannel,
  type JobChannel,
  type JobMessage,
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

/** The longest gap between ticks of a 0 ms timer while `work` runs. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ longest: number; took: number; value: T }> {
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
  const started = performance.now();
  const value = await work();
  const took = performance.now() - started;
  await yieldToPane();
  ticking = false;
  return { longest, took, value };
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
    send(message: JobMessage) {
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

/** A workbook with the budget sheet, its syncs answered on a later turn, as Excel's are. */
function workbook() {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({
    run: (batch) =>
      excel.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = async <T>(value?: T) => {
          await yieldToPane();
          return sync(value) as Promise<T>;
        };
        return batch(context);
      }),
  });
  book.addSheet("Budget detail", [
    ["Acct", "Description", "Total"],
    ...budget.map((b) => [b.account, b.description, b.amount.toNumber()]),
  ]);
  return port;
}

/** The pane's request for the ledger file, picked and mapped as the pane does it. */
async function request(port: OfficeWorkbook, csv: ArrayBuffer): Promise<ReportRequest> {
  const memory = mappingMemory(undefined);
  const budgetInput = await loadInput(port, { kind: "sheet", name: "Budget detail" }, "budget");
  const ledgerInput = await loadInput(port, { kind: "file", name: "GL detail.csv", data: csv }, "ledger");
  return {
    budget: firstMapping("budget", budgetInput, memory),
    ledger: firstMapping("ledger", ledgerInput, memory),
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
  pick: number;
  longest: number;
  took: number;
  post: number;
  take: number;
}

async function runOnce(csv: ArrayBuffer, where: "worker" | "pane"): Promise<Run> {
  const port = workbook();
  const picked = await longestBlock(() => request(port, csv));
  const times: ChannelTimes = { post: 0, take: 0 };
  const channel = where === "worker" ? () => workerThread(times) : inThreadChannel;
  const run = await longestBlock(() => runCostReport(port, picked.value, {}, channel));
  if (run.value.summary.reconciliation.agreement.toDate !== "agrees")
    throw new Error("The bench's report does not agree with its ledger: fix the bench.");
  return { pick: picked.longest, longest: run.longest, took: run.took, ...times };
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
    const csv = new TextEncoder().encode(text).buffer as ArrayBuffer;
    const label = `${fmt(size)}-line CSV ledger (${fmt(csv.byteLength / 2 ** 20, 1)} MB)`;
    for (const where of ["worker", "pane"] as const) {
      const results: Run[] = [];
      for (let run = 0; run <= runs; run++) {
        const r = await runOnce(csv, where);
        if (run > 0) results.push(r); // run 0 warms up
      }
      const pick = (key: keyof Run) => results.map((r) => r[key]);
      if (where === "worker") {
        rows.push(
          row(
            `${label}, report in a worker: longest block of the pane's thread in the run`,
            pick("longest"),
            true,
          ),
          row(`${label}, report in a worker: posting the job, one block`, pick("post")),
          row(
            `${label}, report in a worker: taking the result (decimals made again), one block`,
            pick("take"),
          ),
          row(`${label}, report in a worker: the whole run, start to written sheet`, pick("took")),
          row(`${label}: picking the file (decoded, first rows read to map it), longest block`, pick("pick")),
        );
      } else {
        rows.push(
          row(
            `${label}, no worker (the job on the pane's thread): longest block, for comparison`,
            pick("longest"),
          ),
        );
      }
    }
  }
  return rows;
}
