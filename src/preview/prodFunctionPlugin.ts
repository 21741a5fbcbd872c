/*
 * The PROD custom functions inside HyperFormula, so the preview's in-memory workbook computes
 * `=PROD.EFC(...)` with the very functions Excel calls (src/functions), not a copy of them.
 *
 * What Excel does around a custom function, done here the same way:
 * - arguments: a parameter typed `any[][]` (metadata dimensionality "matrix") gets a 2-D array
 *   even for one cell; a scalar parameter gets one value, and a range given to it calls the
 *   function once per cell and spills the answers (Excel's "lifting"). Empty cells and omitted
 *   arguments arrive as null. An error value in an argument is the answer, without a call.
 * - results: a 2-D array spills; a thrown `CustomFunctions.Error` becomes that error, message kept,
 *   and so does one returned inside a spill (the error of that cell alone, CustomFunctionsRuntime 1.2).
 *
 * HyperFormula fixes the size of a spill when the formula is entered, from the formula alone,
 * while Excel sizes it from the answer. So the size is taken from the answer when the arguments'
 * values are known, and `respill` re-enters any PROD formula whose answer changed size since.
 *
 * HyperFormula is GPL-3.0: this file is for the dev-only preview and tests, never the add-in bundle.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ImplementedFunctions, RawCellContent, SimpleCellAddress } from "hyperformula";
import type { CustomFunctionImplementation } from "./customFunctionsGlobal";

/** Excel's namespace for PROD's functions (manifest.xml `Functions.Namespace`). */
export const NAMESPACE = "PROD";

/** One parameter as functions.json (custom-functions-metadata) describes it. */
export interface ParameterMetadata {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

/** One function as functions.json describes it. */
export interface FunctionMetadata {
  id: string;
  name: string;
  parameters: ParameterMetadata[];
  result?: { dimensionality?: "scalar" | "matrix" };
}

/** A PROD function: its generated metadata and the function Excel would call. */
export interface ProdFunction {
  metadata: FunctionMetadata;
  implementation: CustomFunctionImplementation;
}

/** The name a person types in a formula: `PROD.EFC`. */
export function excelName(metadata: FunctionMetadata): string {
  return `${NAMESPACE}.${metadata.name.toUpperCase()}`;
}

/**
 * Pairs each function in functions.json with its implementation (as `CustomFunctions.associate`
 * registered it). A function without one is a build fault, so it is reported, not skipped.
 */
export function prodFunctions(
  metadata: { functions: FunctionMetadata[] },
  implementationOf: (id: string) => CustomFunctionImplementation | undefined,
): ProdFunction[] {
  return metadata.functions.map((entry) => {
    const implementation = implementationOf(entry.id.toUpperCase());
    if (!implementation)
      throw new Error(`No implementation was associated with the PROD function ${entry.id}.`);
    return { metadata: entry, implementation };
  });
}

/** Excel's error codes as HyperFormula's error types. */
const ERROR_TYPES: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#NAME?": ErrorType.NAME,
  "#REF!": ErrorType.REF,
  "#NULL!": ErrorType.ERROR,
};

/** A scalar as HyperFormula holds it inside a calculation. */
type HfScalar = number | string | boolean | CellError | typeof EmptyValue;

/** Turns whatever a PROD function threw into the error its cell shows. */
export function toCellError(thrown: unknown): CellError {
  if (thrown instanceof CustomFunctions.Error) {
    return new CellError(ERROR_TYPES[thrown.code] ?? ErrorType.VALUE, thrown.message || undefined);
  }
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return new CellError(ErrorType.VALUE, `PROD preview internal error, please report it: ${detail}`);
}

/** HyperFormula keeps dates, percents and currency as numbers with a format; Excel passes the number. */
function toExcelScalar(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: unknown }).val;
  return value;
}

function fromExcelScalar(value: unknown): HfScalar {
  if (value === null || value === undefined) return EmptyValue;
  if (value instanceof CustomFunctions.Error) return toCellError(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : new CellError(ErrorType.NUM);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof CellError) return value;
  return new CellError(
    ErrorType.VALUE,
    `A PROD function answered with a ${typeof value}, which a cell cannot hold.`,
  );
}

/** The first error among a range's cells: Excel answers it without calling the function. */
function firstError(rows: readonly (readonly unknown[])[]): CellError | undefined {
  for (const row of rows) for (const cell of row) if (cell instanceof CellError) return cell;
  return undefined;
}

/**
 * An argument after evaluation: one value, a block of cells, or left empty (`=F(a,,c)`), which
 * Excel passes as null ("when no value is specified for an optional parameter, Excel assigns it
 * the value null", Microsoft's custom functions parameter options), even to a range parameter.
 */
type ArgValue =
  { kind: "scalar"; value: unknown } | { kind: "range"; rows: unknown[][] } | { kind: "omitted" };

/** Calls the function with Excel-shaped arguments and turns the answer into HyperFormula's. */
function invoke(fn: ProdFunction, args: unknown[]): HfScalar | SimpleRangeValue {
  let answer: unknown;
  try {
    answer = fn.implementation(...args);
  } catch (thrown) {
    return toCellError(thrown);
  }
  if (answer instanceof Promise) {
    return new CellError(
      ErrorType.VALUE,
      `${excelName(fn.metadata)} is asynchronous, which the preview does not run.`,
    );
  }
  if (!Array.isArray(answer)) return fromExcelScalar(answer);
  const rows = answer as unknown[][];
  if (
    rows.length === 0 ||
    !rows.every((row) => Array.isArray(row) && row.length === rows[0].length && row.length > 0)
  ) {
    return new CellError(
      ErrorType.VALUE,
      `${excelName(fn.metadata)} answered with rows of different lengths.`,
    );
  }
  if (rows.length === 1 && rows[0].length === 1) return fromExcelScalar(rows[0][0]);
  return SimpleRangeValue.onlyValues(rows.map((row) => row.map(fromExcelScalar)));
}

/**
 * Runs one call the way Excel would: matrix parameters get 2-D arrays, scalar parameters one
 * value each, and ranges given to scalar parameters lift the call over their cells.
 */
function evaluateCall(fn: ProdFunction, values: ArgValue[]): HfScalar | SimpleRangeValue {
  const params = fn.metadata.parameters;
  const repeating = params.length > 0 && params[params.length - 1].repeating === true;
  const required = params.filter((p) => !p.optional && !p.repeating).length;
  if (values.length < required || (!repeating && values.length > params.length)) {
    return new CellError(
      ErrorType.NA,
      `${excelName(fn.metadata)} takes ${required === params.length ? params.length : `${required} to ${params.length}`} arguments, got ${values.length}.`,
    );
  }
  const paramOf = (i: number) => params[Math.min(i, params.length - 1)];
  for (const value of values) {
    const error =
      value.kind === "range"
        ? firstError(value.rows)
        : value.kind === "scalar" && value.value instanceof CellError
          ? value.value
          : undefined;
    if (error) return error;
  }
  // Lifting: a scalar parameter given more than one cell.
  let height = 1;
  let width = 1;
  values.forEach((value, i) => {
    if (value.kind === "range" && paramOf(i).dimensionality !== "matrix") {
      height = Math.max(height, value.rows.length);
      width = Math.max(width, value.rows[0]?.length ?? 1);
    }
  });
  const argsAt = (r: number, c: number): unknown[] => {
    const args = values.map((value, i) => {
      if (value.kind === "omitted") return null;
      if (paramOf(i).dimensionality === "matrix") {
        return value.kind === "range"
          ? value.rows.map((row) => row.map(toExcelScalar))
          : [[toExcelScalar(value.value)]];
      }
      if (value.kind === "scalar") return toExcelScalar(value.value);
      // Excel broadcasts a single row or column across the other dimension; beyond a range's edge is #N/A.
      const row = value.rows.length === 1 ? value.rows[0] : value.rows[r];
      const cell = row === undefined ? undefined : row.length === 1 ? row[0] : row[c];
      return cell === undefined ? new CellError(ErrorType.NA) : toExcelScalar(cell);
    });
    // Excel passes every declared parameter: an omitted optional one as null.
    const fixed = repeating ? params.length - 1 : params.length;
    while (args.length < fixed) args.push(null);
    if (!repeating) return args;
    return [...args.slice(0, fixed), args.slice(fixed)];
  };
  if (height === 1 && width === 1) return invoke(fn, argsAt(0, 0));
  const out: HfScalar[][] = [];
  for (let r = 0; r < height; r++) {
    const row: HfScalar[] = [];
    for (let c = 0; c < width; c++) {
      const args = argsAt(r, c);
      const missing = args.find((arg) => arg instanceof CellError) as CellError | undefined;
      const answer = missing ?? invoke(fn, args);
      row.push(answer instanceof SimpleRangeValue ? (answer.data[0][0] as HfScalar) : answer);
    }
    out.push(row);
  }
  return SimpleRangeValue.onlyValues(out);
}

/**
 * The PROD formulas (by engine and cell) whose latest answer differs in size from the spill it
 * was given, with both sizes: `respill` re-enters them.
 */
interface SpillRecord {
  placed: string;
  answered: string;
}
const spillBooks = new WeakMap<object, Map<string, SpillRecord>>();

function bookOf(graph: object): Map<string, SpillRecord> {
  let book = spillBooks.get(graph);
  if (!book) {
    book = new Map();
    spillBooks.set(graph, book);
  }
  return book;
}

const addressKey = (address: SimpleCellAddress) => `${address.sheet}:${address.col}:${address.row}`;
const sizeKey = (width: number, height: number) => `${width}x${height}`;

/** A call as HyperFormula's parser gives it: the arguments' syntax trees. */
interface CallAst {
  args: unknown[];
}
/** Where a formula is being computed: its cell and, when computing a cell, the cell's formula. */
interface CallState {
  formulaAddress: SimpleCellAddress;
  formulaVertex?: { formula?: unknown; width?: number; height?: number };
}

/** The first `height` rows and `width` columns of an answer. */
function clipped(answer: SimpleRangeValue, width: number, height: number): HfScalar | SimpleRangeValue {
  const rows = (answer.data as HfScalar[][]).slice(0, height).map((row) => row.slice(0, width));
  return width === 1 && height === 1 ? rows[0][0] : SimpleRangeValue.onlyValues(rows);
}

/** The plugin class registered with HyperFormula; one method per PROD function is added to it. */
function pluginFor(functions: readonly ProdFunction[]) {
  class ProdFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions: ImplementedFunctions = {};

    /** Evaluates the arguments in the formula's cell. */
    argValues(ast: CallAst, state: CallState): ArgValue[] {
      return ast.args.map((arg) => {
        // HyperFormula's AstNodeType.EMPTY (the enum is not exported).
        if ((arg as { type?: unknown }).type === "EMPTY") return { kind: "omitted" };
        const value: unknown = this.evaluateAst(arg as never, state as never);
        return value instanceof SimpleRangeValue
          ? { kind: "range", rows: value.data as unknown[][] }
          : { kind: "scalar", value };
      });
    }

    /**
     * Computes a PROD call. When the call is a cell's whole formula, the answer is fitted to
     * the spill the cell was given (HyperFormula cannot grow it while computing) and both
     * sizes are noted for `respill`.
     */
    compute(fn: ProdFunction, ast: CallAst, state: CallState): HfScalar | SimpleRangeValue {
      const answer = evaluateCall(fn, this.argValues(ast, state));
      const vertex = state.formulaVertex;
      if (!vertex || vertex.formula !== ast) return answer;
      const width = vertex.width ?? 1;
      const height = vertex.height ?? 1;
      const answeredWidth = answer instanceof SimpleRangeValue ? answer.width() : 1;
      const answeredHeight = answer instanceof SimpleRangeValue ? answer.height() : 1;
      const book = bookOf(this.dependencyGraph);
      // Only answers that no longer fit their spill are noted (respill passes over the others):
      // in a recalculation of thousands of PROD cells, nearly all fit.
      if (answeredWidth !== width || answeredHeight !== height) {
        book.set(addressKey(state.formulaAddress), {
          placed: sizeKey(width, height),
          answered: sizeKey(answeredWidth, answeredHeight),
        });
      } else if (book.size > 0) {
        book.delete(addressKey(state.formulaAddress));
      }
      if (answer instanceof SimpleRangeValue && (answer.width() > width || answer.height() > height)) {
        return clipped(answer, width, height);
      }
      return answer;
    }

    /**
     * The spill size, asked when the formula is entered: the answer's own size when the
     * arguments can be computed now; otherwise (arguments that are formulas not computed yet, as
     * in a workbook loaded whole) a single cell, which `respill` grows once values are known. A
     * guess from the arguments' heights is unsafe: the height of a fringe table is not the
     * height of FRINGE's answer, and a spill guessed too tall blocks the cells below it, which
     * HyperFormula then never computes, so `respill` could not correct it.
     */
    size(fn: ProdFunction, ast: CallAst, state: CallState): ArraySize {
      try {
        const answer = evaluateCall(fn, this.argValues(ast, state));
        return answer instanceof SimpleRangeValue
          ? new ArraySize(answer.width(), answer.height())
          : ArraySize.scalar();
      } catch {
        return ArraySize.scalar();
      }
    }
  }

  const prototype = ProdFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  const translations: Record<string, string> = {};
  for (const fn of functions) {
    const name = excelName(fn.metadata);
    const method = `prod_${fn.metadata.id}`;
    prototype[method] = function (this: ProdFunctionsPlugin, ast: CallAst, state: CallState) {
      return this.compute(fn, ast, state);
    };
    prototype[`${method}_size`] = function (this: ProdFunctionsPlugin, ast: CallAst, state: CallState) {
      return this.size(fn, ast, state);
    };
    ProdFunctionsPlugin.implementedFunctions[name] = {
      method,
      sizeOfResultArrayMethod: `${method}_size`,
      // Arguments are taken as they are (ranges whole) and shaped above, as Excel shapes them.
      parameters: fn.metadata.parameters.map(() => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
      repeatLastArgs: fn.metadata.parameters.at(-1)?.repeating ? 1 : undefined,
      vectorizationForbidden: true,
    };
    translations[name] = name;
  }
  return { plugin: ProdFunctionsPlugin, translations };
}

let registered: ReturnType<typeof pluginFor>["plugin"] | undefined;

/**
 * Registers the PROD functions with HyperFormula (for engines built from now on), replacing any
 * earlier registration.
 */
export function registerProdFunctions(functions: readonly ProdFunction[]): void {
  if (registered) HyperFormula.unregisterFunctionPlugin(registered);
  const { plugin, translations } = pluginFor(functions);
  HyperFormula.registerFunctionPlugin(plugin, { enGB: translations });
  registered = plugin;
}

/**
 * Re-enters every PROD formula whose answer no longer has the size its spill was given, so that
 * spills grow and shrink with their answers as in Excel. Call after each change to the workbook.
 * @returns how many formulas were re-entered.
 */
export function respill(hf: HyperFormula): number {
  const book = bookOf(hf.dependencyGraph);
  let reentered = 0;
  // A re-entered formula is sized from its answer, so one pass settles it; a few passes settle
  // spills that feed other spills.
  for (let pass = 0; pass < 4; pass++) {
    const stale: { address: SimpleCellAddress; formula: RawCellContent }[] = [];
    for (const [key, record] of book) {
      if (record.answered === record.placed) continue;
      const [sheet, col, row] = key.split(":").map(Number);
      const address = { sheet, col, row };
      const formula = hf.doesSheetExist(hf.getSheetName(sheet) ?? "")
        ? hf.getCellFormula(address)
        : undefined;
      if (formula === undefined) book.delete(key);
      else stale.push({ address, formula });
    }
    if (stale.length === 0) break;
    hf.batch(() => {
      for (const { address, formula } of stale) hf.setCellContents(address, [[formula]]);
    });
    reentered += stale.length;
  }
  return reentered;
}
