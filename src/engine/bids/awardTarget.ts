/**
 * What a budget cell means on its line, before an award is written into it (issue 17: an award
 * written into the Rate cell of a line of 6 weeks became 6 times the award).
 *
 * A budget detail line in the usual shape (the templates' `Amount | Units | X | Rate | Subtotal |
 * ... | Total`, reference.md section 2) multiplies Amount x X x Rate into its Subtotal. An award
 * is a total for the whole need, so it belongs either in the line's total or in its Rate with
 * Amount 1 and X 1; in Amount, Units or X, or in a Rate the line multiplies by more than 1, it
 * would be a wrong figure. The header row is found above the cell by its column names, so any
 * budget laid out with those headings is read the same way.
 */
import { Decimal, ONE, isBlank, parseNumericText } from "../money";
import { normalizeHeader } from "./mapping";

/** What a column of a budget line is. */
export type BudgetColumnRole = "amount" | "units" | "x" | "rate" | "subtotal" | "total";

/** Normalized header texts of each role (the templates' headings first). */
const ROLE_HEADERS: ReadonlyArray<[BudgetColumnRole, readonly string[]]> = [
  ["amount", ["amount", "amt", "qty", "quantity"]],
  ["units", ["units", "unit"]],
  ["x", ["x", "mult", "multiplier"]],
  ["rate", ["rate"]],
  ["subtotal", ["subtotal", "sub total"]],
  ["total", ["total", "line total"]],
];

/** The roles that multiply each other into the line's subtotal. */
const FACTORS = ["amount", "x"] as const;

/** Rows looked at above the cell for its header row. */
const HEADER_SEARCH_ROWS = 200;

/** What the chosen cell is, on its budget line. */
export interface AwardTarget {
  /** The column's role, as found in the header row. */
  readonly role: BudgetColumnRole;
  /** The column's heading as written ("Rate"). */
  readonly header: string;
  /** The line's Amount x X (the factors that are there), when the line has them as numbers. */
  readonly multiplier?: Decimal;
  /**
   * Where the award should go instead, when the chosen cell would make it a wrong figure: the
   * Rate column, with the factor columns set to 1. Undefined when the cell is right as it is.
   */
  readonly offer?: {
    /** 0-based column of the line's Rate. */
    readonly rateColumn: number;
    /** 0-based columns of Amount and X (those the sheet has), each to be set to 1. */
    readonly factorColumns: readonly number[];
  };
}

/** The role of a header text, if it is one of a budget line's columns. */
function roleOf(header: unknown): BudgetColumnRole | undefined {
  const name = normalizeHeader(header);
  return ROLE_HEADERS.find(([, names]) => names.includes(name))?.[0];
}

/** A number from a cell (a number or numeric text), or undefined. */
function numberIn(value: unknown): Decimal | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(value) : undefined;
  if (typeof value === "string" && !isBlank(value)) return parseNumericText(value);
  return undefined;
}

/**
 * Reads what the cell at (`row`, `column`) of `rows` means on its budget line: the nearest row
 * above it that names a Rate column and the cell's own column is taken as the header row.
 *
 * @param rows - the sheet's cells from its first row (values, as the workbook shows them)
 * @param row - 0-based row of the chosen cell
 * @param column - 0-based column of the chosen cell
 * @returns undefined when no header row above names the cell's column (not a budget line)
 */
export function awardTarget(
  rows: readonly (readonly unknown[])[],
  row: number,
  column: number,
): AwardTarget | undefined {
  for (let r = row - 1; r >= Math.max(0, row - HEADER_SEARCH_ROWS); r--) {
    const headers = rows[r] ?? [];
    const role = roleOf(headers[column]);
    const columns = new Map<BudgetColumnRole, number>();
    headers.forEach((h, c) => {
      const found = roleOf(h);
      if (found && !columns.has(found)) columns.set(found, c);
    });
    if (role === undefined || !columns.has("rate")) continue;
    const line = rows[row] ?? [];
    const factorColumns = FACTORS.flatMap((f) => {
      const c = columns.get(f);
      return c === undefined ? [] : [c];
    });
    const factors = factorColumns.filter((c) => c !== column).map((c) => numberIn(line[c]));
    const multiplier = factors.every((f) => f !== undefined)
      ? factors.reduce<Decimal>((p, f) => p.times(f as Decimal), ONE)
      : undefined;
    const header = String(headers[column]).trim();
    // Right as it is: the line's total or subtotal, or a Rate the line multiplies by exactly 1.
    const fine = role === "total" || role === "subtotal" || (role === "rate" && multiplier?.eq(1) === true);
    const rateColumn = columns.get("rate") as number;
    return {
      role,
      header,
      ...(multiplier !== undefined ? { multiplier } : {}),
      ...(fine ? {} : { offer: { rateColumn, factorColumns } }),
    };
  }
  return undefined;
}
