/*
 * The live budget a version is saved from and compared with ("Current"): a budget a PROD
 * template made (its Budget detail and Top Sheet, found by their ownership marks), or a range the
 * user selected with account and amount columns (issue 21). Read with the cost report's budget
 * reader (weeklyCostReport mapBudgetRows: the same rows count as lines), so a version holds what
 * the cost report would call the budget.
 */
import { accountKey, tryParseAccount } from "../../engine/accounts";
import type { LayoutId } from "../../engine/chart";
import { ProdError } from "../../engine/errors";
import { readLayout } from "../../engine/import";
import { isBlankOrSpaces, toDecimal } from "../../engine/money";
import { TEMPLATES } from "../../engine/templates";
import {
  mapBudgetRows,
  VOCABULARIES,
  type BudgetColumns,
  type RowProblem,
} from "../../engine/weeklyCostReport";
import {
  refuseTotalsAmongLines,
  textAmounts,
  totalsAmongLines,
  versionLines,
  type TextAmount,
  type TopSheetFigure,
  type VersionLine,
} from "../../engine/versions";
import {
  a1Range,
  parseA1,
  sheetRef,
  type CellValue,
  type RangeRef,
  type WorkbookPort,
} from "../../excel/port";
import { DETAIL_COLUMNS, TEMPLATES_OWNER } from "../templates/buildPlan";
import type { BudgetRefs, TextSpellings } from "./formulas";

/** Which budget: one a template made (by its copy), or the selected range. */
export type BudgetChoice =
  | { kind: "template"; detail: string; topSheet: string | null; copy: string }
  | { kind: "range"; ref: RangeRef; layout: LayoutId };

/** The live budget, read. */
export interface LiveBudget {
  /** How the pane names it: "Budget detail", "Sheet1!A1:C40". */
  label: string;
  layout: LayoutId;
  /** Its account and total cells, for the comparison's live formulas. */
  refs: BudgetRefs;
  lines: VersionLine[];
  spellings: TextSpellings;
  /** A template's Top Sheet figures by row; empty for a range. */
  topSheet: TopSheetFigure[];
  /** The template's Top Sheet, where "Lock original totals" writes. */
  topSheetName: string | null;
  /** Lines whose amount is typed as text: saved as read, but no live formula adds them. */
  textAmounts: TextAmount[];
}

/** Rows above a template's detail lines: title, note, header (buildPlan.ts). */
const DETAIL_HEADER_ROWS = 3;
/** The Top Sheet's header row, 0-based (buildPlan.ts TOP_HEADER). */
const TOP_HEADER = 3;

/** The budgets the templates made in this workbook, by their marks (one per copy). */
export async function templateBudgets(
  port: WorkbookPort,
): Promise<Extract<BudgetChoice, { kind: "template" }>[]> {
  const owned = await port.findOwned(TEMPLATES_OWNER);
  return owned
    .filter((o) => o.key === "detail")
    .map((o) => ({
      kind: "template" as const,
      detail: o.sheet,
      copy: o.copy,
      topSheet: owned.find((t) => t.key === "topsheet" && t.copy === o.copy)?.sheet ?? null,
    }))
    .sort((a, b) => a.copy.localeCompare(b.copy, "en", { numeric: true }));
}

/** A budget's rows that could not be read, as one refusal: a version never leaves a line out quietly. */
function refuseProblems(label: string, problems: readonly RowProblem[], rowOffset: number): void {
  if (problems.length === 0) return;
  const shown = problems
    .slice(0, 3)
    .map((p) => `row ${p.row + rowOffset}: ${p.message}`)
    .join("; ");
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : "";
  throw new ProdError(
    "invalid",
    `${label} has lines PROD cannot read (${shown}${more}). Fix them, then try again.`,
  );
}

/** The text spellings of each account in the account cells (numbers need none). */
function spellingsOf(accounts: readonly unknown[]): TextSpellings {
  const spellings = new Map<string, Set<string>>();
  for (const cell of accounts) {
    if (typeof cell !== "string") continue;
    const account = tryParseAccount(cell);
    if (account === undefined) continue;
    const key = accountKey(account);
    let set = spellings.get(key);
    if (!set) spellings.set(key, (set = new Set()));
    set.add(cell);
  }
  return spellings;
}

/** Reads the live budget: the template's detail (and Top Sheet), or the selected range. */
export async function readLiveBudget(port: WorkbookPort, choice: BudgetChoice): Promise<LiveBudget> {
  return choice.kind === "template" ? readTemplateBudget(port, choice) : readRangeBudget(port, choice);
}

async function readTemplateBudget(
  port: WorkbookPort,
  choice: Extract<BudgetChoice, { kind: "template" }>,
): Promise<LiveBudget> {
  const used = await port.readUsedRange(choice.detail);
  // The used range starts at A1 on a template's sheet (its title is there).
  const rows = used?.values ?? [];
  const title = String(rows[0]?.[0] ?? "");
  const template = Object.values(TEMPLATES).find((t) => title === `Budget detail: ${t.name}`);
  if (!template) {
    throw new ProdError(
      "invalid",
      `"${choice.detail}" does not start with the title a PROD template wrote ("Budget detail: Feature film"), so PROD cannot tell its chart. Put the title back, or select the budget's range instead.`,
    );
  }
  const C = DETAIL_COLUMNS;
  const columns: BudgetColumns = { account: C.acct, description: C.description, amount: C.total };
  const read = mapBudgetRows(rows, { columns, headerRows: DETAIL_HEADER_ROWS });
  refuseProblems(`"${choice.detail}"`, read.problems, 0);
  refuseTotalsAmongLines(`"${choice.detail}"`, totalsAmongLines(read.lines, 0));
  const topSheet = choice.topSheet ? await readTopSheet(port, choice.topSheet) : [];
  return {
    label: choice.detail,
    layout: template.layout,
    refs: { account: `Detail_Acct${choice.copy}`, total: `Detail_Total${choice.copy}` },
    lines: versionLines(read.lines),
    spellings: spellingsOf(rows.slice(DETAIL_HEADER_ROWS).map((r) => r[C.acct])),
    topSheet,
    topSheetName: choice.topSheet,
    textAmounts: textAmounts(read.lines, rows, C.total, 0),
  };
}

/**
 * A template Top Sheet's figures: every row below the header with a label (column B) and a number
 * in the Total column (C). A row showing an error (a #VALUE! from a line) cannot be saved.
 */
async function readTopSheet(port: WorkbookPort, sheet: string): Promise<TopSheetFigure[]> {
  const used = await port.readUsedRange(sheet);
  const figures: TopSheetFigure[] = [];
  (used?.values ?? []).forEach((row, r) => {
    if (r <= TOP_HEADER || isBlankOrSpaces(row[1]) || isBlankOrSpaces(row[2])) return;
    if (typeof row[2] !== "number") {
      throw new ProdError(
        "invalid",
        `"${sheet}" row ${r + 1} (${String(row[1])}) shows ${String(row[2])}, not a figure. Fix the lines it adds up, then try again.`,
      );
    }
    figures.push({ row: r + 1, label: String(row[1]), total: toDecimal(row[2], `${sheet} row ${r + 1}`) });
  });
  return figures;
}

async function readRangeBudget(
  port: WorkbookPort,
  choice: Extract<BudgetChoice, { kind: "range" }>,
): Promise<LiveBudget> {
  const { ref } = choice;
  const label = `${ref.sheet}!${ref.address}`;
  const data = await port.readRange(ref);
  const rows: CellValue[][] = data.values;
  const layout = readLayout(rows, VOCABULARIES.budget);
  const { account, amount, description } = layout.columns;
  if (layout.empty || account === undefined || amount === undefined) {
    const missing = [account === undefined ? "account" : null, amount === undefined ? "amount" : null].filter(
      Boolean,
    );
    throw new ProdError(
      "invalid",
      layout.empty
        ? `The selected range ${label} is empty. Select the budget with its headings, then try again.`
        : `The selected range ${label} has no ${missing.join(" or ")} column PROD recognises. Select the budget with its headings row (such as Account | Description | Amount), then try again.`,
    );
  }
  const open = layout.questions.filter((q) => q.kind !== "columns");
  if (open.length > 0) throw new ProdError("invalid", `${label}: ${open[0].message}`);
  const read = mapBudgetRows(rows, {
    columns: { account, amount, description },
    headerRows: layout.headerRow + 1,
    headers: layout.headers,
    numberFormat: layout.numberFormat,
  });
  const at = parseA1(ref.address);
  refuseProblems(label, read.problems, at.row);
  refuseTotalsAmongLines(label, totalsAmongLines(read.lines, at.row));
  const first = at.row + layout.headerRow + 1;
  const count = Math.max(1, at.rowCount - layout.headerRow - 1);
  const column = (c: number) => `${sheetRef(ref.sheet)}!${a1Range(first, at.column + c, count, 1, true)}`;
  return {
    label,
    layout: choice.layout,
    refs: { account: column(account), total: column(amount) },
    lines: versionLines(read.lines),
    spellings: spellingsOf(rows.slice(layout.headerRow + 1).map((r) => r[account])),
    topSheet: [],
    topSheetName: null,
    textAmounts: textAmounts(read.lines, rows, amount, at.row),
  };
}
