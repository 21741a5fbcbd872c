/**
 * @jest-environment node
 */
// The report worker's protocol (issue 16: the ledger is read and the report built off the pane's
// thread). The worker's message handler is called directly, its messages passed through Node's
// structuredClone (the algorithm postMessage uses), as a worker would receive and send them.
// Node, not jsdom: the .xlsx reader decodes with TextDecoder and jsdom has no structuredClone.
import fc from "fast-check";
import { ProdError } from "../../../src/engine/errors";
import { Decimal } from "../../../src/engine/money";
import { dateSerial } from "../../../src/engine/weeklyCostReport";
import { PortError } from "../../../src/excel/port";
import { computeReport, summarize, type ReportJob } from "../../../src/taskpane/costReport/reportJob";
import {
  decode,
  encode,
  errorFrom,
  errorMessage,
  handleJobMessage,
  jobMessage,
  runReportJob,
  workerChannel,
  type JobChannel,
  type JobMessage,
  type WorkerMessage,
} from "../../../src/taskpane/costReport/reportProtocol";
import { InputError } from "../../../src/taskpane/costReport/sources";
import { makeXlsx } from "../files/xlsxFixture";

const END = dateSerial(2026, 11, 20) as number;
const LEDGER_COLUMNS = { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 };

function job(ledger: ReportJob["ledger"]["source"], more: Partial<ReportJob> = {}): ReportJob {
  return {
    budget: {
      label: "sheet Budget detail",
      rows: [
        ["Acct", "Description", "Total"],
        [2501, "Key grip", 100000],
        [3301, "Camera package", 60000],
      ],
      mapping: { columns: { account: 0, description: 1, amount: 2 }, headerRows: 1 },
    },
    ledger: {
      label: ledger.name,
      source: ledger,
      mapping: { columns: LEDGER_COLUMNS, headerRows: 1, dateOrder: "MDY" },
    },
    prior: {
      sheet: "Cost Report 2026-11-13",
      rows: [{ account: "2501", etc: new Decimal("40000.125"), efc: new Decimal(95000), etcEdited: true }],
    },
    mode: "create",
    settings: {
      layout: "FEATURE",
      cutoff: { kind: "date", start: END - 6, end: END },
      convention: "UNDER",
      efcChangeThreshold: new Decimal(1000),
    },
    periodEnd: END,
    periodLabel: "2026-11-14 to 2026-11-20",
    ...more,
  };
}

const CSV = [
  "Account,Date,Vendor,Description,Amount,PO #",
  "25-01,2026-10-01,Grip Co,Prep,50000,PO-7",
  "2501-00,2026-11-17,Grip Co,Week 7,12000.01,",
  "3301,2026-11-18,Camera house,=2+2,-250.5,",
  "9910,2026-11-19,Petty cash,Unbudgeted,80,",
  ",2026-11-19,Petty cash,Uncoded,20,",
  "2501,13/45/2026,Grip Co,Bad date,5,",
  "Report total,,,,61854.51,",
].join("\n");

/** The ledger CSV as a picked file, with its text for the preview (all of it: it is short). */
const csv = (name: string): ReportJob["ledger"]["source"] => ({
  kind: "csv",
  name,
  file: new Blob([CSV]),
  head: CSV,
});

/** The worker's side, as a worker runs it: the job cloned in, every reply cloned out. */
async function asWorker(message: JobMessage): Promise<WorkerMessage[]> {
  const replies: WorkerMessage[] = [];
  await handleJobMessage(structuredClone(message), (reply) => replies.push(structuredClone(reply)));
  return replies;
}

/** A channel over the handler with structured clones both ways, and what was done to it. */
function clonedChannel(): JobChannel & { stopped: number } {
  let listener: (reply: WorkerMessage) => void = () => undefined;
  const channel = {
    stopped: 0,
    send: (message: JobMessage) =>
      void handleJobMessage(structuredClone(message), (reply) => listener(structuredClone(reply))),
    listen(onReply: (reply: WorkerMessage) => void) {
      listener = onReply;
    },
    stop() {
      channel.stopped++;
    },
  };
  return channel;
}

describe("the report worker's messages", () => {
  it("sends progress, then a result that is the report built on the pane's thread, to the cent", async () => {
    const input = job(csv("GL detail.csv"));
    const replies = await asWorker(jobMessage(input));
    const progress = replies.filter((r) => r.type === "progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ type: "progress", done: 75, label: "Building the report" });
    const last = replies.at(-1)!;
    if (last.type !== "done") throw new Error(`the job failed: ${JSON.stringify(last)}`);

    const direct = await computeReport(input);
    const summary = decode(last.result.summary);
    // The same sheet cell for cell, and the same summary decimal for decimal: nothing more is sent.
    expect(Object.keys(last.result)).toEqual(["sheet", "summary"]);
    expect(last.result.sheet).toEqual(direct.sheet);
    expect(encode(summary)).toEqual(encode(summarize(direct)));
    const { reconciliation, ledgerCheck } = summary;
    expect(reconciliation.ledgerToDate).toBeInstanceOf(Decimal);
    expect(reconciliation.ledgerToDate.toFixed(2)).toBe("61849.51");
    expect(ledgerCheck.controlTotal?.amount.toFixed(2)).toBe("61854.51");
    // The previous report's ETC (sent with three decimals) was carried, rounded to the cent.
    const grip = direct.report.rows.find((r) => r.kind === "account" && r.account === "2501");
    expect(grip?.figures.priorEtc?.toString()).toBe("40000.13");
    expect(summary.carriedEtcs).toBe(1);
    // What the pane shows. Over budget: 2501 (EFC 62,000.01 + 40,000.13), 9910 and the uncoded
    // row (no budget). EFC moved by more than 1,000: 2501 (from 95,000) and 3301 (from none).
    // Unbudgeted: 9910. One uncoded line; the bad date's row left out.
    expect(summary.flagged).toEqual({ overBudget: 3, efcChange: 2, unbudgeted: 1, poOverRemaining: 0 });
    expect([summary.uncodedLines, summary.unreadRows]).toEqual([1, 1]);
  });

  it("reads an .xlsx ledger sent as the picked file", async () => {
    const bytes = makeXlsx([
      {
        name: "GL",
        rows: [
          ["Account", "Date", "Vendor", "Description", "Amount", "PO #"],
          ["2501", { n: 46343, format: 14 }, "Grip Co", "Week 7", 1200.5, null],
        ],
      },
    ]);
    const replies = await asWorker(
      jobMessage(job({ kind: "xlsx", name: "gl.xlsx", file: new Blob([bytes]), sheet: 0 })),
    );
    const last = replies.at(-1)!;
    if (last.type !== "done") throw new Error(`the job failed: ${JSON.stringify(last)}`);
    expect(decode(last.result.summary).reconciliation.ledgerThisPeriod.toFixed(2)).toBe("1200.50");
  });

  it("sends an input problem back in the same plain words, thrown again as an InputError", async () => {
    const empty = job(csv("GL detail.csv"), {
      budget: {
        label: "sheet Budget",
        rows: [["Acct", "Total"]],
        mapping: { columns: { account: 0, amount: 1 }, headerRows: 1 },
      },
    });
    const replies = await asWorker(jobMessage(empty));
    const message =
      "No budget lines were found in sheet Budget: check the Account and Budget amount columns.";
    expect(replies).toEqual([{ type: "failed", error: { kind: "input", message } }]);
    const thrown = runReportJob(empty, clonedChannel());
    await expect(thrown).rejects.toBeInstanceOf(InputError);
    await expect(thrown).rejects.toThrow(message);
  });

  it("throws every kind of error again as the class it was, with its message", () => {
    const errors = [
      new PortError("cancelled", "The work was cancelled.", ["Cost Report 2026-11-20"]),
      new InputError("Map the ledger's Date column."),
      new ProdError("invalid", "threshold must be 0 or more", "threshold"),
      new Error("the part xl/worksheets/sheet1.xml is damaged"),
    ];
    for (const error of errors) {
      const again = errorFrom(structuredClone(errorMessage(error)));
      expect(again.constructor).toBe(error.constructor);
      expect(again).toEqual(error);
      expect(again.message).toBe(error.message);
    }
    expect(errorFrom(errorMessage("a string"))).toEqual(new Error("a string"));
  });

  it("carries every decimal exactly, negative zero included", () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.integer({ min: -40, max: 40 }), (digits, exponent) => {
        const d = new Decimal(`${digits}e${exponent}`);
        const back = decode(structuredClone(encode({ rows: [{ d }] }))).rows[0].d;
        expect(back).toBeInstanceOf(Decimal);
        expect(back.eq(d)).toBe(true);
      }),
    );
    const negativeZero = decode(structuredClone(encode(new Decimal("-0"))));
    expect([negativeZero.isZero(), negativeZero.isNeg()]).toEqual([true, true]);
  });
});

describe("running a job", () => {
  it("stops the worker on Cancel and ends cancelled at once; what it says afterwards is ignored", async () => {
    const replies: ((reply: WorkerMessage) => void)[] = [];
    let stopped = 0;
    const channel: JobChannel = {
      send: () => undefined,
      listen: (onReply) => replies.push(onReply),
      stop: () => stopped++,
    };
    const controller = new AbortController();
    const progress: number[] = [];
    const run = runReportJob(job(csv("gl.csv")), channel, {
      signal: controller.signal,
      onProgress: (done) => progress.push(done),
    });
    replies[0]({ type: "progress", done: 10, label: "Reading gl.csv" });
    controller.abort();
    await expect(run).rejects.toMatchObject({ kind: "cancelled" });
    expect(stopped).toBe(1);
    replies[0]({ type: "progress", done: 60, label: "Reading gl.csv" });
    expect(progress).toEqual([10]);
  });

  it("terminates a Web Worker when the job ends or is cancelled, and says so when the worker fails", async () => {
    class FakeWorker {
      onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
      onerror: ((event: { message: string; preventDefault(): void }) => void) | null = null;
      onmessageerror: (() => void) | null = null;
      posted: unknown[] = [];
      terminated = 0;
      postMessage(message: unknown) {
        this.posted.push(structuredClone(message));
      }
      terminate() {
        this.terminated++;
      }
    }
    const input = job(csv("gl.csv"));

    const done = new FakeWorker();
    const run = runReportJob(input, workerChannel(done as unknown as Worker));
    expect(done.posted).toEqual([structuredClone(jobMessage(input))]);
    await handleJobMessage(done.posted[0] as JobMessage, (reply) =>
      done.onmessage!({ data: structuredClone(reply) }),
    );
    await expect(run).resolves.toMatchObject({ sheet: { name: "Cost Report 2026-11-20" } });
    expect(done.terminated).toBe(1);

    const cancelled = new FakeWorker();
    const controller = new AbortController();
    const stopping = runReportJob(input, workerChannel(cancelled as unknown as Worker), {
      signal: controller.signal,
    });
    controller.abort();
    await expect(stopping).rejects.toMatchObject({ kind: "cancelled" });
    expect(cancelled.terminated).toBe(1);

    const broken = new FakeWorker();
    const failing = runReportJob(input, workerChannel(broken as unknown as Worker));
    broken.onerror!({
      message: "Uncaught SyntaxError: Unexpected token '<'",
      preventDefault: () => undefined,
    });
    await expect(failing).rejects.toThrow(
      "The cost report could not be built: Uncaught SyntaxError: Unexpected token '<'.",
    );
    expect(broken.terminated).toBe(1);
  });
});
