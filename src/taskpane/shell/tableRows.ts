/*
 * Where PROD's rows are on an earlier comparison sheet the user has worked on (issue 21): rows
 * the user inserted or deleted with Excel's Insert and Delete Sheet Rows, above a table or inside
 * it. Each row PROD writes carries its hidden check (userWork.ts rowCheck), which moves with the
 * row and names the row PROD wrote it at (`v2 r7`); PROD writes a table's rows one under
 * another. So a row with no check of PROD's between two that were written one under the other
 * is one the user inserted there: blank, or with their own words and figures, it is the user's,
 * and PROD's rows after it are still PROD's. Pure: the comparison panels' readers (versions,
 * whatif and incentives comparisonSheet) call it on the cells earlierWork read.
 */
import { findCheckColumn, parseCheck, readRowCheck, valueAt, type OwnRow, type SheetCells } from "./userWork";

/**
 * Where the row PROD wrote at `written` (0-based) is now: the row whose check, the first cell
 * at or right of `from` that holds one, says PROD wrote it there (rows the user inserted or
 * deleted above it moved it); `written` itself when no row says so (a sheet written before
 * checks, or one whose check is gone: read as before).
 */
export function rowNow(cells: SheetCells, written: number, from: number): number {
  const writtenAt = (row: number) => {
    const at = findCheckColumn(cells, row, from);
    return at === null ? null : (parseCheck(valueAt(cells, row, at))?.written ?? null);
  };
  if (writtenAt(written) === written) return written;
  for (let r = cells.row; r < cells.row + cells.values.length; r++) if (writtenAt(r) === written) return r;
  return written;
}

/** A table PROD wrote: where it is now and how its rows are laid out. */
export interface TableAt {
  /**
   * The sheet row of the table's heading row now (0-based; its header, a list's heading): the
   * table starts under it, and PROD wrote its first row under the row the heading's check names.
   */
  heading: number;
  /** The layout of each of its rows (a whole check has a part per cell of PROD's). */
  layout: Pick<OwnRow, "width" | "notes" | "check">;
  /** Whether a row has what PROD writes on each row of the table (its code or its name). */
  labelled: (row: number) => boolean;
  /** Whether a row is one PROD writes after the table (a heading in column A): the table ends above it. */
  after: (row: number) => boolean;
}

/**
 * The sheet rows of PROD's rows in a table of an earlier sheet, in order. On a sheet written
 * before checks (no check column: `check` undefined) or one whose check column is gone (null),
 * as before: the rows from `first` to the first without PROD's label (a row the user inserted
 * there ends the table, and the rows under it read as the user's; none of them is lost).
 *
 * With checks, the table goes on past rows with no check of PROD's to the last row that carries
 * a whole check of a table row, and ends above a row PROD writes after it (`after`: a list's
 * heading, the kept heading) or one with a check of another kind of row (a list after the table,
 * its heading retyped). A row without a check between two of PROD's is:
 * - the user's when PROD wrote those two one under the other (no row of PROD's was ever between
 *   them): a row the user inserted, blank or with their words, figures and formulas;
 * - else, with PROD's label, PROD's own row whose check the user deleted or typed over (the
 *   rows' numbers as written leave room for it; userWork's lostChecks names it), and without,
 *   the user's (PROD writes a label on every row);
 * - after the last row with a check, as before checks: PROD's to the first without PROD's label
 *   (the table's last rows with their checks gone cannot be told from rows the user added under
 *   it). A row PROD deleted is simply not there: its key is missing, and nothing is taken for it.
 */
export function tableRows(cells: SheetCells, table: TableAt): number[] {
  const { layout, labelled, after } = table;
  const first = table.heading + 1;
  const last = cells.row + cells.values.length;
  const rows: number[] = [];
  const labelledFrom = (candidates: readonly number[]) => {
    for (const r of candidates) {
      if (!labelled(r)) break;
      rows.push(r);
    }
  };
  const check = layout.check;
  if (typeof check !== "number") {
    labelledFrom(Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i));
    return rows;
  }
  // The row as written of the last row of PROD's read, the heading's at first (null: not known).
  let previous = parseCheck(valueAt(cells, table.heading, check))?.written ?? null;
  let between: number[] = [];
  for (let r = first; r < last && !after(r); r++) {
    const read = readRowCheck(cells, { ...layout, row: r });
    if (read !== null) {
      const gap = read.written === null || previous === null ? null : read.written - previous - 1;
      rows.push(...between.filter((b) => gap !== 0 && labelled(b)), r);
      previous = read.written;
      between = [];
    } else if (parseCheck(valueAt(cells, r, check)) !== null) break;
    else between.push(r);
  }
  labelledFrom(between);
  return rows;
}
