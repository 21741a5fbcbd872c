/**
 * The Bids panel's dealings with the workbook, through the port only: bids read from the
 * selection or a table, where the comparison sheet goes (its own sheet, replaced on re-run), and
 * the write of an award into a budget line.
 */
import { awardTarget, type AwardTarget } from "../../engine/bids";
import {
  NUMBER_FORMATS,
  PortError,
  a1,
  a1Range,
  parseA1,
  sheetRef,
  type Cell,
  type CellBlock,
  type RangeRef,
  type WorkbookPort,
  type WritePlan,
} from "../../excel/port";
import { marksSheet, sheetTarget, type SheetTarget } from "../shell/ownedSheet";
import {
  AWARD_TOTALS_RANGE,
  BIDS_OWNER,
  COMPARISON_KEY,
  COMPARISON_SIGNATURE,
  COMPARISON_SHEET,
  LINKS_CELL,
  LINKS_INDEX,
  NO_SINGLE,
  SINGLE_TOTAL_INDEX,
  formatLinks,
  parseLinks,
  readUserNotes,
  type AwardLink,
  type ComparisonLayout,
  type UserNote,
} from "./comparisonSheet";

/** Rows of a bid read from the workbook, with where they came from. */
export interface WorkbookRows {
  /** "Sheet1!A1:E20" or "Table GripBid", for the vendor card. */
  readonly source: string;
  /** A name to start the vendor's name with (the table or sheet). */
  readonly suggestedName: string;
  /** The cells, header row first. */
  readonly rows: unknown[][];
  /** The row number (1-based, as Excel shows it) of `rows[0]`. */
  readonly firstRowNumber: number;
}

/** A selection bigger than this is read through the sheet's used range (a whole column is 1M rows). */
const LARGE_SELECTION_CELLS = 100_000;

/**
 * The selected range's cells, header row first. A selection of whole columns or rows is cut to
 * the part of the sheet that has content, so H:H reads the bid's rows, not a million blanks.
 */
export async function rowsFromSelection(port: WorkbookPort): Promise<WorkbookRows> {
  const selection = await port.getSelection();
  const sel = parseA1(selection.address);
  let rows: unknown[][];
  let top = sel.row;
  if (sel.rowCount * sel.columnCount <= LARGE_SELECTION_CELLS) {
    rows = (await port.readRange(selection)).values;
  } else {
    const used = await port.readUsedRange(selection.sheet);
    const area = used ? parseA1(used.address) : undefined;
    top = Math.max(sel.row, area?.row ?? 0);
    const bottom = Math.min(sel.row + sel.rowCount, area ? area.row + area.rowCount : 0);
    const left = Math.max(sel.column, area?.column ?? 0);
    const right = Math.min(sel.column + sel.columnCount, area ? area.column + area.columnCount : 0);
    rows =
      used && area && bottom > top && right > left
        ? used.values
            .slice(top - area.row, bottom - area.row)
            .map((r) => r.slice(left - area.column, right - area.column))
        : [];
  }
  return {
    source: `${selection.sheet}!${selection.address}`,
    suggestedName: selection.sheet,
    rows,
    firstRowNumber: top + 1,
  };
}

/** An Excel table's header and rows. */
export async function rowsFromTable(port: WorkbookPort, name: string): Promise<WorkbookRows> {
  const table = await port.readTable(name);
  if (!table) throw new PortError("notFound", `There is no table named "${name}" any more.`, [name]);
  return {
    source: `Table ${table.name}`,
    suggestedName: table.name,
    rows: [table.headers, ...table.rows],
    firstRowNumber: parseA1(table.address).row + 1,
  };
}

/** Where the comparison goes ({@link sheetTarget}): "Bid comparison", then "Bid comparison 2", ... */
export function comparisonTarget(port: WorkbookPort): Promise<SheetTarget> {
  return sheetTarget(port, BIDS_OWNER, COMPARISON_KEY, COMPARISON_SHEET, COMPARISON_SIGNATURE);
}

/** Whether a range is a single cell. */
export function isSingleCell(ref: RangeRef): boolean {
  const { rowCount, columnCount } = parseA1(ref.address);
  return rowCount === 1 && columnCount === 1;
}

/**
 * The formula that links a budget cell to an award's total on the comparison sheet
 * (`='Bid comparison'!$C$42`), or null when that sheet is no longer there or no longer the
 * pane's (the user deleted or renamed it, or took it over): then only a plain number is honest.
 */
export async function comparisonAwardLink(
  port: WorkbookPort,
  sheet: { readonly sheetName: string; readonly layout: ComparisonLayout },
  award: "single" | "split",
): Promise<{ sheetName: string; formula: string } | null> {
  const address = award === "single" ? sheet.layout.singleTotal : sheet.layout.splitTotal;
  if (!address) return null;
  if (!marksSheet(await port.findOwned(BIDS_OWNER), COMPARISON_KEY, sheet.sheetName)) return null;
  if (!(await port.listSheets()).includes(sheet.sheetName)) return null;
  return { sheetName: sheet.sheetName, formula: `=${sheetRef(sheet.sheetName)}!${address}` };
}

/** What a comparison sheet about to be replaced holds that the new one must keep. */
export interface EarlierComparison {
  /** Whether its single award's cell held a total (a budget cell may link to it). */
  readonly hadSingle: boolean;
  /** That total, when Excel gives it as a number. */
  readonly singleTotal?: number;
  /** The budget cells the pane linked to its totals. */
  readonly links: AwardLink[];
  /** The notes the user typed in its notes column, by item (issue 17: a re-run keeps them). */
  readonly userNotes: UserNote[];
}

/**
 * Reads the comparison sheet about to be replaced, in one read of its used range: its fixed row
 * of award totals and links ({@link AWARD_TOTALS_RANGE}) and the user's notes.
 */
export async function earlierComparison(port: WorkbookPort, sheetName: string): Promise<EarlierComparison> {
  const used = await port.readUsedRange(sheetName);
  if (!used) return { hadSingle: false, links: [], userNotes: [] };
  // The used range starts wherever the sheet's first content is: find the fixed row from there.
  const area = parseA1(used.address);
  const fixed = parseA1(AWARD_TOTALS_RANGE);
  const row = used.values[fixed.row - area.row] ?? [];
  const at = (index: number): unknown =>
    fixed.column + index >= area.column ? row[fixed.column + index - area.column] : undefined;
  const single = at(SINGLE_TOTAL_INDEX);
  return {
    hadSingle: single !== undefined && single !== "" && single !== NO_SINGLE,
    ...(typeof single === "number" ? { singleTotal: single } : {}),
    links: parseLinks(at(LINKS_INDEX)),
    userNotes: readUserNotes(used.values),
  };
}

/** The cell as a link record names it: `'Budget detail'!$J$12`. */
export function linkCellName(target: RangeRef): string {
  const { row, column } = parseA1(target.address);
  return `${sheetRef(target.sheet)}!${a1(row, column, true)}`;
}

/** Rows above a budget cell searched for its header row (the engine's awardTarget). */
const HEADER_ROWS_READ = 200;
/** Columns read from A for a budget line: at least to Z (the templates' detail ends at N). */
const LINE_COLUMNS_READ = 26;

/** A budget cell, what it means on its line, and the cells of that line. */
export interface BudgetCell {
  /** 0-based row and column of the cell. */
  readonly row: number;
  readonly column: number;
  /** What the column is on a budget line; undefined when no budget header is found above. */
  readonly meaning?: AwardTarget;
}

/**
 * Reads what the chosen budget cell is on its line (issue 17: an award put into a Rate was
 * multiplied by the line's Amount x X): the cells above it, to its header row, in one read.
 */
export async function readBudgetCell(port: WorkbookPort, target: RangeRef): Promise<BudgetCell> {
  const { row, column } = parseA1(target.address);
  const top = Math.max(0, row - HEADER_ROWS_READ);
  const width = Math.max(column + 1, LINE_COLUMNS_READ);
  const read = await port.readRange({ sheet: target.sheet, address: a1Range(top, 0, row - top + 1, width) });
  const meaning = awardTarget(read.values, row - top, column);
  return { row, column, ...(meaning ? { meaning } : {}) };
}

/** Where an award goes: one cell, or a line's Rate with its Amount and X set to 1. */
export interface AwardPlacement {
  readonly sheet: string;
  readonly row: number;
  /** The column the award goes into. */
  readonly column: number;
  /** Columns on the same row set to 1 (the line's Amount and X). */
  readonly ones?: readonly number[];
}

/** The cells a placement writes, by A1 address (for the question and the check for content). */
export function placementCells(placement: AwardPlacement): RangeRef[] {
  return [placement.column, ...(placement.ones ?? [])].map((c) => ({
    sheet: placement.sheet,
    address: a1(placement.row, c),
  }));
}

/**
 * The plan that writes an award into a budget line (money format): a link to the comparison
 * sheet's total, or the amount; with the line's Amount and X set to 1 when the award goes into
 * its Rate. A link is also listed on the comparison sheet ({@link LINKS_CELL}), so a re-run can
 * tell which budget cells follow it. The caller has asked the user first: the cells are in a
 * sheet the pane does not own.
 */
export function awardWritePlan(
  placement: AwardPlacement,
  amount: Cell,
  record?: { readonly sheetName: string; readonly links: readonly AwardLink[] },
): WritePlan {
  const { row, column } = placement;
  const blocks: CellBlock[] = [
    { row, column, cells: [[amount]], columnFormats: [NUMBER_FORMATS.money] },
    ...(placement.ones ?? []).map((c) => ({
      row,
      column: c,
      cells: [[1]],
      columnFormats: [NUMBER_FORMATS.quantity],
    })),
  ];
  const { row: linksRow, column: linksColumn } = parseA1(LINKS_CELL);
  return {
    owner: BIDS_OWNER,
    sheets: [
      { name: placement.sheet, mode: "existing", blocks },
      ...(record
        ? [
            {
              name: record.sheetName,
              mode: "existing" as const,
              blocks: [
                {
                  row: linksRow,
                  column: linksColumn - 1,
                  cells: [["Linked from", { text: formatLinks(record.links) }]],
                },
              ],
            },
          ]
        : []),
    ],
  };
}
