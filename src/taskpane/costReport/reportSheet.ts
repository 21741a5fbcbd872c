/**
 * The cost-report sheet: how a built report is laid out as a write plan, and how the previous
 * report is read back from such a sheet for next week's carry-forward.
 *
 * Account rows hold values for what comes from the books (budget, actuals, POs) and the ETC the
 * accountant edits, and live formulas for everything derived from them (committed, EFC,
 * variance, change, % spent, and every subtotal), so an ETC typed into the sheet flows through
 * the EFC, the variance and the totals at once (reference.md 5.1: EFC = 8 + 9, variance = 4 − 10).
 * A hidden "ETC as built" column remembers the ETC the report wrote, so next week's report can
 * tell the accountant's edits (carried forward) from untouched defaults (recomputed).
 */
import type { VarianceConvention } from "../../engine/costReport";
import { Decimal, ZERO } from "../../engine/money";
import {
  amountToDecimal,
  serialToIso,
  type AccountRow,
  type Agreement,
  type CostReport,
  type Flag,
  type LedgerCheck,
  type LedgerLine,
  type OpenPo,
  type PoLogLine,
  type PriorRow,
  type ReportRow,
  type RowProblem,
} from "../../engine/weeklyCostReport";
import {
  a1,
  a1Range,
  NUMBER_FORMATS,
  type Cell,
  type CellBlock,
  type CellValue,
  type SheetPlan,
} from "../../excel/port";
import type { SheetSignature } from "../shell/ownedSheet";

/** The pane's owner key for cost-report sheets. */
export const COST_REPORT_OWNER = "costReport";

/** The sheet name for a period end date: "Cost Report 2026-11-20". */
export function reportSheetName(periodEnd: number): string {
  return `Cost Report ${serialToIso(periodEnd)}`;
}

/** Column headings of the report body, in sheet order (A..T). */
export const REPORT_HEADERS = [
  "Acct",
  "Description",
  "Budget",
  "This period",
  "Actual to date",
  "Open POs",
  "Total committed",
  "ETC",
  "EFC",
  "Variance",
  "Prior EFC",
  "Change",
  "% spent",
  "Prior actual to date",
  "Prior ETC",
  "Hold EFC",
  "ETC source",
  "Flags",
  "Notes",
  "ETC as built",
] as const;

// Column indexes (0-based) of the body.
const C = {
  acct: 0,
  desc: 1,
  budget: 2,
  thisPeriod: 3,
  atd: 4,
  pos: 5,
  committed: 6,
  etc: 7,
  efc: 8,
  variance: 9,
  priorEfc: 10,
  change: 11,
  pct: 12,
  priorAtd: 13,
  priorEtc: 14,
  hold: 15,
  source: 16,
  flags: 17,
  notes: 18,
  built: 19,
} as const;

/** Row of the header line; data starts on the next row. */
const HEADER_ROW = 3;
/** How the report's title in A1 begins; the period follows. */
const TITLE_START = "Weekly cost report: ";

/**
 * A cost report sheet PROD wrote, told by its content when its mark is gone: the title in A1 and
 * the header row, exactly as PROD writes them (a user's own sheet rarely has all twenty).
 */
export const REPORT_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, HEADER_ROW + 1, REPORT_HEADERS.length),
  matches: (values) =>
    String(values[0]?.[0] ?? "").startsWith(TITLE_START) &&
    REPORT_HEADERS.every((heading, i) => values[HEADER_ROW]?.[i] === heading),
};
/** Where the chart's data block sits: to the right of the body, past a spacer column. */
const CHART_DATA_COLUMN = REPORT_HEADERS.length + 1;
/** What the Hold EFC column holds on a held account; the accountant types it (or yes, y, x). */
const HOLD_WORD = "Yes";
/** Counts in the money-formatted columns of the reconciliation: whole numbers, no cents. */
const COUNT_FORMAT = "#,##0";

/** The ETC source column's words; next week's report reads them back (readPriorReport). */
const SOURCE_WORDS: Record<AccountRow["etcSource"], string> = {
  default: "Budget left",
  carried: "Carried from previous report",
  held: "EFC held: previous EFC less committed",
  kept: "Kept from the report replaced",
};

/** The flag on an account row whose ETC the accountant cleared. */
const BLANK_ETC_WORDS = "ETC blank: counted as 0";

const FLAG_WORDS: Record<Flag, string> = {
  overBudget: "Over budget",
  efcChange: "EFC moved",
  unbudgeted: "Unbudgeted",
  poOverRemaining: "POs over what is left",
};

/** What the report was built from, for the sheet's heading lines. */
export interface ReportSources {
  budget: string;
  ledger: string;
  openPos: string;
  prior: string;
}

/** Everything the sheet shows besides the report itself. */
export interface ReportSheetInput {
  report: CostReport;
  periodEnd: number;
  periodLabel: string;
  convention: VarianceConvention;
  /** The EFC-change threshold the flags use (the sheet's Flags formulas repeat the rule). */
  efcChangeThreshold: Decimal;
  sources: ReportSources;
  /** Input rows that could not be read, by input ("Ledger", "Budget", "Open POs"). */
  problems: { source: string; problem: RowProblem }[];
  /** What the ledger read adds up to and the export's own total (absent: not checked). */
  ledgerCheck?: LedgerCheck;
  /**
   * "create" for a new sheet; "replaceOwned" for the pane's own (re-running replaces it);
   * "reclaim" for the pane's own whose mark a user deleted, once the user said yes.
   */
  mode: "create" | "replaceOwned" | "reclaim";
  /** Whether the POs were relieved by the ledger (CostReportSettings.relievePos). */
  relievePos: boolean;
}

const money = (d: Decimal | undefined): Cell => (d === undefined ? null : d.toNumber());
/** Text from the inputs, never parsed (the port writes empty text as a blank cell). */
const text = (s: string): Cell => ({ text: s });

/**
 * The most rows of a listing under the report in one block (issue 16): a listing of 100,000
 * ledger lines goes to the workbook in blocks of this many, and the workbook adapter gives the
 * pane its thread back between blocks while it turns them into writes.
 */
const LIST_BLOCK_ROWS = 5_000;

/** A listing under the report (title, headings, rows) from `row`: its blocks, title and headings bold. */
function listBlocks(row: number, cells: Cell[][], columnFormats?: (string | null)[]): CellBlock[] {
  const blocks: CellBlock[] = [];
  for (let at = 0; at < cells.length; at += LIST_BLOCK_ROWS) {
    const part = cells.slice(at, at + LIST_BLOCK_ROWS);
    blocks.push(
      columnFormats
        ? { row: row + at, column: 0, cells: part, columnFormats }
        : { row: row + at, column: 0, cells: part },
    );
  }
  blocks.push({ row, column: 0, cells: cells.slice(0, 2), bold: true });
  return blocks;
}

/**
 * Lays out the report as a sheet plan: heading lines, the body with live formulas, the
 * reconciliation, the exception lists (ledger text as text cells, never formulas) and the data
 * block for the chart of the largest variances.
 */
export function reportSheet(input: ReportSheetInput): SheetPlan {
  const { report, convention } = input;
  const first = HEADER_ROW + 1;
  const rowOf = new Map<ReportRow, number>();
  report.rows.forEach((r, i) => rowOf.set(r, first + i));

  const hasPrior = report.rows.some((r) => r.figures.priorEfc !== undefined);
  const ctx: RowContext = { convention, hasPrior, threshold: input.efcChangeThreshold };
  const body: Cell[][] = [];
  const bold = new Set<number>();
  // Members of each subtotal: its account rows (category), categories (level), levels (total).
  let categoryStart = first;
  const categoriesOfLevel: number[] = [];
  const partsOfTotal: number[] = [];
  const belowTheLine: number[] = [];
  const sumOfRows = (parts: readonly number[]) => (col: number) =>
    parts.length === 0 ? "=0" : `=SUM(${parts.map((p) => a1(p, col)).join(",")})`;

  report.rows.forEach((r, i) => {
    const row = first + i;
    if (r.kind === "account") {
      body.push(accountCells(r, row, ctx));
      if (r.level === "UNCODED") partsOfTotal.push(row);
    } else {
      let sumOf: (col: number) => string;
      if (r.kind === "category") {
        const from = categoryStart;
        sumOf = (col) => `=SUM(${a1Range(from, col, row - from, 1)})`;
        categoriesOfLevel.push(row);
        categoryStart = row + 1;
      } else if (r.kind === "level") {
        sumOf = sumOfRows([...categoriesOfLevel]);
        categoriesOfLevel.length = 0;
        partsOfTotal.push(row);
        if (r.level !== "ATL") belowTheLine.push(row);
        categoryStart = row + 1;
      } else if (r.kind === "belowTheLine") {
        sumOf = sumOfRows([...belowTheLine]);
      } else {
        sumOf = sumOfRows([...partsOfTotal]);
      }
      body.push(totalCells(r, row, sumOf, ctx));
      bold.add(i);
    }
  });

  const blocks: CellBlock[] = [
    {
      row: 0,
      column: 0,
      cells: [
        [`${TITLE_START}${input.periodLabel}`],
        [
          `Variance: ${convention === "UNDER" ? "Under/(Over), budget − EFC" : "Over/(Under), EFC − budget"}. ETC is yours to edit: EFC, variance and totals follow. Type Yes under Hold EFC to hold an account's EFC from next week on (its ETC then shrinks as money is spent), and explain variances under Notes: next week's report carries your ETCs, holds and notes forward.`,
        ],
        [
          {
            text: `Budget: ${input.sources.budget}. Ledger: ${input.sources.ledger}. Open POs: ${input.sources.openPos}. Previous report: ${input.sources.prior}.`,
          },
        ],
      ],
      bold: false,
    },
    { row: HEADER_ROW, column: 0, cells: [[...REPORT_HEADERS]], bold: true },
  ];
  // The body in runs of plain rows (accounts) and bold rows (subtotals): one block per run.
  let runStart = 0;
  for (let i = 1; i <= body.length; i++) {
    if (i === body.length || bold.has(i) !== bold.has(runStart)) {
      blocks.push({
        row: first + runStart,
        column: 0,
        cells: body.slice(runStart, i),
        columnFormats: rowFormats(),
        bold: bold.has(runStart),
      });
      runStart = i;
    }
  }

  let next = first + report.rows.length + 2;
  // In the wide Description column, so no label is cut off by the figure beside it.
  const recon = reconciliationCells(input);
  blocks.push({
    row: next,
    column: C.desc,
    cells: recon.map((r) => r.cells),
    columnFormats: [null, NUMBER_FORMATS.money, null],
    cellFormats: recon.map((r) => [null, r.count ? COUNT_FORMAT : null, null]),
  });
  blocks.push({ row: next, column: C.desc, cells: [recon[0].cells], bold: true });
  next += recon.length + 1;
  const labels = recon.map((r) => String(r.cells[0]));

  if (report.poLog.length > 0) {
    const cells = poLogSection(report.poLog, input.relievePos);
    blocks.push(...listBlocks(next, cells, PO_LOG_FORMATS));
    next += cells.length + 1;
  }

  const ex = report.exceptions;
  const sections: [string, LedgerLine[]][] = [
    ["Ledger lines on accounts not in the budget (in the report on budget-0 rows)", ex.unbudgeted],
    ["Uncoded ledger lines (in the report on the Uncoded row): code them in the ledger", ex.uncoded],
    ["Ledger lines without a date or period (counted in actual to date): check them", ex.undated],
  ];
  for (const [title, lines] of sections) {
    if (lines.length === 0) continue;
    const cells = ledgerSection(title, lines);
    blocks.push(...listBlocks(next, cells, LEDGER_FORMATS));
    next += cells.length + 1;
  }
  if (ex.pos.length > 0) {
    const cells = poSection(ex.pos);
    blocks.push(...listBlocks(next, cells, PO_FORMATS));
    next += cells.length + 1;
  }
  if (input.problems.length > 0) {
    const cells: Cell[][] = [
      ["Rows left out, and why", null, null],
      ["Input", "Row", "Problem"],
      ...input.problems.map(({ source, problem }) => [source, problem.row, text(problem.message)]),
    ];
    blocks.push(...listBlocks(next, cells));
    next += cells.length + 1;
  }

  let chartData: string | undefined;
  if (report.largestVariances.length > 0) {
    const categoryRows = new Map(
      report.rows
        .filter((r): r is Exclude<ReportRow, AccountRow> => r.kind === "category")
        .map((r) => [r.code, rowOf.get(r) as number]),
    );
    const cells: Cell[][] = [
      ["Category", "Variance"],
      ...report.largestVariances.map((v) => [
        { text: v.name },
        { formula: `=${a1(categoryRows.get(v.code) as number, C.variance)}` },
      ]),
    ];
    blocks.push({
      row: HEADER_ROW,
      column: CHART_DATA_COLUMN,
      cells,
      columnFormats: [null, NUMBER_FORMATS.money],
    });
    chartData = a1Range(HEADER_ROW, CHART_DATA_COLUMN, cells.length, 2);
  }

  const name = reportSheetName(input.periodEnd);
  return {
    name,
    mode: input.mode,
    markKey: name,
    blocks,
    freeze: { rows: first, columns: 2 },
    columnWidths: columnWidths(labels),
    charts: chartData
      ? [
          {
            name: "Largest variances",
            kind: "BarClustered",
            source: chartData,
            title: `Largest variances by category, ${convention === "UNDER" ? "Under/(Over)" : "Over/(Under)"}`,
            topLeft: a1(HEADER_ROW, CHART_DATA_COLUMN + 3),
            bottomRight: a1(HEADER_ROW + 22, CHART_DATA_COLUMN + 11),
          },
        ]
      : undefined,
  };
}

function rowFormats(): (string | null)[] {
  const m = NUMBER_FORMATS.money;
  const p = NUMBER_FORMATS.percent;
  return [NUMBER_FORMATS.text, null, m, m, m, m, m, m, m, m, m, m, p, m, m, null, null, null, null, m];
}

/** Points per character of a label, generous for Excel's default font (Aptos/Calibri 11). */
const POINTS_PER_CHARACTER = 7.5;
/** Widths before the labels are measured; Flags and Notes are wide, "ETC as built" hidden. */
const BASE_WIDTHS = [60, 220, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 60, 90, 90, 70, 110, 200, 240, 0];

/**
 * Column widths in which no heading is cut off, nor any reconciliation label (written in the
 * Description column), the hidden "ETC as built" column aside.
 */
function columnWidths(reconciliationLabels: readonly string[]): number[] {
  const fit = (label: string) => Math.ceil(label.length * POINTS_PER_CHARACTER) + 12;
  return BASE_WIDTHS.map((base, i) => {
    if (i === C.built) return 0;
    const widest = i === C.desc ? Math.max(...reconciliationLabels.map(fit)) : 0;
    return Math.max(base, fit(REPORT_HEADERS[i]), widest);
  });
}

/** What every row's formulas depend on. */
interface RowContext {
  convention: VarianceConvention;
  hasPrior: boolean;
  threshold: Decimal;
}

/**
 * The Flags cell as a live formula, so an ETC the accountant types updates it: the engine's
 * rules (build.ts) written over the row's cells. MID(..., 3, ...) drops the leading ", ".
 */
function flagsFormula(row: number, ctx: RowContext, account?: AccountRow): Cell {
  const at = (col: number) => a1(row, col);
  const parts = [`IF(${at(C.efc)}>${at(C.budget)},", ${FLAG_WORDS.overBudget}","")`];
  if (ctx.hasPrior)
    parts.push(`IF(ABS(${at(C.change)})>${ctx.threshold.toString()},", ${FLAG_WORDS.efcChange}","")`);
  if (account && !account.budgeted && account.level !== "UNCODED") {
    parts.push(`IF(OR(${at(C.atd)}<>0,${at(C.pos)}<>0),", ${FLAG_WORDS.unbudgeted}","")`);
  }
  if (account) {
    // A cleared ETC counts as 0 (README, cost report): said on the row, so a slip is seen.
    parts.push(`IF(ISBLANK(${at(C.etc)}),", ${BLANK_ETC_WORDS}","")`);
    parts.push(
      `IF(AND(${at(C.pos)}>0,${at(C.pos)}>MAX(0,${at(C.budget)}-${at(C.atd)})),", ${FLAG_WORDS.poOverRemaining}","")`,
    );
  }
  return { formula: `=MID(${parts.join("&")},3,200)` };
}

/** One account row: book figures and the ETC as values, the rest as formulas on them. */
function accountCells(r: AccountRow, row: number, ctx: RowContext): Cell[] {
  const { convention, hasPrior } = ctx;
  const f = r.figures;
  const at = (col: number) => a1(row, col);
  const label = r.level === "UNCODED" ? "Uncoded" : r.account;
  return [
    r.level === "UNCODED" ? label : { text: r.account },
    text(r.description),
    money(f.budget),
    money(f.thisPeriod),
    money(f.actualToDate),
    money(f.openPos),
    { formula: `=${at(C.atd)}+${at(C.pos)}` },
    money(f.etc),
    { formula: `=${at(C.committed)}+${at(C.etc)}` },
    { formula: varianceFormula(row, convention) },
    hasPrior ? money(f.priorEfc) : null,
    hasPrior ? { formula: `=${at(C.efc)}-${at(C.priorEfc)}` } : null,
    { formula: `=IF(${at(C.budget)}=0,"",${at(C.atd)}/${at(C.budget)})` },
    money(f.priorActualToDate),
    money(f.priorEtc),
    r.holdEfc ? HOLD_WORD : null,
    SOURCE_WORDS[r.etcSource],
    flagsFormula(row, ctx, r),
    text(r.note),
    money(f.etc),
  ];
}

function varianceFormula(row: number, convention: VarianceConvention): string {
  const budget = a1(row, C.budget);
  const efc = a1(row, C.efc);
  return convention === "UNDER" ? `=${budget}-${efc}` : `=${efc}-${budget}`;
}

/** A subtotal row: sums of its parts for the added columns, the same formulas for the rest. */
function totalCells(
  r: Exclude<ReportRow, AccountRow>,
  row: number,
  sumOf: (col: number) => string,
  ctx: RowContext,
): Cell[] {
  const { convention, hasPrior } = ctx;
  const at = (col: number) => a1(row, col);
  const name = r.kind === "category" ? `Total ${r.code} ${r.name}` : r.name;
  return [
    null,
    name,
    { formula: sumOf(C.budget) },
    { formula: sumOf(C.thisPeriod) },
    { formula: sumOf(C.atd) },
    { formula: sumOf(C.pos) },
    { formula: `=${at(C.atd)}+${at(C.pos)}` },
    { formula: sumOf(C.etc) },
    { formula: `=${at(C.committed)}+${at(C.etc)}` },
    { formula: varianceFormula(row, convention) },
    hasPrior ? { formula: sumOf(C.priorEfc) } : null,
    hasPrior ? { formula: `=${at(C.efc)}-${at(C.priorEfc)}` } : null,
    { formula: `=IF(${at(C.budget)}=0,"",${at(C.atd)}/${at(C.budget)})` },
    hasPrior ? { formula: sumOf(C.priorAtd) } : null,
    hasPrior ? { formula: sumOf(C.priorEtc) } : null,
    null,
    null,
    flagsFormula(row, ctx),
    null,
    null,
  ];
}

/**
 * The reconciliation's word on one total. Totals that hold the same money but show other cents
 * (amounts with fractions of a cent, each account rounded on its own) agree, and the sheet says
 * the difference is rounding rather than a missing line.
 */
function verdict(agreement: Agreement, report: Decimal, read: Decimal, agrees: string): string {
  if (agreement === "differs") return "DOES NOT AGREE";
  if (agreement === "agrees") return agrees;
  const cents = report.minus(read).abs().toFixed(2);
  return `${agrees}; the ${cents} difference is rounding (each account is rounded to the cent)`;
}

/** One line of the reconciliation: label, figure (money, or a count), word on it. */
interface ReconciliationLine {
  cells: [string, Cell, Cell];
  count?: boolean;
}

/**
 * The export's own total against the lines read (issue 16: a report-total line was counted as
 * a line and the doubled sum said to agree). Nothing when the export states no total.
 */
function controlTotalLines(check: LedgerCheck | undefined): ReconciliationLine[] {
  const control = check?.controlTotal;
  if (!check || !control) return [];
  const diff = check.linesTotal.minus(control.amount);
  const left =
    check.leftOut > 0
      ? `; ${check.leftOut} lines left out (${check.leftOutAmount.toFixed(2)} where readable) may explain it`
      : "";
  return [
    { cells: ["Ledger lines read, all dates", money(check.linesTotal), null] },
    {
      cells: [
        `Ledger total stated by the export (row ${control.row}, left out as a line)`,
        money(control.amount),
        diff.isZero()
          ? "Agrees with the lines read"
          : `DOES NOT AGREE: the lines read differ by ${diff.toFixed(2)}${left}`,
      ],
    },
  ];
}

function reconciliationCells(input: ReportSheetInput): ReconciliationLine[] {
  const { reconciliation: r, carriedEtcs, keptEtcs, heldEfcs } = input.report;
  // Rows that are not lines (titles, totals) are left out on purpose; unreadable rows are not.
  const unread = input.problems.filter((p) => p.problem.excluded && !p.problem.notALine).length;
  const notLines = input.problems.filter((p) => p.problem.notALine).length;
  const agrees = unread > 0 ? `Agrees with the lines read; rows left out (not in it): ${unread}` : "Agrees";
  const line = (label: string, figure: Decimal | undefined, word: Cell = null): ReconciliationLine => ({
    cells: [label, money(figure), word],
  });
  const count = (label: string, n: number, word: Cell = null): ReconciliationLine => ({
    cells: [label, n, word],
    count: true,
  });
  const openRead = r.poTotal.minus(r.poRelieved);
  return [
    { cells: ["Reconciliation", null, null] },
    count("Ledger lines read", r.ledgerLines),
    line("Ledger total to the cut-off", r.ledgerToDate),
    line(
      "Report actual to date",
      r.reportToDate,
      verdict(r.agreement.toDate, r.reportToDate, r.ledgerToDate, agrees),
    ),
    line("Ledger this period", r.ledgerThisPeriod),
    line(
      "Report this period",
      r.reportThisPeriod,
      verdict(r.agreement.thisPeriod, r.reportThisPeriod, r.ledgerThisPeriod, agrees),
    ),
    count("Ledger lines after the cut-off (not in this report)", r.laterLines),
    line("Ledger total after the cut-off", r.laterTotal),
    ...controlTotalLines(input.ledgerCheck),
    line("PO amounts read", r.poTotal),
    line("Relieved by ledger lines with their PO number", r.poRelieved),
    line(
      "Report open POs",
      r.reportOpenPos,
      verdict(r.agreement.openPos, r.reportOpenPos, openRead, "Agrees with the PO log"),
    ),
    count("Rows left out because they could not be read", unread, unread > 0 ? "See the list below" : null),
    count(
      "Title, heading and total rows of the inputs, left out (not lines)",
      notLines,
      notLines > 0 ? "See the list below" : null,
    ),
    count("ETCs carried from the previous report", carriedEtcs),
    count("EFCs held from the previous report", heldEfcs),
    count("ETCs kept from the report this one replaced", keptEtcs),
  ];
}

const LEDGER_HEADERS = [
  "Row",
  "Account",
  "Date",
  "Period",
  "Vendor",
  "Description",
  "PO #",
  "Reference",
  "Amount",
];
const LEDGER_FORMATS = [
  null,
  NUMBER_FORMATS.text,
  "yyyy-mm-dd",
  null,
  null,
  null,
  null,
  null,
  NUMBER_FORMATS.money,
];

function ledgerSection(title: string, lines: readonly LedgerLine[]): Cell[][] {
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(LEDGER_HEADERS.length - cells.length).fill(null)];
  return [
    pad([`${title}: ${lines.length}`]),
    [...LEDGER_HEADERS],
    ...lines.map((l) => [
      l.row,
      text(l.account),
      l.date ?? null,
      l.period === undefined ? null : typeof l.period === "number" ? l.period : text(l.period),
      text(l.vendor),
      text(l.description),
      text(l.po),
      text(l.reference ?? ""),
      amountToDecimal(l.amount).toNumber(),
    ]),
  ];
}

const PO_HEADERS = ["Row", "Account", "PO #", "Vendor", "Description", "Open amount"];
const PO_FORMATS = [null, NUMBER_FORMATS.text, null, null, null, NUMBER_FORMATS.money];

/** A PO's row, account, number, vendor and description as the list gives them (text). */
const poCells = (p: OpenPo): Cell[] => [
  p.row,
  text(p.account),
  text(p.po),
  text(p.vendor),
  text(p.description),
];

function poSection(pos: readonly PoLogLine[]): Cell[][] {
  return [
    [`Open POs on accounts not in the budget, or uncoded: ${pos.length}`, null, null, null, null, null],
    [...PO_HEADERS],
    ...pos.map((p) => [...poCells(p), p.open.toNumber()]),
  ];
}

const PO_LOG_HEADERS = ["Row", "Account", "PO #", "Vendor", "Description", "PO amount", "Relieved", "Open"];
const m = NUMBER_FORMATS.money;
const PO_LOG_FORMATS = [null, NUMBER_FORMATS.text, null, null, null, m, m, m];

/** The PO log: every PO read, what the ledger relieved of it and what is still open. */
function poLogSection(pos: readonly PoLogLine[], relieved: boolean): Cell[][] {
  const how = relieved
    ? "each relieved by the ledger lines to the cut-off with its PO number and account"
    : "amounts taken as open balances, not relieved by the ledger";
  return [
    [
      `PO log: ${pos.length} PO${pos.length === 1 ? "" : "s"}, ${how}`,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ],
    [...PO_LOG_HEADERS],
    ...pos.map((p) => [...poCells(p), p.amount.toNumber(), p.relieved.toNumber(), p.open.toNumber()]),
  ];
}

/** What the accountant may type in the Hold EFC column to hold the account's EFC. */
const HOLD_ANSWERS = new Set([HOLD_WORD.toLowerCase(), "y", "x", "true", "1", "hold", "efc"]);
const holds = (v: CellValue | undefined) =>
  HOLD_ANSWERS.has(
    String(v ?? "")
      .trim()
      .toLowerCase(),
  );

/** Reads a number cell of a previous report; blank or text is undefined. */
function numberCell(v: CellValue | undefined): Decimal | undefined {
  return typeof v === "number" && Number.isFinite(v) ? new Decimal(v) : undefined;
}

/**
 * Reads the previous cost report from its sheet's values: the account rows' ETC and EFC, and
 * whether each ETC is the accountant's (edited, or carried last time) or an untouched default.
 * A sheet made elsewhere, without the "ETC as built" column, has all its ETCs carried: they
 * are somebody's figures. Returns undefined when the sheet is not a cost report.
 */
export function readPriorReport(values: readonly (readonly CellValue[])[]): PriorRow[] | undefined {
  const headerAt = values.findIndex((row) => {
    const h = row.map((v) => String(v).trim().toLowerCase());
    return h.includes("etc") && h.includes("efc") && (h.includes("acct") || h.includes("account"));
  });
  if (headerAt < 0) return undefined;
  const h = values[headerAt].map((v) => String(v).trim().toLowerCase());
  const col = {
    acct: h.includes("acct") ? h.indexOf("acct") : h.indexOf("account"),
    etc: h.indexOf("etc"),
    efc: h.indexOf("efc"),
    built: h.indexOf("etc as built"),
    source: h.indexOf("etc source"),
    desc: h.indexOf("description"),
    atd: h.indexOf("actual to date"),
    hold: h.indexOf("hold efc"),
    notes: h.indexOf("notes"),
  };
  const textAt = (row: readonly CellValue[], c: number) => (c >= 0 ? String(row[c] ?? "").trim() : "");
  const rows: PriorRow[] = [];
  for (let r = headerAt + 1; r < values.length; r++) {
    const row = values[r];
    const acct = row[col.acct];
    const label = col.desc >= 0 ? String(row[col.desc] ?? "") : "";
    // The body ends at the grand total; below it are the reconciliation and the lists.
    if (label === "Grand total") break;
    if (acct === "" || acct === undefined || acct === "Uncoded") continue;
    // One rule for a cleared ETC, this week and next: it is 0. The sheet's EFC (committed + ETC)
    // counted it as 0 when the report was sent, so next week starts from that EFC, not from the
    // budget left (which would move the EFC by money nobody spent or estimated).
    const cleared = row[col.etc] === "" || row[col.etc] === null || row[col.etc] === undefined;
    const etc = cleared ? ZERO : numberCell(row[col.etc]);
    const built = col.built >= 0 ? numberCell(row[col.built]) : undefined;
    // Carried or kept last time: the accountant's figure, even when not edited since.
    const source = col.source >= 0 ? String(row[col.source]) : "";
    const wasCarried = source === SOURCE_WORDS.carried || source === SOURCE_WORDS.kept;
    const edited =
      col.built < 0 ||
      wasCarried ||
      cleared ||
      (etc !== undefined && (built === undefined || !etc.eq(built)));
    rows.push({
      account: String(acct),
      etc,
      efc: numberCell(row[col.efc]),
      etcEdited: edited,
      actualToDate: col.atd >= 0 ? numberCell(row[col.atd]) : undefined,
      description: textAt(row, col.desc),
      note: textAt(row, col.notes),
      holdEfc: col.hold >= 0 && holds(row[col.hold]),
    });
  }
  return rows;
}
