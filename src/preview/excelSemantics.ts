/*
 * Where HyperFormula reads or computes differently from Excel (en-US), made to agree with Excel,
 * because the preview is where budgets are tested end to end and a difference hides defects:
 * - the constants TRUE and FALSE (`VLOOKUP(..., FALSE)`): HyperFormula knows only the functions
 *   TRUE() and FALSE() and answers #NAME? for the constants;
 * - ROUND: Excel rounds the number as it shows it (15 significant digits), half away from zero,
 *   so ROUND(1.005, 2) is 1.01 and ROUND(0.285, 2) is 0.29; HyperFormula rounds the binary double
 *   (1.00499999... -> 1.00), a cent off on insurance and bond lines;
 * - IF with a single condition: Excel answers the chosen argument as it is, a range included
 *   (`IF(A1="Fringes", Fringes[#All], A1)` hands PROD.FRINGE the table), while HyperFormula's
 *   array arithmetic broadcasts every argument to the size of the largest;
 * - a condition that is text (IF, NOT): Excel reads only "TRUE" and "FALSE" and answers #VALUE!
 *   for any other text, "" included; HyperFormula reads "" as FALSE;
 * - approximate VLOOKUP, HLOOKUP and MATCH on text: HyperFormula compares the cells' text by case
 *   ("a" came after "Banana") and found a row for a key before the first; Excel compares text
 *   without regard to case and answers #N/A there; a one-cell table was #VALUE!;
 * - CONCAT and LOOKUP, which HyperFormula does not have (#NAME?);
 * - AND and OR over text: Excel answers #VALUE! for text typed as an argument that is not TRUE or
 *   FALSE (AND("x")) and ignores text and blanks in a referenced range; HyperFormula did neither;
 * - TEXT, whose format codes HyperFormula mostly does not know ("#,##0.00" came out as
 *   "1235,##0.00"): the preview's own number formats, the ones the grid shows, are used;
 * - VALUE, which reads text as a typed entry is read ("$1,000" is 1000 in Excel);
 * - FILTER(array, include, [if_empty]): HyperFormula read the third argument as one more
 *   condition and filtered one row or column only; Excel's answers if_empty when nothing is kept
 *   (#CALC! without it) and keeps the rows of a table by a column of conditions (or its columns
 *   by a row);
 * - what a person types into a cell: "7,000", "$7,000", "(7,000)" are numbers in Excel, "1/2"
 *   and "Jan 2" are dates of the current year, "9:30" and "9:30 PM" are times, and Excel gives
 *   the cell the number format the typing implies (7%, $7,000, 2-Jan, 9:30 PM);
 * - YEAR, MONTH and DAY on Excel's calendar (serial 0 is 1/0/1900, 60 is 2/29/1900);
 * - criteria, a formula's "", comparisons of text with numbers and `&` ({@link actLikeExcel}).
 *
 * HyperFormula is GPL-3.0: this file is for the dev-only preview and tests, never the add-in bundle.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionMetadata,
  type ImplementedFunctions,
} from "hyperformula";
import { dateSerial } from "../engine/import/dates";
import { Decimal, fromNumber, parseNumericText } from "../engine/money";
import { excelUpper } from "../engine/people";
import { MONTHS, formatValue, serialDate, type SerialDate } from "./numberFormat";

/** Excel's TRUE and FALSE as names the engine resolves (Excel forbids them as defined names). */
function addBooleanConstants(engine: HyperFormula): void {
  engine.addNamedExpression("TRUE", "=TRUE()");
  engine.addNamedExpression("FALSE", "=FALSE()");
}

/** A call as HyperFormula's parser gives it, and where it is computed. */
type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type State = Parameters<FunctionPlugin["evaluateAst"]>[1];
type Value = ReturnType<FunctionPlugin["evaluateAst"]>;
/** A value coerceToType takes: a blank (EmptyValue) is handled before. */
type Coercible = Parameters<FunctionPlugin["coerceToType"]>[0];
interface CallAst {
  args: Ast[];
}

/** HyperFormula's own IF: used when the condition is an array, where Excel broadcasts too. */
const BROADCAST_IF: FunctionMetadata = {
  method: "excelIf",
  parameters: [
    { argumentType: FunctionArgumentType.SCALAR },
    { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
    { argumentType: FunctionArgumentType.SCALAR, defaultValue: false, passSubtype: true },
  ],
};

/** VLOOKUP and HLOOKUP: lookup_value, table_array, index, range_lookup (TRUE when left out). */
const TABLE_LOOKUP: FunctionMetadata["parameters"] = [
  { argumentType: FunctionArgumentType.NOERROR },
  { argumentType: FunctionArgumentType.RANGE },
  { argumentType: FunctionArgumentType.NUMBER },
  { argumentType: FunctionArgumentType.BOOLEAN, defaultValue: true },
];

/** A value as lookups compare it: a number, text, TRUE/FALSE, or null for a blank or an error. */
type Plain = number | string | boolean | null;

/** Excel's order for a sorted lookup column: numbers, then text (any case), then FALSE, TRUE. */
function rank(value: Exclude<Plain, null>): number {
  return typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;
}

/** -1, 0, 1 as `a` sorts before, with or after `b`; null when they are of different kinds. */
function lookupOrder(a: Exclude<Plain, null>, b: Exclude<Plain, null>): number | null {
  if (rank(a) !== rank(b)) return null;
  const [x, y] = typeof a === "string" ? [a.toLowerCase(), String(b).toLowerCase()] : [Number(a), Number(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Excel's wildcards in text it matches (an exact lookup, a criterion, SEARCH): ? one character,
 * * any run, ~ before either (or before ~) the character itself; every other character is
 * itself, in any case. `whole`: the pattern must match the whole text, else any part of it.
 */
function wildcardPattern(key: string, whole = true): RegExp {
  const body = key.replace(
    /~([*?~])|([*?])|([.+^${}()|[\]\\])/g,
    (_m, escaped: string, wild: string, special: string) =>
      escaped ? `\\${escaped}` : wild ? (wild === "*" ? "[\\s\\S]*" : "[\\s\\S]") : `\\${special}`,
  );
  return new RegExp(whole ? `^${body}$` : body, "i");
}

/**
 * Where `key` is in `values` (0-based), or -1, as Excel's lookups search:
 * - mode 0: the first equal value (text without regard to case, with wildcards);
 * - mode 1: in a column sorted ascending, the last value not greater than the key;
 * - mode -1: in a column sorted descending, the last value not less than the key.
 * The sorted searches compare only values of the key's kind and skip blanks, so a key before the
 * first value is not found (#N/A), as Microsoft documents for VLOOKUP and MATCH.
 */
export function lookupIndex(key: Exclude<Plain, null>, values: readonly Plain[], mode: 0 | 1 | -1): number {
  if (mode === 0) {
    const pattern = typeof key === "string" && /[*?~]/.test(key) ? wildcardPattern(key) : undefined;
    return values.findIndex((value) =>
      value === null
        ? false
        : pattern
          ? typeof value === "string" && pattern.test(value)
          : lookupOrder(value, key) === 0,
    );
  }
  let found = -1;
  for (const [i, value] of values.entries()) {
    if (value === null) continue;
    const order = lookupOrder(value, key);
    if (order === null) continue;
    if (order * mode > 0) break;
    found = i;
  }
  return found;
}

/** A number as Excel holds it for comparing and writing as text: its 15 significant digits. */
const asShown = (n: number) => Number(n.toPrecision(15));

/** A criterion's operators, longest first (a criterion "<=5" is "<=" then 5, not "<" then "=5"). */
const OPERATORS = ["<=", ">=", "<>", "<", ">", "="] as const;
type Operator = (typeof OPERATORS)[number];

/** Whether `order` (-1, 0, 1: the cell before, equal to, after the operand) passes `op`. */
function inOrder(op: Exclude<Operator, "=" | "<>">, order: number): boolean {
  return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
}

/**
 * Excel's criterion (COUNTIF, COUNTIFS, SUMIF, SUMIFS, AVERAGEIF) as a test of one cell's value,
 * from Microsoft's COUNTIF and COUNTIFS pages and COUNTBLANK's "cells with formulas that return
 * "" (empty text) are also counted":
 * - an operator (=, <>, <, <=, >, >=) may start the criterion; none means equal;
 * - nothing after it: "" selects blank cells and a formula's "", "=" only blank cells, "<>" every
 *   cell that holds something (a formula's "" included);
 * - a number after it (read as typed: "1,000", "$5", "10%", "1/2/2026"): equal selects numbers
 *   and text that reads as that number ("100" typed as text), an order compares numbers only;
 * - TRUE or FALSE: that logical value;
 * - other text: equal matches text with wildcards (? one character, * any run, ~ escapes), any
 *   case but accents kept; an order compares text, any case, and never selects numbers;
 * - "<>" selects every cell equal does not, blanks and errors included;
 * - a criterion that is an empty cell is 0 ("the COUNTIFS function treats the empty cell as a 0
 *   value").
 * Numbers are compared at the 15 significant digits Excel keeps.
 */
export function criterionTest(
  criterion: number | string | boolean | typeof EmptyValue,
): (cell: unknown) => boolean {
  if (criterion === EmptyValue) return criterionTest(0);
  if (typeof criterion === "number") return criterionTest(String(asShown(criterion)));
  if (typeof criterion === "boolean") return (cell) => cell === criterion;
  const op = OPERATORS.find((o) => criterion.startsWith(o));
  const operand = op === undefined ? criterion : criterion.slice(op.length);
  if (operand === "") {
    if (op === undefined) return (cell) => cell === EmptyValue || cell === "";
    if (op === "=") return (cell) => cell === EmptyValue;
    if (op === "<>") return (cell) => cell !== EmptyValue;
    return () => false;
  }
  const ordering = op === undefined || op === "=" || op === "<>" ? undefined : op;
  const typed = readTypedEntry(operand).value;
  let equal: (cell: unknown) => boolean;
  if (typeof typed === "number") {
    const number = asShown(typed);
    if (ordering)
      return (cell) => typeof cell === "number" && inOrder(ordering, Math.sign(asShown(cell) - number));
    equal = (cell) => {
      if (typeof cell === "number") return asShown(cell) === number;
      if (typeof cell !== "string" || !/\d/.test(cell)) return false;
      const read = readTypedEntry(cell).value;
      return typeof read === "number" && asShown(read) === number;
    };
  } else if (/^(true|false)$/i.test(operand)) {
    if (ordering) return () => false;
    const logical = operand.toLowerCase() === "true";
    equal = (cell) => cell === logical;
  } else {
    if (ordering)
      return (cell) => typeof cell === "string" && inOrder(ordering, lookupOrder(cell, operand) ?? 0);
    const pattern = wildcardPattern(operand);
    equal = (cell) => typeof cell === "string" && pattern.test(cell);
  }
  return op === "<>" ? (cell) => !equal(cell) : equal;
}

/** A date, time, percent or amount as its number (HyperFormula keeps those in `val`); else the value. */
const rawOf = (value: unknown): unknown =>
  typeof value === "object" && value !== null && "val" in value ? (value as { val: unknown }).val : value;

/** A number written into text as Excel writes it (`&`, CONCAT): its 15 significant digits. */
const numberText = (n: number) => String(asShown(n));

/** Where HyperFormula's interpreter matches criteria and computes operators (its internals). */
interface Interpreter {
  concatOp(left: unknown, right: unknown): unknown;
  criterionBuilder: {
    fromCellValue(raw: unknown): { raw: unknown; lambda: (cell: unknown) => boolean } | undefined;
  };
  arithmeticHelper: {
    buildRegex(pattern: string, matchWholeCell?: boolean): RegExp;
    compare(left: unknown, right: unknown): number;
    stringCmp(left: string, right: string): number;
    coerceNonDateScalarToMaybeNumber(arg: unknown): unknown;
  };
}

/**
 * The engine's interpreter, reached through its (internal) evaluator: if a later HyperFormula
 * moves what {@link actLikeExcel} replaces, this throws, and the preview's parity tests say so.
 */
function interpreterOf(engine: HyperFormula): Interpreter {
  const internal = engine as unknown as { evaluator?: { interpreter?: Partial<Interpreter> } };
  const interpreter = internal.evaluator?.interpreter;
  const helper = interpreter?.arithmeticHelper;
  const methods = [
    interpreter?.concatOp,
    interpreter?.criterionBuilder?.fromCellValue,
    helper?.buildRegex,
    helper?.compare,
    helper?.stringCmp,
    helper?.coerceNonDateScalarToMaybeNumber,
  ];
  if (methods.some((method) => typeof method !== "function"))
    throw new Error("HyperFormula's interpreter has changed: the preview cannot compute as Excel does.");
  return interpreter as Interpreter;
}

/** Values of different kinds in Excel's order: numbers, then text, then TRUE and FALSE. */
const kindRank = (value: unknown) => (typeof value === "string" ? 1 : typeof value === "boolean" ? 2 : 0);

/**
 * Makes a new engine compute as Excel does where HyperFormula's own rules differ:
 * - the constants TRUE and FALSE ({@link addBooleanConstants});
 * - criteria ({@link criterionTest}) and the wildcards of SEARCH and HyperFormula's own lookups
 *   ({@link wildcardPattern}): its criteria matched a formula's "" only with "<>", answered
 *   #VALUE! for a criterion that is an empty cell or text after < or >, read "|" in a criterion
 *   as "or" and "?" as "zero or one character";
 * - a formula's "" is text, not 0: arithmetic on it is #VALUE! ("How to correct a #VALUE!
 *   error", Microsoft), where HyperFormula read it as 0;
 * - comparing text with a number never reads the text as a number or a date ("1/2/2026" =
 *   DATE(2026,1,2) is FALSE): values of different kinds compare by kind, numbers before text
 *   before TRUE and FALSE;
 * - `&` writes a number to 15 significant digits, as CONCAT does (0.1+0.2 is "0.3").
 */
export function actLikeExcel(engine: HyperFormula): void {
  addBooleanConstants(engine);
  const interpreter = interpreterOf(engine);
  const helper = interpreter.arithmeticHelper;
  helper.buildRegex = (pattern, matchWholeCell = true) => wildcardPattern(pattern, matchWholeCell);
  interpreter.criterionBuilder.fromCellValue = (raw) => {
    // An error criterion is answered before (NOERROR).
    const value = rawOf(raw);
    if (
      value !== EmptyValue &&
      typeof value !== "number" &&
      typeof value !== "string" &&
      typeof value !== "boolean"
    )
      return undefined;
    // `raw` keys HyperFormula's cache of criteria results: a blank criterion is the criterion 0.
    return { raw: value === EmptyValue ? 0 : value, lambda: criterionTest(value) };
  };
  const toNumber = helper.coerceNonDateScalarToMaybeNumber.bind(helper);
  helper.coerceNonDateScalarToMaybeNumber = (arg) => (arg === "" ? undefined : toNumber(arg));
  const compare = helper.compare.bind(helper);
  helper.compare = (left, right) => {
    if (typeof left !== "string" && typeof right !== "string") return compare(left, right);
    // A blank cell compared with text is "" (Excel: a blank equals "").
    const [a, b] = [left === EmptyValue ? "" : left, right === EmptyValue ? "" : right];
    if (typeof a === "string" && typeof b === "string") return helper.stringCmp(a, b);
    return Math.sign(kindRank(a) - kindRank(b));
  };
  const text = (value: unknown): unknown => {
    if (value instanceof CellError || typeof value === "string") return value;
    if (value === EmptyValue) return "";
    if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
    return numberText(Number(rawOf(value)));
  };
  interpreter.concatOp = (left, right) => {
    const [a, b] = [text(left), text(right)];
    if (a instanceof CellError) return a;
    if (b instanceof CellError) return b;
    return String(a) + String(b);
  };
}

/** Excel's last date serial, 12/31/9999 ("Excel specifications and limits"). */
const LAST_SERIAL = 2_958_465;

/** Excel's cell text limit: CONCAT and TEXT answer #VALUE! beyond it. */
const CELL_TEXT_LIMIT = 32_767;

/**
 * The arguments that are references (a cell, a range, a name), by HyperFormula's node types (its
 * AstNodeType, not exported): their text and blanks are ignored.
 */
const REFERENCES: ReadonlySet<string> = new Set([
  "CELL_REFERENCE",
  "CELL_RANGE",
  "COLUMN_RANGE",
  "ROW_RANGE",
  "NAMED_EXPRESSION",
]);

/** AND and OR: any number of logical values, ranges or arrays. */
const LOGICAL: FunctionMetadata = {
  method: "",
  repeatLastArgs: 1,
  parameters: [{ argumentType: FunctionArgumentType.ANY }],
};

/**
 * Excel's #CALC! ("Excel does not currently support empty arrays": a FILTER that keeps nothing and
 * has no if_empty), which HyperFormula has no error type for: an #ERROR! whose message starts so,
 * shown as #CALC! ({@link shownError}).
 */
const CALC = "#CALC!";

/** An error as Excel shows it: #CALC! for the error {@link CALC} marks, else the engine's text. */
export function shownError(error: DetailedCellError): string {
  return error.type === ErrorType.ERROR && error.message.startsWith(CALC) ? CALC : error.value;
}

/** IF, NOT, AND, OR, ROUND, CONCAT, TEXT, VALUE, UPPER, VLOOKUP, HLOOKUP, MATCH, LOOKUP and FILTER as Excel computes them. */
class ExcelFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    AND: { ...LOGICAL, method: "excelAnd" },
    OR: { ...LOGICAL, method: "excelOr" },
    LOOKUP: {
      method: "excelLookup",
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE, optionalArg: true },
      ],
    },
    NOT: {
      method: "excelNot",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }],
    },
    CONCAT: {
      method: "excelConcat",
      repeatLastArgs: 1,
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
    },
    TEXT: {
      method: "excelText",
      parameters: [
        { argumentType: FunctionArgumentType.SCALAR },
        { argumentType: FunctionArgumentType.STRING },
      ],
    },
    VALUE: {
      method: "excelValue",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }],
    },
    UPPER: { method: "excelUpper", parameters: [{ argumentType: FunctionArgumentType.STRING }] },
    VLOOKUP: { method: "excelVlookup", parameters: TABLE_LOOKUP },
    HLOOKUP: { method: "excelHlookup", parameters: TABLE_LOOKUP },
    MATCH: {
      method: "excelMatch",
      parameters: [
        { argumentType: FunctionArgumentType.NOERROR },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER, defaultValue: 1 },
      ],
    },
    IF: {
      method: "excelIf",
      sizeOfResultArrayMethod: "excelIfSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
    FILTER: {
      method: "excelFilter",
      sizeOfResultArrayMethod: "excelFilterSize",
      enableArrayArithmeticForArguments: true,
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
    YEAR: { method: "excelYear", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    MONTH: { method: "excelMonth", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    DAY: { method: "excelDay", parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    ROUND: {
      method: "excelRound",
      parameters: [
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER },
      ],
    },
  };

  excelRound(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("ROUND"), (value: number, places: number) => {
      // Excel truncates the number of digits; a negative one rounds to tens, hundreds...
      const digits = Math.trunc(places);
      const shown = fromNumber(value);
      if (digits >= 0) return shown.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP).toNumber();
      const unit = new Decimal(10).pow(-digits);
      return shown.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit).toNumber();
    });
  }

  excelYear(ast: CallAst, state: State) {
    return this.datePart(ast, state, "YEAR", "year");
  }

  excelMonth(ast: CallAst, state: State) {
    return this.datePart(ast, state, "MONTH", "month");
  }

  excelDay(ast: CallAst, state: State) {
    return this.datePart(ast, state, "DAY", "day");
  }

  /** YEAR, MONTH, DAY: a part of the day Excel shows for a serial (0 is 1/0/1900), #NUM! off its calendar. */
  private datePart(ast: CallAst, state: State, fn: string, part: keyof SerialDate) {
    return this.runFunction(ast.args, state, this.metadata(fn), (serial: number) =>
      serial < 0 || serial >= LAST_SERIAL + 1
        ? new CellError(ErrorType.NUM, `${fn}: ${serial} is not a date Excel knows (1/1/1900 to 12/31/9999).`)
        : serialDate(serial)[part],
    );
  }

  excelIf(ast: CallAst, state: State) {
    if (ast.args.length < 2 || ast.args.length > 3) {
      return new CellError(ErrorType.NA, "IF takes 2 or 3 arguments.");
    }
    const condition = this.evaluateAst(ast.args[0], state);
    if (condition instanceof SimpleRangeValue) {
      return this.runFunction(ast.args, state, BROADCAST_IF, (test: Value, yes: Value, no: Value) => {
        const holds = this.condition(test, state, "IF");
        return typeof holds === "boolean" ? (holds ? yes : no) : holds;
      });
    }
    const holds = this.condition(condition, state, "IF");
    if (typeof holds !== "boolean") return holds;
    // Only the chosen argument is computed, and it is answered as it is (a range stays a range).
    const chosen = ast.args[holds ? 1 : 2];
    return chosen === undefined ? false : this.evaluateAst(chosen, state);
  }

  /**
   * A condition as Excel reads it: a blank is FALSE, a number is TRUE unless 0, and text is
   * TRUE or FALSE only when it says so ("" and any other text are #VALUE!, as in Excel).
   */
  private condition(value: Value, state: State, fn: string): boolean | CellError {
    if (value instanceof CellError) return value;
    if (value === EmptyValue) return false;
    if (typeof value === "string") {
      if (/^true$/i.test(value)) return true;
      if (/^false$/i.test(value)) return false;
      return new CellError(ErrorType.VALUE, `${fn}'s condition is text that is not TRUE or FALSE.`);
    }
    const holds = this.coerceToType(value, { argumentType: FunctionArgumentType.BOOLEAN }, state);
    return typeof holds === "boolean"
      ? holds
      : new CellError(ErrorType.VALUE, `${fn}'s condition is not a value.`);
  }

  excelAnd(ast: CallAst, state: State) {
    const values = this.logicalValues(ast, state, "AND");
    return Array.isArray(values) ? values.every(Boolean) : values;
  }

  excelOr(ast: CallAst, state: State) {
    const values = this.logicalValues(ast, state, "OR");
    return Array.isArray(values) ? values.some(Boolean) : values;
  }

  /**
   * The logical values of AND's and OR's arguments, as Excel reads them (AND function): in a
   * reference or an array, numbers (0 is FALSE) and TRUE/FALSE count and text and blanks are
   * ignored; a value typed as an argument must read as a condition, so text other than "TRUE" or
   * "FALSE" is #VALUE!. No logical value at all is #VALUE!; the first error is answered.
   */
  private logicalValues(ast: CallAst, state: State, fn: string): boolean[] | CellError {
    if (ast.args.length === 0) return new CellError(ErrorType.NA, `${fn} takes at least one argument.`);
    const out: boolean[] = [];
    for (const arg of ast.args) {
      const value = this.evaluateAst(arg, state);
      const inRange = value instanceof SimpleRangeValue;
      const values = inRange ? value.valuesFromTopLeftCorner() : [value];
      for (const v of values) {
        if (v instanceof CellError) return v;
        if ((inRange || REFERENCES.has(arg.type)) && (typeof v === "string" || v === EmptyValue)) continue;
        const holds = this.condition(v as Value, state, fn);
        if (holds instanceof CellError) return holds;
        out.push(holds);
      }
    }
    return out.length > 0
      ? out
      : new CellError(ErrorType.VALUE, `${fn}'s arguments hold no TRUE, FALSE or number.`);
  }

  /**
   * LOOKUP(lookup_value, lookup_vector, [result_vector]) and LOOKUP(lookup_value, array), as
   * Excel's LOOKUP function: the largest value not greater than the key (a sorted search, text
   * without regard to case; a key before the first value is #N/A). The vector form answers from
   * result_vector at the same position; the array form searches the first row of an array wider
   * than tall and answers from its last row, otherwise the first column and the last column.
   */
  excelLookup(ast: CallAst, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("LOOKUP"),
      (key: Value, array: SimpleRangeValue, result?: SimpleRangeValue) => {
        const rows = array.width() > array.height() ? transpose(array.data) : array.data;
        if (result !== undefined && array.width() > 1 && array.height() > 1)
          return new CellError(ErrorType.NA, "LOOKUP's lookup_vector is one row or one column.");
        const found = this.lookup(
          key,
          rows.map((row) => row[0]),
          1,
          state,
        );
        if (found instanceof CellError) return found;
        const answers =
          result === undefined ? rows.map((row) => row[row.length - 1]) : result.valuesFromTopLeftCorner();
        if (found >= answers.length)
          return new CellError(ErrorType.NA, "LOOKUP's result_vector is shorter than its lookup_vector.");
        const value = answers[found];
        return value === EmptyValue ? 0 : (value as Value);
      },
    );
  }

  excelNot(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("NOT"), (value: Value) => {
      const holds = this.condition(value, state, "NOT");
      return typeof holds === "boolean" ? !holds : holds;
    });
  }

  /** CONCAT(text1, ...): every value of every argument as text, ranges row by row, no separator. */
  excelConcat(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("CONCAT"), (...args: Value[]) => {
      let out = "";
      for (const arg of args) {
        const values = arg instanceof SimpleRangeValue ? arg.valuesFromTopLeftCorner() : [arg];
        for (const value of values) {
          if (value instanceof CellError) return value;
          if (value === EmptyValue) continue;
          if (typeof value === "string" || typeof value === "boolean") {
            out += typeof value === "string" ? value : String(value).toUpperCase();
            continue;
          }
          // A number as Excel writes it into text: its 15 significant digits.
          const number = this.number(value as Value, state);
          if (number instanceof CellError) return number;
          out += numberText(number);
        }
      }
      return out.length > CELL_TEXT_LIMIT
        ? new CellError(ErrorType.VALUE, "CONCAT's result is longer than a cell holds (32,767 characters).")
        : out;
    });
  }

  /** TEXT(value, format): the value as Excel shows it under the format; other text stays text. */
  excelText(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("TEXT"), (value: Value, format: string) => {
      if (value === EmptyValue) return formatValue(0, format);
      if (typeof value === "string") return formatValue(readTypedEntry(value).value, format);
      if (typeof value === "boolean") return formatValue(value, format);
      const number = this.number(value, state);
      return typeof number === "number" ? formatValue(number, format) : number;
    });
  }

  /** UPPER(text): each character to its one upper-case character, as Excel's ("ß" stays "ß"). */
  excelUpper(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("UPPER"), (text: string) => excelUpper(text));
  }

  /** VALUE(text): the number the text would be if typed into a cell, else #VALUE!. */
  excelValue(ast: CallAst, state: State) {
    return this.runFunction(ast.args, state, this.metadata("VALUE"), (value: Value) => {
      if (value === EmptyValue) return 0;
      if (typeof value === "string") {
        const typed = readTypedEntry(value).value;
        return typeof typed === "number"
          ? typed
          : new CellError(ErrorType.VALUE, `VALUE: "${value}" is not a number, a date or a time.`);
      }
      if (typeof value === "boolean")
        return new CellError(ErrorType.VALUE, "VALUE takes text or a number, not TRUE or FALSE.");
      return this.number(value, state);
    });
  }

  excelVlookup(ast: CallAst, state: State) {
    return this.tableLookup(ast, state, "VLOOKUP");
  }

  excelHlookup(ast: CallAst, state: State) {
    return this.tableLookup(ast, state, "HLOOKUP");
  }

  /** VLOOKUP searches the table's first column and answers from column `index`; HLOOKUP by rows. */
  private tableLookup(ast: CallAst, state: State, fn: "VLOOKUP" | "HLOOKUP") {
    return this.runFunction(
      ast.args,
      state,
      this.metadata(fn),
      (key: Value, table: SimpleRangeValue, index: number, sorted: boolean) => {
        const rows = fn === "VLOOKUP" ? table.data : transpose(table.data);
        const column = Math.trunc(index);
        if (column < 1) return new CellError(ErrorType.VALUE, `${fn}'s column number is less than 1.`);
        if (column > (rows[0]?.length ?? 0))
          return new CellError(ErrorType.REF, `${fn}'s column number is past the table.`);
        const found = this.lookup(
          key,
          rows.map((row) => row[0]),
          sorted ? 1 : 0,
          state,
        );
        if (found instanceof CellError) return found;
        const value = rows[found][column - 1];
        return value === EmptyValue ? 0 : (value as Value);
      },
    );
  }

  /** MATCH(lookup_value, lookup_array, match_type): the 1-based position, or #N/A. */
  excelMatch(ast: CallAst, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("MATCH"),
      (key: Value, array: SimpleRangeValue, type: number) => {
        if (array.width() > 1 && array.height() > 1)
          return new CellError(ErrorType.NA, "MATCH looks in one row or one column.");
        const found = this.lookup(
          key,
          array.valuesFromTopLeftCorner(),
          type > 0 ? 1 : type < 0 ? -1 : 0,
          state,
        );
        return found instanceof CellError ? found : found + 1;
      },
    );
  }

  /** `lookupIndex` over engine values, #N/A when not found. */
  private lookup(key: Value, values: readonly Value[], mode: 0 | 1 | -1, state: State): number | CellError {
    const plain = (value: Value): Plain => {
      if (value === EmptyValue || value instanceof CellError) return null;
      if (typeof value === "string" || typeof value === "boolean") return value;
      const number = this.number(value, state);
      return typeof number === "number" ? number : null;
    };
    // An empty lookup_value is looked up as 0, as in Excel.
    const wanted = key === EmptyValue ? 0 : plain(key);
    if (wanted === null) return new CellError(ErrorType.VALUE, "The lookup value is not a value.");
    const found = lookupIndex(wanted, values.map(plain), mode);
    return found < 0 ? new CellError(ErrorType.NA, "Value not found.") : found;
  }

  /** A number (dates and currency included) as a plain number, or the error it holds. */
  private number(value: Value, state: State): number | CellError {
    const number = this.coerceToType(
      value as Coercible,
      { argumentType: FunctionArgumentType.NUMBER },
      state,
    );
    if (typeof number === "number" || number instanceof CellError) return number;
    // A date, time or currency number: HyperFormula's RichNumber keeps the number in `val`.
    if (typeof number === "object" && "val" in number && typeof number.val === "number") return number.val;
    return new CellError(ErrorType.VALUE, "A number was expected.");
  }

  /** The spill a top-level IF is given: the largest argument's, as HyperFormula's own IF. */
  /**
   * FILTER(array, include, [if_empty]) as Excel's FILTER function: include is "a Boolean array
   * whose height or width is the same as the array" (a column keeps rows, a row keeps columns;
   * another shape is #VALUE!); a number counts as TRUE unless 0, a blank as FALSE, text is
   * #VALUE! and an error is answered as it is. When nothing is kept, if_empty is the answer, and
   * without it #CALC!. A kept blank cell comes back as 0, as a spilled reference to it does.
   */
  excelFilter(ast: CallAst, state: State) {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("FILTER"),
      (array: SimpleRangeValue, include: SimpleRangeValue, ifEmpty?: Value) => {
        const byRows = include.width() === 1 && include.height() === array.height();
        if (!byRows && !(include.height() === 1 && include.width() === array.width()))
          return new CellError(
            ErrorType.VALUE,
            "FILTER's include must be one column as tall as the array, or one row as wide.",
          );
        const kept: boolean[] = [];
        for (const value of include.valuesFromTopLeftCorner()) {
          if (value instanceof CellError) return value;
          if (typeof value === "string")
            return new CellError(
              ErrorType.VALUE,
              `FILTER's include holds the text "${value}", not TRUE or FALSE.`,
            );
          kept.push(value === EmptyValue ? false : typeof value === "boolean" ? value : Number(value) !== 0);
        }
        const rows = byRows ? array.data : transpose(array.data);
        const left = rows.filter((_row, i) => kept[i]);
        if (left.length === 0)
          return (
            ifEmpty ?? new CellError(ErrorType.ERROR, `${CALC} FILTER kept nothing and has no if_empty.`)
          );
        const values = left.map((row) => row.map((value) => (value === EmptyValue ? 0 : value)));
        return SimpleRangeValue.onlyValues(byRows ? values : transpose(values));
      },
    );
  }

  /** A FILTER spills at most its array's size (what it keeps is known only once computed). */
  excelFilterSize(ast: CallAst, state: State): ArraySize {
    if (ast.args.length < 2) return ArraySize.error();
    // A range's size comes flagged as a reference; the FILTER's answer is an array of that size.
    const size = this.arraySizeForAst(ast.args[0], { ...state, arraysFlag: true });
    return new ArraySize(size.width, size.height);
  }

  excelIfSize(ast: CallAst, state: State): ArraySize {
    const sizes = ast.args.map((arg) => this.arraySizeForAst(arg, state));
    return new ArraySize(
      Math.max(1, ...sizes.map((size) => size.width)),
      Math.max(1, ...sizes.map((size) => size.height)),
    );
  }
}

/** Rows as columns (HLOOKUP searches a table's first row as VLOOKUP its first column). */
function transpose<T>(rows: readonly (readonly T[])[]): T[][] {
  return (rows[0] ?? []).map((_, c) => rows.map((row) => row[c]));
}

let registered = false;

/** Registers the functions above with HyperFormula (for engines built from now on), once. */
export function registerExcelFunctions(): void {
  if (registered) return;
  // CONCAT and LOOKUP are new to HyperFormula: their names need a translation; the others
  // override its own.
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin, { enGB: { CONCAT: "CONCAT", LOOKUP: "LOOKUP" } });
  registered = true;
}

/** What a typed entry holds for the engine, and the number format Excel gives the cell for it. */
export interface TypedEntry {
  value: string | number;
  /** The format the typing implies ($7,000 -> currency), for a cell without one. */
  format?: string;
}

/** A month typed as a word ("Jan", "January", any case), 1-12, or undefined. */
function monthNamed(word: string): number | undefined {
  const lower = word.toLowerCase();
  const i = MONTHS.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower);
  return i < 0 ? undefined : i + 1;
}

/** Excel reads a two-digit year typed as 00-29 in the 2000s and 30-99 in the 1900s. */
const fullYear = (typed: string) =>
  typed.length === 4 ? Number(typed) : Number(typed) + (Number(typed) < 30 ? 2000 : 1900);

/**
 * A date typed as an en-US Excel reads it, and the format Excel gives the cell: "1/2/2026"
 * (m/d/yyyy); "1/2", "Jan 2", "2-Jan" (the current year, d-mmm). Undefined when it is not one.
 */
function typedDate(text: string): TypedEntry | undefined {
  const year = new Date().getFullYear();
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(text);
  if (slash) {
    const serial = dateSerial(slash[3] ? fullYear(slash[3]) : year, Number(slash[1]), Number(slash[2]));
    return serial === undefined ? undefined : { value: serial, format: slash[3] ? "m/d/yyyy" : "d-mmm" };
  }
  const monthDay = /^([A-Za-z]+)\.? (\d{1,2})$/.exec(text);
  const dayMonth = /^(\d{1,2})[- ]([A-Za-z]+)$/.exec(text);
  const [word, day] = monthDay ? [monthDay[1], monthDay[2]] : dayMonth ? [dayMonth[2], dayMonth[1]] : [];
  const month = word === undefined ? undefined : monthNamed(word);
  if (month === undefined || day === undefined) return undefined;
  const serial = dateSerial(year, month, Number(day));
  return serial === undefined ? undefined : { value: serial, format: "d-mmm" };
}

/**
 * A time typed as an en-US Excel reads it, as a fraction of a day: "9:30" (h:mm), "9:30:15"
 * (h:mm:ss), "9:30 PM" / "9:30 p" (h:mm AM/PM). Undefined when it is not one.
 */
function typedTime(text: string): TypedEntry | undefined {
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm]?)?$/.exec(text);
  if (!time) return undefined;
  let hours = Number(time[1]);
  const [minutes, seconds] = [Number(time[2]), Number(time[3] ?? 0)];
  const half = time[4]?.toUpperCase();
  if (minutes > 59 || seconds > 59 || hours > (half ? 12 : 23)) return undefined;
  if (half === "P" && hours < 12) hours += 12;
  if (half === "A" && hours === 12) hours = 0;
  const format = `h:mm${time[3] ? ":ss" : ""}${half ? " AM/PM" : ""}`;
  return { value: (hours * 3600 + minutes * 60 + seconds) / 86_400, format };
}

/** A date, a time, or a date and a time ("1/2/2026 9:30"), as Excel reads the typing. */
function typedDateTime(text: string): TypedEntry | undefined {
  const date = typedDate(text) ?? typedTime(text);
  if (date) return date;
  const space = text.indexOf(" ");
  if (space < 0) return undefined;
  const [day, time] = [typedDate(text.slice(0, space)), typedTime(text.slice(space + 1).trim())];
  if (!day || !time) return undefined;
  return { value: Number(day.value) + Number(time.value), format: `m/d/yyyy ${time.format ?? ""}`.trim() };
}

/**
 * A person's typing read as an en-US Excel reads it: "7,000", "$7,000.50", "(7,000)", "7.5%" are
 * numbers, "1/2", "Jan 2", "1/2/2026" dates and "9:30", "9:30 PM" times, each with the format it
 * was typed in; anything else goes to the engine as typed (which reads plain numbers, ISO dates
 * and TRUE/FALSE, and keeps a leading apostrophe's text).
 * The thousands separator must group by three, as Excel requires ("1,2" stays text).
 */
export function readTypedEntry(typed: string): TypedEntry {
  const text = typed.trim();
  if (text.startsWith("'") || text.startsWith("=")) return { value: typed };
  const number = parseNumericText(text);
  // Text is kept as typed, spaces and all, as Excel keeps it ("Star " is not "Star" to SUMIFS).
  if (number === undefined) return typedDateTime(text) ?? { value: typed };
  const digits = /\.\d/.test(text) ? "0.00" : "0";
  let format: string | undefined;
  if (text.includes("%")) format = `${digits}%`;
  else if (text.includes("$")) format = `$#,##${digits}`;
  else if (text.includes(",")) format = `#,##${digits}`;
  return { value: number.toNumber(), format };
}
