/**
 * The Bids panel's dealings with the workbook, through the port only: bids read from the
 * selection or a table, where the comparison sheet goes (its own sheet, replaced on re-run), and
 * the write of an award into a budget line.
 */
import {
  NUMBER_FORMATS,
  PortError,
  parseA1,
  sheetRef,
  type Cell,
  type RangeRef,
  type WorkbookPort,
  type WritePlan,
} from "../../excel/port";
import { marksSheet } from "../shell/ownedSheet";
import { BIDS_OWNER, COMPARISON_KEY, COMPARISON_SHEET, type ComparisonLayout } from "./comparisonSheet";

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

/**
 * Where the comparison goes: the sheet the pane made before (replaced), or a new sheet whose name
 * no sheet of the user's has ("Bid comparison", then "Bid comparison 2", ...).
 */
export async function comparisonTarget(
  port: WorkbookPort,
): Promise<{ sheetName: string; mode: "create" | "replaceOwned" }> {
  const owned = (await port.findOwned(BIDS_OWNER)).find((r) => r.key === COMPARISON_KEY);
  const sheets = await port.listSheets();
  if (owned && sheets.includes(owned.sheet)) return { sheetName: owned.sheet, mode: "replaceOwned" };
  const taken = new Set(sheets.map((s) => s.toLowerCase()));
  let name = COMPARISON_SHEET;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${COMPARISON_SHEET} ${i}`;
  return { sheetName: name, mode: "create" };
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

/**
 * The plan that writes an award into one budget cell (money format): a link to the comparison
 * sheet's total, or the amount. The caller has asked the user first: the cell is in a sheet the
 * pane does not own.
 */
export function awardWritePlan(target: RangeRef, amount: Cell): WritePlan {
  const { row, column } = parseA1(target.address);
  return {
    owner: BIDS_OWNER,
    sheets: [
      {
        name: target.sheet,
        mode: "existing",
        blocks: [{ row, column, cells: [[amount]], columnFormats: [NUMBER_FORMATS.money] }],
      },
    ],
  };
}
