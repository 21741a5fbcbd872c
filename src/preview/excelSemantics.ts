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
 * - what a person types into a cell: "7,000", "$7,000", "(7,000)" are numbers in Excel, and
 *   Excel gives the cell the number format the typing implies (7%, $7,000, 1/2/2026).
 *
 * HyperFormula is GPL-3.0: this file is for the dev-only preview and tests, never the add-in bundle.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionMetadata,
  type ImplementedFunctions,
} from "hyperformula";
import { Decimal, fromNumber, parseNumericText } from "../engine/money";

/** Excel's TRUE and FALSE as names the engine resolves (Excel forbids them as defined names). */
export function addBooleanConstants(engine: HyperFormula): void {
  engine.addNamedExpression("TRUE", "=TRUE()");
  engine.addNamedExpression("FALSE", "=FALSE()");
}

/** A call as HyperFormula's parser gives it, and where it is computed. */
type Ast = Parameters<FunctionPlugin["evaluateAst"]>[0];
type State = Parameters<FunctionPlugin["evaluateAst"]>[1];
type Value = ReturnType<FunctionPlugin["evaluateAst"]>;
interface CallAst {
  args: Ast[];
}

/** HyperFormula's own IF: used when the condition is an array, where Excel broadcasts too. */
const BROADCAST_IF: FunctionMetadata = {
  method: "excelIf",
  parameters: [
    { argumentType: FunctionArgumentType.BOOLEAN },
    { argumentType: FunctionArgumentType.SCALAR, passSubtype: true },
    { argumentType: FunctionArgumentType.SCALAR, defaultValue: false, passSubtype: true },
  ],
};

/** IF and ROUND as Excel computes them. */
class ExcelFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    IF: {
      method: "excelIf",
      sizeOfResultArrayMethod: "excelIfSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
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

  excelIf(ast: CallAst, state: State) {
    if (ast.args.length < 2 || ast.args.length > 3) {
      return new CellError(ErrorType.NA, "IF takes 2 or 3 arguments.");
    }
    const condition = this.evaluateAst(ast.args[0], state);
    if (condition instanceof SimpleRangeValue) {
      return this.runFunction(ast.args, state, BROADCAST_IF, (holds: boolean, yes: Value, no: Value) =>
        holds ? yes : no,
      );
    }
    const holds = this.coerceToType(condition, { argumentType: FunctionArgumentType.BOOLEAN }, state);
    if (holds instanceof CellError) return holds;
    if (typeof holds !== "boolean") {
      return new CellError(ErrorType.VALUE, "IF's condition is text that is not TRUE or FALSE.");
    }
    // Only the chosen argument is computed, and it is answered as it is (a range stays a range).
    const chosen = ast.args[holds ? 1 : 2];
    return chosen === undefined ? false : this.evaluateAst(chosen, state);
  }

  /** The spill a top-level IF is given: the largest argument's, as HyperFormula's own IF. */
  excelIfSize(ast: CallAst, state: State): ArraySize {
    const sizes = ast.args.map((arg) => this.arraySizeForAst(arg, state));
    return new ArraySize(
      Math.max(1, ...sizes.map((size) => size.width)),
      Math.max(1, ...sizes.map((size) => size.height)),
    );
  }
}

let registered = false;

/** Registers the functions above with HyperFormula (for engines built from now on), once. */
export function registerExcelFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin);
  registered = true;
}

/** What a typed entry holds for the engine, and the number format Excel gives the cell for it. */
export interface TypedEntry {
  value: string | number;
  /** The format the typing implies ($7,000 -> currency), for a cell without one. */
  format?: string;
}

/**
 * A person's typing read as an en-US Excel reads it: "7,000", "$7,000.50", "(7,000)", "7.5%" are
 * numbers with the format they were typed in; anything else goes to the engine as typed (which
 * reads plain numbers, dates, times and TRUE/FALSE, and keeps a leading apostrophe's text).
 * The thousands separator must group by three, as Excel requires ("1,2" stays text).
 */
export function readTypedEntry(typed: string): TypedEntry {
  const text = typed.trim();
  if (text.startsWith("'") || text.startsWith("=")) return { value: typed };
  const number = parseNumericText(text);
  if (number === undefined) return { value: text };
  const digits = /\.\d/.test(text) ? "0.00" : "0";
  let format: string | undefined;
  if (text.includes("%")) format = `${digits}%`;
  else if (text.includes("$")) format = `$#,##${digits}`;
  else if (text.includes(",")) format = `#,##${digits}`;
  return { value: number.toNumber(), format };
}
