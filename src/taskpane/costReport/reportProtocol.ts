/**
 * How the pane hands a cost report's heavy parts to the report worker and gets the result back
 * (issue 16: parse, check and build off the pane's thread, so progress, Cancel and the PROD
 * formulas stay live): the report itself (reportJob.ts), and the layout check of cells read from
 * the workbook (the number format and date order of every row: seconds of work at 250,000 rows).
 *
 * The protocol: cells read from the workbook go first, in `rows` messages of at most SEND_ROWS
 * rows each, the pane's thread given back between them (a structured clone of a whole 250,000-row
 * sheet held it for most of a second); then one `run` message with the job (its ledger `sent`:
 * the rows sent before it) or one `layout` message. The worker posts `progress` messages, then
 * one `done` with the result, one `layout` with the layout, or one `failed` with the error.
 * Messages are plain data carried by a structured clone (HTML Living Standard,
 * "StructuredSerialize"): class instances arrive as plain objects, so the decimals are sent as
 * their exact text and made again on the other side, and an error is sent as its kind and
 * message and thrown again as the same class, so the pane shows the same plain-words message as
 * before. Cancel terminates the worker.
 *
 * Where there is no Worker (jest's jsdom; a host that has none) the same handler runs on the
 * pane's thread through {@link inThreadChannel}, and Cancel reaches it through an AbortSignal.
 */
import { readLayout, type Answers, type Layout } from "../../engine/import";
import { ProdError, type ErrorKind } from "../../engine/errors";
import { Decimal } from "../../engine/money";
import { VOCABULARIES, type Field } from "../../engine/weeklyCostReport";
import { PortError, type PortErrorKind } from "../../excel/port";
import { cancelledError, yieldToPane } from "../files/cancel";
import type { SheetPlan } from "../../excel/port";
import { InputError } from "./inputError";
import {
  computeReport,
  summarize,
  type JobOptions,
  type LedgerFile,
  type ReportJob,
  type ReportSummary,
} from "./reportJob";
import { reportWorkerStarter } from "./reportWorkerStart";

/** Cells read from the workbook: a sheet's used range, a table's header and rows. */
export type Cells = readonly (readonly unknown[])[];

/** The most rows one `rows` message carries: its clone holds the pane's thread for a few ms. */
export const SEND_ROWS = 5_000;

/** The tables a layout is checked for (each has its vocabulary of headings). */
export type LayoutKind = keyof typeof VOCABULARIES;

/** A value whose decimals were replaced by {@link encode} (the type says what it decodes to). */
export interface Encoded<T> {
  readonly encodedOf?: T;
}

/**
 * The job as sent: the parts that hold decimals are encoded; a ledger of cells is `sent` (its
 * rows went before, in `rows` messages); the budget's rows and the files go as they are.
 */
export interface JobMessage {
  type: "run";
  job: Omit<ReportJob, "prior" | "replaced" | "settings" | "ledger"> & {
    ledger: Omit<ReportJob["ledger"], "source"> & {
      source: Exclude<LedgerFile, { kind: "grid" }> | { kind: "sent"; name: string };
    };
    prior?: Encoded<ReportJob["prior"]>;
    replaced?: Encoded<ReportJob["replaced"]>;
    settings: Encoded<ReportJob["settings"]>;
  };
}

/** Check the layout of the rows sent before (readLayout), under the user's answers. */
export interface LayoutMessage {
  type: "layout";
  kind: LayoutKind;
  answers: Answers<Field>;
}

/** What the pane sends. */
export type PaneMessage = { type: "rows"; rows: Cells } | JobMessage | LayoutMessage;

/** An error as sent: enough to throw the same class with the same message again. */
export type ErrorMessage =
  | { kind: "port"; port: PortErrorKind; message: string; subjects: string[] }
  | { kind: "input"; message: string }
  | { kind: "prod"; error: ErrorKind; message: string; arg?: string }
  | { kind: "other"; message: string };

/** What a job gives the pane: the sheet to write and what the pane shows of the report. */
export interface JobResult {
  sheet: SheetPlan;
  summary: ReportSummary;
}

/** What the worker sends back. */
export type WorkerMessage =
  | { type: "progress"; done: number; label: string }
  | { type: "done"; result: { sheet: SheetPlan; summary: Encoded<ReportSummary> } }
  | { type: "layout"; layout: Layout<Field> }
  | { type: "failed"; error: ErrorMessage };

/** The key of an encoded decimal: `{ $decimal: "-12.5" }`. */
const DECIMAL = "$decimal";

function encodeValue(value: unknown): unknown {
  if (Decimal.isDecimal(value)) {
    const d = value as Decimal;
    // toString() is exact; a negative zero keeps its sign.
    return { [DECIMAL]: d.isZero() && d.isNeg() ? "-0" : d.toString() };
  }
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = encodeValue(v);
    return out;
  }
  return value;
}

function decodeValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === DECIMAL) return new Decimal(entries[0][1] as string);
    const out: Record<string, unknown> = {};
    for (const [key, v] of entries) out[key] = decodeValue(v);
    return out;
  }
  return value;
}

/** A value with every decimal in it replaced by its exact text, for a structured clone. */
export const encode = <T>(value: T): Encoded<T> => encodeValue(value) as Encoded<T>;

/** The value {@link encode} was given, its decimals made again. */
export const decode = <T>(value: Encoded<T>): T => decodeValue(value) as T;

/** An error as plain data. */
export function errorMessage(error: unknown): ErrorMessage {
  if (error instanceof PortError)
    return { kind: "port", port: error.kind, message: error.message, subjects: [...error.subjects] };
  if (error instanceof InputError) return { kind: "input", message: error.message };
  if (error instanceof ProdError)
    return { kind: "prod", error: error.kind, message: error.message, arg: error.arg };
  return { kind: "other", message: error instanceof Error ? error.message : String(error) };
}

/** The error {@link errorMessage} was given, as the same class with the same message. */
export function errorFrom(message: ErrorMessage): Error {
  switch (message.kind) {
    case "port":
      return new PortError(message.port, message.message, message.subjects);
    case "input":
      return new InputError(message.message);
    case "prod":
      return new ProdError(message.error, message.message, message.arg);
    case "other":
      return new Error(message.message);
  }
}

/** The job as a message: a ledger of cells is sent before it (its rows, {@link runReportJob}). */
export function jobMessage(job: ReportJob): JobMessage {
  const { prior, replaced, settings, ledger } = job;
  return {
    type: "run",
    job: {
      ...job,
      ledger: {
        ...ledger,
        source: ledger.source.kind === "grid" ? { kind: "sent", name: ledger.source.name } : ledger.source,
      },
      prior: prior && encode(prior),
      replaced: replaced && encode(replaced),
      settings: encode(settings),
    },
  };
}

/** Handles the messages of one worker (or one in-thread channel), in order. */
export type JobHandler = (
  message: PaneMessage,
  post: (reply: WorkerMessage) => void,
  signal?: AbortSignal,
) => Promise<void>;

/**
 * The worker's side: keeps the rows sent, then computes the job or checks the layout and posts
 * progress, then the result or the error (never dropped: every failure is posted). `signal` is
 * the in-thread Cancel; a worker is terminated.
 */
export function jobHandler(): JobHandler {
  let sent: unknown[][] = [];
  return async (message, post, signal) => {
    if (message.type === "rows") {
      for (const row of message.rows) sent.push(row as unknown[]);
      return;
    }
    const rows = sent;
    sent = [];
    try {
      if (message.type === "layout") {
        post({ type: "layout", layout: readLayout(rows, VOCABULARIES[message.kind], message.answers) });
        return;
      }
      const { job } = message;
      const { source } = job.ledger;
      const result = await computeReport(
        {
          ...job,
          ledger: {
            ...job.ledger,
            source: source.kind === "sent" ? { kind: "grid", name: source.name, rows } : source,
          },
          prior: job.prior && decode(job.prior),
          replaced: job.replaced && decode(job.replaced),
          settings: decode(job.settings),
        },
        { signal, onProgress: (done, label) => post({ type: "progress", done, label }) },
      );
      post({ type: "done", result: { sheet: result.sheet, summary: encode(summarize(result)) } });
    } catch (error) {
      post({ type: "failed", error: errorMessage(error) });
    }
  };
}

/** Where a job runs: a worker, or the pane's own thread. */
export interface JobChannel {
  send(message: PaneMessage): void;
  /** The one listener of replies; `onCrash` when the worker itself failed (its script, a message). */
  listen(onReply: (reply: WorkerMessage) => void, onCrash: (why: string) => void): void;
  /** Stops the job: the worker is terminated. */
  stop(): void;
}

/** A job in a Web Worker. */
export function workerChannel(worker: Worker): JobChannel {
  return {
    send: (message) => worker.postMessage(message),
    listen(onReply, onCrash) {
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => onReply(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onCrash(event.message || "the report worker could not start");
      };
      worker.onmessageerror = () => onCrash("a message from the report worker could not be read");
    },
    stop: () => worker.terminate(),
  };
}

/** The same job on the pane's thread, where there is no Worker. */
export function inThreadChannel(): JobChannel {
  const controller = new AbortController();
  const handle = jobHandler();
  let listener: (reply: WorkerMessage) => void = () => undefined;
  return {
    send: (message) => void handle(message, (reply) => listener(reply), controller.signal),
    listen(onReply) {
      listener = onReply;
    },
    stop: () => controller.abort(),
  };
}

/** A channel for one job: a new worker when the page set one up, else the pane's thread. */
export function reportChannel(): JobChannel {
  const start = reportWorkerStarter();
  return start && typeof Worker !== "undefined" ? workerChannel(start()) : inThreadChannel();
}

/** A final answer of the worker, by its type. */
type Answer<T extends "done" | "layout"> = Extract<WorkerMessage, { type: T }>;

/**
 * Asks the worker on the channel one thing: the cells first (if any), in slices, the pane's
 * thread given back between them, then the request. Progress as it comes; the answer, or the
 * error thrown again as it was thrown. Cancel stops the channel and ends with PortError
 * ("cancelled") at once.
 */
function ask<T extends "done" | "layout">(
  channel: JobChannel,
  cells: Cells | undefined,
  request: JobMessage | LayoutMessage,
  expected: T,
  options: JobOptions,
): Promise<Answer<T>> {
  const { signal } = options;
  return new Promise<Answer<T>>((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      signal?.removeEventListener("abort", cancel);
      channel.stop();
    };
    const cancel = () => {
      finish();
      reject(cancelledError());
    };
    if (signal?.aborted) {
      cancel();
      return;
    }
    signal?.addEventListener("abort", cancel, { once: true });
    channel.listen(
      (reply) => {
        // A job stopped in-thread may still say something on its way out.
        if (settled) return;
        if (reply.type === "progress") {
          options.onProgress?.(reply.done, reply.label);
          return;
        }
        finish();
        if (reply.type === "failed") reject(errorFrom(reply.error));
        else if (reply.type === expected) resolve(reply as Answer<T>);
        else reject(new Error(`The report worker answered "${reply.type}" to "${request.type}".`));
      },
      (why) => {
        if (settled) return;
        finish();
        reject(new Error(`The cost report could not be built: ${why}.`));
      },
    );
    void (async () => {
      for (let start = 0; cells && start < cells.length; start += SEND_ROWS) {
        channel.send({ type: "rows", rows: cells.slice(start, start + SEND_ROWS) });
        await yieldToPane();
        if (settled) return;
      }
      channel.send(request);
    })();
  });
}

/** Runs the job on the channel: a ledger of cells is sent first, in slices. */
export async function runReportJob(
  job: ReportJob,
  channel: JobChannel,
  options: JobOptions = {},
): Promise<JobResult> {
  const { source } = job.ledger;
  const { result } = await ask(
    channel,
    source.kind === "grid" ? source.rows : undefined,
    jobMessage(job),
    "done",
    options,
  );
  return { sheet: result.sheet, summary: decode(result.summary) };
}

/**
 * The layout of cells read from the workbook (readLayout: header row, columns, number format,
 * date order and the questions), checked in the report worker: the same check, the same
 * questions in the same words, off the pane's thread.
 */
export async function checkLayout(
  cells: Cells,
  kind: LayoutKind,
  answers: Answers<Field>,
  channel: JobChannel,
  options: JobOptions = {},
): Promise<Layout<Field>> {
  return (await ask(channel, cells, { type: "layout", kind, answers }, "layout", options)).layout;
}
