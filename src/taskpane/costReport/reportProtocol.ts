/**
 * How the pane hands a cost report's heavy part (reportJob.ts) to the report worker and gets the
 * result back (issue 16: parse and build off the pane's thread, so progress, Cancel and the PROD
 * formulas stay live).
 *
 * The protocol: the pane posts one `run` message with the job; the worker posts `progress`
 * messages, then one `done` with the result or one `failed` with the error. Messages are plain
 * data carried by a structured clone (HTML Living Standard, "StructuredSerialize"): class
 * instances arrive as plain objects, so the decimals are sent as their exact text and made again
 * on the other side, and an error is sent as its kind and message and thrown again as the same
 * class, so the pane shows the same plain-words message as before. Cancel terminates the worker.
 *
 * Where there is no Worker (jest's jsdom; a host that has none) the same handler runs on the
 * pane's thread through {@link inThreadChannel}, and Cancel reaches it through an AbortSignal.
 */
import { ProdError, type ErrorKind } from "../../engine/errors";
import { Decimal } from "../../engine/money";
import { PortError, type PortErrorKind } from "../../excel/port";
import { cancelledError } from "../files/cancel";
import type { SheetPlan } from "../../excel/port";
import { computeReport, summarize, type JobOptions, type ReportJob, type ReportSummary } from "./reportJob";
import { reportWorkerStarter } from "./reportWorkerStart";
import { InputError } from "./sources";

/** A value whose decimals were replaced by {@link encode} (the type says what it decodes to). */
export interface Encoded<T> {
  readonly encodedOf?: T;
}

/** The job as sent: the parts that hold decimals are encoded; the rows and files go as they are. */
export interface JobMessage {
  type: "run";
  job: Omit<ReportJob, "prior" | "replaced" | "settings"> & {
    prior?: Encoded<ReportJob["prior"]>;
    replaced?: Encoded<ReportJob["replaced"]>;
    settings: Encoded<ReportJob["settings"]>;
  };
}

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

/** The job as a message. */
export function jobMessage(job: ReportJob): JobMessage {
  const { prior, replaced, settings } = job;
  return {
    type: "run",
    job: {
      ...job,
      prior: prior && encode(prior),
      replaced: replaced && encode(replaced),
      settings: encode(settings),
    },
  };
}

/**
 * The worker's side: computes the job and posts progress, then the result or the error (never
 * dropped: every failure is posted). `signal` is the in-thread Cancel; a worker is terminated.
 */
export async function handleJobMessage(
  message: JobMessage,
  post: (reply: WorkerMessage) => void,
  signal?: AbortSignal,
): Promise<void> {
  try {
    const { job } = message;
    const result = await computeReport(
      {
        ...job,
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
}

/** Where a job runs: a worker, or the pane's own thread. */
export interface JobChannel {
  send(message: JobMessage): void;
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
  let listener: (reply: WorkerMessage) => void = () => undefined;
  return {
    send: (message) => void handleJobMessage(message, (reply) => listener(reply), controller.signal),
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

/**
 * Runs the job on the channel: progress as it comes, the result decoded, the error thrown again
 * as it was thrown. Cancel stops the channel and ends with PortError ("cancelled") at once.
 */
export function runReportJob(
  job: ReportJob,
  channel: JobChannel,
  options: JobOptions = {},
): Promise<JobResult> {
  const { signal } = options;
  return new Promise<JobResult>((resolve, reject) => {
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
        if (reply.type === "failed") {
          reject(errorFrom(reply.error));
          return;
        }
        resolve({ sheet: reply.result.sheet, summary: decode(reply.result.summary) });
      },
      (why) => {
        if (settled) return;
        finish();
        reject(new Error(`The cost report could not be built: ${why}.`));
      },
    );
    channel.send(jobMessage(job));
  });
}
