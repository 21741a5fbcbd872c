/**
 * The one place where engine errors become Excel errors, and the shape helpers every PROD
 * function shares. Functions parse and format; the engine decides.
 */
import { errors, ProdError } from "../engine/errors";
import { isBlank } from "../engine/money";
import { cells, isRange } from "../engine/ranges";

/** Excel truncates long custom error messages; keep ours whole by cutting them ourselves. */
const MAX_MESSAGE = 255;

function clip(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 3)}...`;
}

/**
 * An Excel error made without a stack trace, as ProdError is: a column of 10,000 bad rows makes
 * 10,000 of them, and a stack taken inside this mapper says nothing (the error it maps keeps its
 * own). The engine's limit is set back at once.
 */
function excelError(code: CustomFunctions.ErrorCode, message?: string): CustomFunctions.Error {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new CustomFunctions.Error(code, message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Maps anything thrown while computing a PROD function to the error Excel shows; with `row`, the
 * message says which row of its argument it is about ({@link ProdError.messageInRow}).
 * - invalid input -> #VALUE! with the engine's message (it names the argument);
 * - an unknown name -> #N/A with the known names;
 * - a division by zero -> #DIV/0! (Excel shows no message for it);
 * - anything else is a bug in PROD, reported as such, never as the user's mistake.
 */
export function toCustomFunctionError(error: unknown, row?: number): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof ProdError) {
    const message = () => clip(row === undefined ? error.message : error.messageInRow(row));
    switch (error.kind) {
      case "invalid":
        return excelError(CustomFunctions.ErrorCode.invalidValue, message());
      case "notFound":
        return excelError(CustomFunctions.ErrorCode.notAvailable, message());
      case "divZero":
        return excelError(CustomFunctions.ErrorCode.divisionByZero);
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return excelError(
    CustomFunctions.ErrorCode.invalidValue,
    clip(`PROD internal error, please report it: ${detail}`),
  );
}

/**
 * The error for a result too large for a cell (spec/functions.md: #NUM!, never Infinity or NaN).
 * The engine's decimals have no such limit; a double does, past about 1.8E+308.
 */
function tooLarge(): CustomFunctions.Error {
  return excelError(
    CustomFunctions.ErrorCode.invalidNumber,
    "The result is too large for a cell (beyond about 1E+308)",
  );
}

/**
 * The one result check of every PROD function: a number that is not finite becomes #NUM!. A
 * single result fails the call; in a spill only that cell holds the error, the others keep their
 * answers. Spills are the function's own fresh arrays, so their cells are replaced in place.
 */
function checkResult<R>(result: R): R {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw tooLarge();
    return result;
  }
  if (!Array.isArray(result)) return result;
  for (const row of result as unknown[]) {
    if (!Array.isArray(row)) continue;
    for (let i = 0; i < row.length; i++) {
      const cell: unknown = row[i];
      if (typeof cell === "number" && !Number.isFinite(cell)) row[i] = tooLarge();
    }
  }
  return result;
}

/**
 * Runs a function body, checks its result ({@link checkResult}) and turns whatever it throws into
 * the Excel error for it.
 */
export function guard<R>(compute: () => R): R {
  let result: R;
  try {
    result = compute();
  } catch (error) {
    throw toCustomFunctionError(error);
  }
  return checkResult(result);
}

/**
 * True when an optional argument was left out (Excel passes null) or every cell it points at is
 * empty. `empty` says what an empty cell is for this argument: {@link isBlank} where 0 is a real
 * value (hours, wages), `isOmitted` where 0 means nothing (accounts, filters), since desktop
 * Excel passes an empty cell as 0.
 */
export function omitted(value: unknown, empty: (cell: unknown) => boolean = isBlank): boolean {
  return cells(value).every(empty);
}

/** One named argument of an element-wise function: a single cell or a row/column of cells. */
export interface ElementwiseArg {
  /** The argument's name as the function's help shows it. */
  name: string;
  /** The value as Excel passed it. */
  value: unknown;
}

/**
 * One cell of a spill: a result, or the error of that row alone. A PROD function that spills
 * through {@link elementwise} declares its result as `Array<Array<number | CustomFunctions.Error>>`,
 * spelled out: custom-functions-metadata reads neither an alias nor `(A | B)[][]`.
 */
export type SpillCell<R> = R | CustomFunctions.Error;

/**
 * Applies `compute` cell by cell over arguments that are single cells or ranges of one size:
 * a single cell is used for every row (Excel's broadcasting), ranges must match in size. The
 * result is a one-column spill, one row per cell (a single row when every argument is a cell).
 *
 * A row that cannot be computed holds its own error and the other rows keep their results, as
 * a column of Excel formulas would (CustomFunctionsRuntime 1.2 lets a spill hold errors): one
 * blank hours cell must not blank out a crew's column. The message says which row ("hours
 * (row 2) is required") when the error is about a range argument. One result (every argument a
 * single cell) and ranges of different sizes still fail the call: that error is the answer.
 */
export function elementwise<R>(
  args: readonly ElementwiseArg[],
  compute: (values: unknown[]) => R,
): SpillCell<R>[][] {
  let size = 1;
  let sizedBy: ElementwiseArg | undefined;
  const byRow = new Set<string>();
  const lists = args.map((arg) => {
    const list = cells(arg.value);
    if (list.length === 0) throw errors.emptyRange(arg.name);
    if (isRange(arg.value) && list.length !== 1) {
      if (sizedBy && list.length !== size)
        throw errors.sizeMismatch(arg.name, list.length, sizedBy.name, size);
      size = list.length;
      sizedBy = arg;
      byRow.add(arg.name);
    }
    return list;
  });
  const valuesAt = (i: number) => lists.map((list) => (list.length === 1 ? list[0] : list[i]));
  if (size === 1) return [[compute(valuesAt(0))]];
  const out: SpillCell<R>[][] = [];
  for (let i = 0; i < size; i++) {
    try {
      out.push([compute(valuesAt(i))]);
    } catch (error) {
      const about = error instanceof ProdError && error.arg !== undefined && byRow.has(error.arg);
      out.push([toCustomFunctionError(error, about ? i + 1 : undefined)]);
    }
  }
  return out;
}
