/*
 * What the Incentives panel's buttons do, over the workbook port: read the selected budget range
 * (headings row, an amount column and the tag columns), explain one program over it with the
 * engine, and write the "Incentive comparison" sheet for 2 to 4 programs. Each reads what it
 * needs once and writes one plan; the pane only asks the user's one question before a replace
 * (what the user typed on the earlier comparison, links to it, a sheet whose mark is gone).
 */
import { calculateIncentive, type IncentiveResult } from "../../engine/incentives/calculate";
import { readTaggedBudget, type TaggedBudget } from "../../engine/incentives/taggedRange";
import { ProdError } from "../../engine/errors";
import { Decimal } from "../../engine/money";
import { a1Range, parseA1, sheetRef, PortError, type RunOptions, type WorkbookPort } from "../../excel/port";
import { earlierWork, replaceQuestion, sheetTarget, type SheetQuestion } from "../shell/ownedSheet";
import { carriedWords } from "../shell/userWork";
import { budgetGone, checkSeen, rowShape, withRowBelow, type BudgetRange } from "./budgetRange";
import {
  COMPARISON_KEY,
  COMPARISON_SHEET,
  COMPARISON_SIGNATURE,
  INCENTIVES_OWNER,
  KEPT_HEADING,
  comparisonPlan,
  earlierRows,
  type BudgetCells,
  type ComparedProgram,
} from "./comparisonSheet";

/** The most programs one comparison shows (issue 22: two to four). */
export const MAX_PROGRAMS = 4;

/** The budget read from a range, with the cells formulas over it use. */
export interface ReadBudget extends TaggedBudget {
  cells: BudgetCells;
  /** The sheet row (1-based) of each line, in order. */
  rowOf: (line: number) => number;
  /** The range read, with what it showed, for the panel to read again (budgetRange.ts). */
  range: BudgetRange;
}

/**
 * Reads the budget range `ref`: its first row is the headings. One read, of the range and the row
 * under it; a range read before (`ref.seen`) is refused in words when its sheet is gone or it no
 * longer shows what it showed then (checkSeen).
 */
export async function readBudget(port: WorkbookPort, ref: BudgetRange): Promise<ReadBudget> {
  const label = `${ref.sheet}!${ref.address}`;
  const at = parseA1(ref.address);
  if (at.rowCount < 2)
    throw new ProdError(
      "invalid",
      `Only ${label} is selected. Select the whole budget with its headings row (an amount column and the tag columns), then try again.`,
    );
  const read = withRowBelow(ref);
  const values = await port.readRange(read.ref).then(
    (data) => data.values,
    (error: unknown) => {
      throw ref.seen && error instanceof PortError && error.kind === "notFound" ? budgetGone(ref) : error;
    },
  );
  const rows = read.below ? values.slice(0, -1) : values;
  const below = read.below ? rowShape(values[values.length - 1]) : null;
  if (ref.seen) checkSeen(label, ref.seen, rows[0], below);
  const budget = readTaggedBudget(rows, label, at.row + 1);
  const { columns } = budget;
  const first = at.row + 1;
  const count = at.rowCount - 1;
  const range = (column: number, width: number) =>
    `${sheetRef(ref.sheet)}!${a1Range(first, at.column + column, count, width, true)}`;
  return {
    ...budget,
    cells: {
      label,
      amounts: range(columns.amount, 1),
      tags: columns.tagsStart === null ? null : range(columns.tagsStart, columns.tagCount),
    },
    rowOf: (line) => first + line,
    range: { sheet: ref.sheet, address: ref.address, seen: { headings: rows[0], below } },
  };
}

/** A program as the panel asks for it. */
export interface ProgramRequest {
  name: string;
  settings: string;
  /** Program currency per unit of the budget's; null when the budget is in its currency. */
  exchangeRate: number | null;
}

/** The engine's answer for one program over the budget read. */
export function explain(budget: TaggedBudget, request: ProgramRequest): IncentiveResult {
  return calculateIncentive(
    request.name,
    budget.lines,
    request.settings.trim() === "" ? null : request.settings,
    request.exchangeRate === null ? null : new Decimal(request.exchangeRate),
  );
}

/** What comparing wrote, for the note under the button. */
export interface ComparisonWritten {
  sheetName: string;
  /** The budget compared, for the panel to compare again. */
  budget: ReadBudget;
  programs: ComparedProgram[];
  live: boolean;
  /** What the user had typed on the comparison replaced and where it went, in words ("" if nothing). */
  carried: string;
}

/**
 * Compares 2 to 4 programs over the budget range and writes the "Incentive comparison" sheet,
 * replacing PROD's own earlier one (by its mark, or one whose mark is gone but shows PROD's title
 * and headings); a sheet of the user's with the name is left alone and the comparison goes to
 * "Incentive comparison 2". The sheet replaced is read first (earlierWork) for what the user typed
 * on it (userWork.ts), which goes to the row of the same program in the new one, and for the cells
 * and names elsewhere that link to it. One question is asked before anything is written
 * (replaceQuestion) when the user typed on it, when other cells link to it, or when its mark is
 * gone; a no writes nothing and returns null.
 */
export async function compareIncentives(
  port: WorkbookPort,
  ref: BudgetRange,
  requests: readonly ProgramRequest[],
  confirm: (question: SheetQuestion, sheet: string) => Promise<boolean>,
  options: RunOptions = {},
): Promise<ComparisonWritten | null> {
  if (requests.length < 2 || requests.length > MAX_PROGRAMS)
    throw new ProdError(
      "invalid",
      `Pick two to ${MAX_PROGRAMS} programs to compare (${requests.length} picked).`,
    );
  const budget = await readBudget(port, ref);
  const programs = requests.map((r) => ({ ...r, result: explain(budget, r) }));
  const target = await sheetTarget(
    port,
    INCENTIVES_OWNER,
    COMPARISON_KEY,
    COMPARISON_SHEET,
    COMPARISON_SIGNATURE,
  );
  const earlier = await earlierWork(port, target, earlierRows);
  const { plan, carry } = comparisonPlan(target, budget.cells, programs, earlier.typed);
  const facts = { what: "an incentive comparison", carry, keptHeading: KEPT_HEADING };
  const question = replaceQuestion({ ...earlier, ...facts });
  if (question && !(await confirm(question, target.sheetName))) return null;
  await port.apply(plan, options);
  return {
    sheetName: target.sheetName,
    budget,
    programs,
    live: budget.cells.tags !== null,
    carried: carriedWords(carry, KEPT_HEADING, true),
  };
}
