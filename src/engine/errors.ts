/**
 * The engine's errors. An {@link ProdError} is the answer to bad input: it has a kind that
 * decides which Excel error the user sees (#VALUE!, #N/A, #DIV/0!) and a message, built by the
 * catalogue below, that names the argument and what was wrong with it.
 *
 * A bug is not a ProdError: anything else thrown from the engine is a programmer error and is
 * never shown as if the user had typed something wrong.
 */

/** What went wrong, from the user's point of view. */
export type ErrorKind =
  /** A value the function cannot use (Excel: #VALUE!). */
  | "invalid"
  /** A name the engine does not know: a fringe, rule, layout, template (Excel: #N/A). */
  | "notFound"
  /** A division by zero the user asked for (Excel: #DIV/0!). */
  | "divZero";

/** An error caused by the user's input, with a message written for them. */
export class ProdError extends Error {
  override readonly name = "ProdError";

  /**
   * @param kind - which Excel error the user sees
   * @param message - the message, starting with `arg` when the error is about one argument
   * @param arg - the argument the message is about, so a spill can say which row of it
   */
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly arg?: string,
  ) {
    // No stack trace: this is the user's input, never a bug to trace, and capturing one was most
    // of what a bad row of a 10,000-row spill cost (issue 15). The engine's limit (V8 and
    // JavaScriptCore read it) is set back at once; nothing runs in between.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }

  /**
   * The message about one row of its argument, for a spill that answers row by row:
   * "hours is required, got a blank cell" becomes "hours (row 2) is required, got a blank cell".
   * A message, not a new error: a column of bad cells costs one error object per row, not two.
   */
  messageInRow(row: number): string {
    const { arg } = this;
    if (arg === undefined || !this.message.startsWith(arg)) return this.message;
    return `${arg} (row ${row})${this.message.slice(arg.length)}`;
  }
}

/** Shows a value the user typed in a message: text in quotes, numbers as they are. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "a blank cell";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return "a range";
  return String(value);
}

/**
 * Edit distance between two short names, for "did you mean" suggestions.
 * Classic two-row Levenshtein; names are short, so this is cheap.
 */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The known names closest to `name` (prefix matches and small typos), best first. */
export function closeNames(name: string, known: readonly string[], most = 3): string[] {
  const target = name.toUpperCase();
  const within = Math.max(2, Math.floor(target.length / 3));
  return known
    .map((k) => {
      const upper = k.toUpperCase();
      // An edit distance is at least the difference of the lengths, so a name that much longer or
      // shorter is not worked out: a hostile 18,000-character text against each known name took
      // 0.2 s alone and 1.8 s on a loaded machine (TOPSHEET's layout, the hostile-input property).
      const d =
        upper.startsWith(target) || target.startsWith(upper)
          ? 0.5
          : Math.abs(target.length - upper.length) > within
            ? Infinity
            : distance(target, upper);
      return { k, d };
    })
    .filter(({ d }) => d <= within)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, most)
    .map(({ k }) => k);
}

/** "1 cell", "3 cells": a size in a message. */
function cellCount(n: number): string {
  return n === 1 ? "1 cell" : `${n} cells`;
}

/**
 * The message catalogue: every message the engine shows a user is built here, so the wording
 * stays consistent ("<argument> must be ..., got ...").
 */
export const errors = {
  /** `arg` should be a number and is not. */
  notANumber: (arg: string, got: unknown) =>
    new ProdError("invalid", `${arg} must be a number, got ${describeValue(got)}`, arg),

  /** `arg` is numeric text beyond Excel's number range ("1e400"), as =VALUE() refuses it. */
  outOfRange: (arg: string, got: unknown) =>
    new ProdError(
      "invalid",
      `${arg} must be a number within Excel's range (about -1E+308 to 1E+308), got ${describeValue(got)}`,
      arg,
    ),

  /** `arg` is a range of no cells (never from Excel; an add-in or a test can pass one). */
  emptyRange: (arg: string) =>
    new ProdError("invalid", `${arg} is an empty range: give at least one cell`, arg),

  /** `arg` is required and the cell is blank. */
  required: (arg: string) => new ProdError("invalid", `${arg} is required, got a blank cell`, arg),

  /** `arg` is below its minimum ("hours must be 0 or more, got -2"), with what to do instead. */
  belowMinimum: (arg: string, min: number, got: unknown, hint?: string) =>
    new ProdError(
      "invalid",
      `${arg} must be ${min} or more, got ${describeValue(got)}${hint ? `: ${hint}` : ""}`,
      arg,
    ),

  /** `arg` must be strictly positive. */
  notPositive: (arg: string, got: unknown) =>
    new ProdError("invalid", `${arg} must be more than 0, got ${describeValue(got)}`, arg),

  /** `arg` is above its maximum. */
  aboveMaximum: (arg: string, max: number, got: unknown) =>
    new ProdError("invalid", `${arg} must be ${max} or less, got ${describeValue(got)}`, arg),

  /** Two ranges that must line up do not. */
  sizeMismatch: (arg: string, size: number, otherArg: string, otherSize: number) =>
    new ProdError(
      "invalid",
      `${arg} has ${cellCount(size)} but ${otherArg} has ${otherSize}: they must be the same size`,
      arg,
    ),

  /** Any other problem with an argument, in the caller's words (`detail` completes "<arg> ..."). */
  invalid: (arg: string, detail: string) => new ProdError("invalid", `${arg} ${detail}`, arg),

  /** A name that is not in a list of known names (#N/A), with the closest ones. */
  unknownName: (what: string, name: string, known: readonly string[]) => {
    const close = closeNames(name, known);
    const hint = close.length > 0 ? ` Did you mean ${close.join(", ")}?` : "";
    return new ProdError("notFound", `Unknown ${what} "${name}".${hint} Known: ${known.join(", ")}`);
  },

  /** A dated name no entry covers (#N/A), with the entries held and their dates. */
  noneInForce: (asked: string, known: readonly string[]) =>
    new ProdError("notFound", `PROD has no rate for ${asked}. Known: ${known.join(", ")}`),

  /** A division by zero, saying which argument was zero. */
  divideByZero: (arg: string, detail = "is 0") =>
    new ProdError("divZero", `${arg} ${detail}: cannot divide by zero`, arg),
} as const;
