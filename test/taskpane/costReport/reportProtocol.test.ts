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
import { DECIMAL_COMMA, DECIMAL_POINT, readLayout } from "../../../src/engine/import";
import { dateSerial, VOCABULARIES } from "../../../src/engine/weeklyCostReport";
import { PortError } from "../../../src/excel/port";
import { computeReport, summarize, type ReportJob } from "../../../src/taskpane/costReport/reportJob";
import {
  decode,
  encode,
  errorFrom,
  errorMessage,
  checkLayout,
  jobHandler,
  jobMessage,
  runReportJob,
  SEND_ROWS,
  workerChannel,
  type JobChannel,
  type PaneMessage,
  type WorkerMessage,
} from "../../../src/taskpane/costReport/reportProtocol";
import { InputError } from "../../../src/taskpane/costReport/inputError";
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
async function asWorker(message: PaneMessage): Promise<WorkerMessage[]> {
  const replies: WorkerMessage[] = [];
  await jobHandler()(structuredClone(message), (reply) => replies.push(structuredClone(reply)));
  return replies;
}

/**
 * A channel over one worker's handler with structured clones both ways, what was done to it and
 * every message sent (as the worker received it).
 */
function clonedChannel(): JobChannel & { stopped: number; sent: PaneMessage[] } {
  let listener: (reply: WorkerMessage) => void = () => undefined;
  const handle = jobHandler();
  const sent: PaneMessage[] = [];
  const channel = {
    stopped: 0,
    sent,
    send: (message: PaneMessage) => {
      const received = structuredClone(message);
      sent.push(received);
      void handle(received, (reply) => listener(structuredClone(reply)));
    },
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

  it("lists a budget row with no account and an amount it cannot read among the rows left out, and counts it", async () => {
    const input = job(csv("GL detail.csv"), {
      budget: {
        label: "sheet Budget detail",
        rows: [
          ["My Film: budget draft 3"],
          [],
          ["Acct", "Description", "Total"],
          ["", "ABOVE THE LINE", ""],
          [2501, "Key grip", 100000],
          ["", "Contingency", "TBD"],
          [3301, "Camera package", 60000],
        ],
        mapping: { columns: { account: 0, description: 1, amount: 2 }, headerRows: 3 },
      },
    });
    const direct = await computeReport(input);
    const listed = direct.sheet.blocks
      .flatMap((b) => b.cells)
      .filter((row) => row[0] === "Budget")
      .map((row) =>
        row.slice(0, 3).map((c) => (c !== null && typeof c === "object" && "text" in c ? c.text : c)),
      );
    expect(listed).toEqual([
      [
        "Budget",
        6,
        'the amount "TBD" has no account and is not a number written 1,234.56; the line is left out',
      ],
    ]);
    // This row and the ledger's bad date.
    expect(summarize(direct).unreadRows).toBe(2);
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
    await jobHandler()(done.posted[0] as PaneMessage, (reply) =>
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

/**
 * A ledger as a sheet of the workbook holds it, shaped like a real export pasted in: title lines
 * over the headings, a blank row and a subtotal inside, European amounts and day/month dates as
 * text (what a pasted export from a European system leaves), a vendor that would be a formula,
 * and the export's total at the end. `lines` lines of 0.01 on 2501 on 2026-11-18 make it long;
 * the only cells that prove the formats (1.234,56 and 20/11/2026) are near its end, far past the
 * first rows a file's preview would judge.
 */
function europeanSheet(lines: number): unknown[][] {
  const rows: unknown[][] = [
    ["Production: The Long Take", null, null, null, null, null],
    ["GL detail, week 7", null, null, null, null, null],
    ["Account", "Date", "Vendor", "Description", "Amount", "PO #"],
  ];
  for (let i = 0; i < lines; i++)
    rows.push(["2501", "11/11/2026", `Vendor ${i % 40}`, `Line ${i}`, "0,01", ""]);
  rows.push(["", "", "", "", "", ""]);
  rows.push(["Subtotal 2501", "", "", "", "", ""]);
  rows.push(["3301", "20/11/2026", '=HYPERLINK("x")', "Camera", "1.234,56", "PO-9"]);
  rows.push(["Report total", "", "", "", "", ""]);
  return rows;
}

describe("cells read from the workbook, checked and read in the worker (issue 16)", () => {
  const lines = 2 * SEND_ROWS + 1;
  const sheet = europeanSheet(lines);

  it("checks the layout of every row in the worker: the same findings and questions, in the same words, as on the pane's thread", async () => {
    for (const answers of [{}, { dateOrder: "MDY" as const }, { numberFormat: DECIMAL_POINT }]) {
      const channel = clonedChannel();
      const layout = await checkLayout(sheet, "ledger", answers, channel);
      expect(layout).toEqual(readLayout(sheet, VOCABULARIES.ledger, answers));
      // Sent as it is held, in slices, then the question; nothing else.
      expect(channel.sent.map((m) => m.type)).toEqual(["rows", "rows", "rows", "layout"]);
      expect(channel.sent.flatMap((m) => (m.type === "rows" ? m.rows : []))).toEqual(sheet);
      expect(channel.stopped).toBe(1);
    }
    // The proof is on the last lines: all of the sheet was judged, not its first rows.
    const found = await checkLayout(sheet, "ledger", {}, clonedChannel());
    expect([found.numberFinding.status, found.numberFormat]).toEqual(["proved", DECIMAL_COMMA]);
    expect([found.dateFinding.status, found.dateOrder]).toEqual(["proved", "DMY"]);
    expect(found.dateFinding.examples).toEqual([{ row: lines + 6, text: "20/11/2026" }]);
    const refused = await checkLayout(sheet, "ledger", { dateOrder: "MDY" }, clonedChannel());
    expect(refused.questions.map((q) => q.message)).toEqual([
      'The dates can only be day/month/year ("20/11/2026" (row 10007)), not month/day/year as chosen. Pick the order again.',
    ]);
  });

  it("sends a ledger of cells in slices, the pane's thread given back between them, and builds the report the pane's thread would, to the cent", async () => {
    const source = { kind: "grid" as const, name: "sheet GL", rows: sheet };
    const input = job(source, {
      ledger: {
        label: "sheet GL",
        source,
        mapping: {
          columns: LEDGER_COLUMNS,
          headerRows: 3,
          headers: sheet[2] as string[],
          numberFormat: DECIMAL_COMMA,
          dateOrder: "DMY",
        },
      },
    });
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const channel = clonedChannel();
    const sends: { type: string; rows: number; timerRan: boolean }[] = [];
    const send = channel.send;
    channel.send = (message) => {
      sends.push({ type: message.type, rows: message.type === "rows" ? message.rows.length : 0, timerRan });
      send(message);
    };
    const result = await runReportJob(input, channel);
    expect(sends).toEqual([
      { type: "rows", rows: SEND_ROWS, timerRan: false },
      { type: "rows", rows: SEND_ROWS, timerRan: true },
      { type: "rows", rows: sheet.length - 2 * SEND_ROWS, timerRan: true },
      { type: "run", rows: 0, timerRan: true },
    ]);
    // The job itself carries no rows: the worker takes the ones sent before it.
    const run = channel.sent.at(-1)!;
    if (run.type !== "run") throw new Error("the job was not sent last");
    expect(run.job.ledger.source).toEqual({ kind: "sent", name: "sheet GL" });

    const direct = await computeReport(input);
    expect(result.sheet).toEqual(direct.sheet);
    const { reconciliation, ledgerCheck } = result.summary;
    // 10,001 lines of 0.01 before the cut-off's week, and 1,234.56 in it: every cent.
    expect(reconciliation.ledgerToDate.toFixed(2)).toBe("1334.57");
    expect(reconciliation.ledgerThisPeriod.toFixed(2)).toBe("1234.56");
    // The blank row, the subtotal and the total line are not lines.
    expect(ledgerCheck.leftOut).toBe(0);
  });
});
