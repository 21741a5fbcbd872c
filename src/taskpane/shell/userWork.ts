/*
 * What the user typed on a sheet PROD wrote, and where it goes when PROD writes that sheet again.
 * spec/taskpane.md (first rules): PROD's own output "is replaced only after a question when the
 * user has typed into it (an ETC, a note) or when other cells link to it; what the user typed is
 * carried into the new output". Pure: a panel reads the old sheet's cells (values and formulas of
 * its used range) and describes the rows PROD wrote on it, old and new, by the label that tells
 * each row (an account code, a top-sheet line); this finds the user's cells and places each one.
 *
 * What counts as typed by the user:
 * - "note": anything in a row's "Your notes" column (the column PROD gives the user's notes);
 * - "beside": anything to the right of the columns PROD writes on one of its rows;
 * - "over": a constant where PROD wrote a live formula (a figure typed over PROD's); and, on a row
 *   that carries PROD's check (below), anything in a cell of PROD's that is no longer what PROD
 *   wrote there: a label or heading retyped, a formula of the user's over PROD's, a figure typed
 *   over a value;
 * - "loose": anything on a row PROD did not write (rows below, blank rows PROD left);
 * - "row": on a row whose check is gone (below), what its cells of PROD's hold, whoever wrote it
 *   (PROD cannot tell), but its label's column (0: the row's label is read from it) and a figure
 *   typed over a formula ("over"); and on a row kept under the kept heading, anything in the
 *   columns there that are not its label's or its notes'.
 *
 * A row's check (issue 21): what PROD wrote on each of its cells, kept in one hidden column right
 * of PROD's columns (after "Your notes"), as one short hash per cell (FNV-1a, engine/check.ts) of
 * what Excel reads back: a number to 15 digits, text as it is, TRUE/FALSE, a formula by its shape
 * (formulaRefs.ts formulaShape: another function, operator or constant is the user's) and where
 * each of its references to the sheet's own cells points: the row as PROD wrote it (each check
 * names its row, and moves with it) and the column from the formula's (formulaToken). So a
 * reference Excel moved when rows were inserted or deleted anywhere, or a SUM Excel widened, is
 * still PROD's, and one the user pointed elsewhere by hand (=C6-E6 for PROD's =C6-D6) is the
 * user's, named with PROD's formula as it read. A check written before it kept where formulas
 * point (no CHECK_VERSION) is read as then: a formula by its shape alone. A sheet written before
 * checks (no check column) is read as before: PROD's labels and formulas there are taken as
 * PROD's, so a label the user retyped is replaced. A row whose check the user deleted or typed
 * over is read so too, and the pane says so (lostChecks); a reference to such a row points where
 * PROD wrote it when the checked rows around it tell (placeLostRows), else it reads as one to a
 * row of the user's. What tells the two apart is not the check column, which
 * the user can delete, but the sheet's hidden PROD_HIDDEN name that the port writes for the
 * column it hides (port.ts: Excel keeps the name when the column is deleted, whatever the user
 * did to the sheet's note) and, failing it, the note's own words ({@link CHECK_NOTE}).
 *
 * For a panel that writes a comparison sheet (the helpers engineer B's Scenario and Incentive
 * comparisons call, as the Budget comparison does):
 * - writing: `rowCheck(cells, notes, at)` is the check cell of a row from the Cells PROD writes on
 *   it (from column 0), and `rowChecksBlock(rows, column, sheet)` the whole check column as one block;
 *   hide that column (`SheetPlan.hiddenColumns`), give the new rows' OwnRow `check` that column
 *   and placeTypedCells' KeptLayout `check` too, so nothing of the user's is placed there;
 * - reading: the earlier sheet's OwnRow `check` is the column `checkColumnOf` finds (null when
 *   the sheet had checks and the column is gone, undefined for a sheet from before checks), and
 *   `headings` names PROD's columns for the words; `earlierWork` then reads `findTypedCells` (with
 *   the sheet's name: a reference naming it is one to its own cells) and `lostChecks` for the
 *   question, and `changedSinceWritten` tells whether a cell the sheet invites the user to change
 *   (the Incentive comparison's Settings and Exchange rate) is still as PROD wrote it.
 *
 * Where it goes: a note or a cell beside a row goes to the row with the same label in the new
 * output (the nth row of a label to the nth), a note to its notes column, a cell beside at the same
 * offset to the right of PROD's columns there (the new output may be wider or narrower). A figure
 * typed over a formula is never put into a live cell (the comparison would be wrong): it is carried
 * as a note beside its row that says what it was (on a row the new output does not have, under
 * the heading beside the row's label, saying nothing was put back in its place). A cell typed
 * where PROD left its cell blank goes to the first free column right of PROD's on its row. Cells
 * of a row whose label the new output does not have, and loose cells, go after PROD's output under
 * a heading that says they came from the earlier output; a row's cells keep its label there. A
 * row whose check is gone is kept there whole when the new output does not have it ("row": each
 * cell in its column, as it read), since what the user retyped in it cannot be told from PROD's;
 * where the new output has it, PROD's own is back in its cells (the question says so,
 * ownedSheet.ts lostCheckWords). A kept row's cells that come back to a row of the new output go
 * beside it, PROD's own in its columns. Nothing typed is dropped (but in PROD's cells of a row
 * whose check is gone that the new output has), none lands on a cell PROD writes or in the hidden
 * check column, no two land on the same cell (test/taskpane/shell/userWork.test.ts, a property).
 *
 * Text stays text and numbers and TRUE/FALSE stay what they were, each with the number format
 * its cell had (a date typed is a serial that shows as a date only in its format). A formula the
 * user wrote is carried as written when it refers to no cell of the sheet itself (other sheets,
 * names, constants): its meaning does not change where it lands. One that refers to the sheet's own
 * cells would point at other cells after the rows move, so its value is carried instead, and the
 * pane says so.
 */
import { checkedNumber, fnv1a } from "../../engine/check";
import { storedCell } from "../../engine/whatif/scenarios";
import { formulaRefs, formulaShape, namesSheet, ownReferences } from "../../excel/formulaRefs";
import { outsideQuotes } from "../../excel/formulaQuotes";
import {
  a1,
  columnLetter,
  NUMBER_FORMATS,
  type Cell,
  type CellBlock,
  type CellValue,
  type TextCell,
} from "../../excel/port";
import { count } from "./words";

/** One row PROD wrote on a sheet: what tells it, and which of its cells are PROD's. */
export interface OwnRow {
  /** 0-based sheet row. */
  row: number;
  /** What tells the row across runs ("code 2300", "#header"): matched exactly. */
  key: string;
  /** The row's label in words, for the user ("2300 Sets", "Grand total"). */
  label: string;
  /** PROD writes columns 0 to width - 1 on the row (its notes column included): the rest is beside. */
  width: number;
  /** The row's "Your notes" column (under width), whose content is the user's; null if none. */
  notes: number | null;
  /** The columns where PROD wrote a live formula, each with its heading ("Difference: Approved"). */
  formulas?: ReadonlyMap<number, string>;
  /** Headings of PROD's other columns ("Description"), for the words about a cell retyped. */
  headings?: ReadonlyMap<number, string>;
  /**
   * The column of the row's check ({@link rowCheck}), PROD's and hidden, at or right of `width`:
   * undefined on a sheet written before PROD kept checks; null when the sheet had them and the
   * column is gone (the user deleted it).
   */
  check?: number | null;
  /**
   * For a row kept under the kept heading ({@link readKeptRows}): the keys of the rows it may have
   * been kept from. Its cells go back to the one of them the new output has; with none, or more
   * than one (its label could be either), they stay kept.
   */
  back?: readonly string[];
}

/** A sheet's cells as read: the used range's values, formulas and number formats, from its top-left. */
export interface SheetCells {
  /** 0-based sheet row and column of the grid's top-left cell. */
  row: number;
  column: number;
  values: readonly (readonly CellValue[])[];
  /** Excel's `formulas`: the formula text where there is one, else the value. */
  formulas: readonly (readonly CellValue[])[];
  /** Excel's `numberFormat`: "General" where none was set, "m/d/yyyy" on a typed date. */
  numberFormats: readonly (readonly string[])[];
  /**
   * The columns PROD hid on the sheet as its PROD_HIDDEN name holds them now (none left when the
   * user deleted them); absent when the sheet has no such name (UsedRangeData.hiddenByProd).
   */
  hiddenByProd?: readonly number[];
}

/** Where a cell the user typed was, for the rules above. */
export type TypedKind = "note" | "beside" | "over" | "loose" | "row";

/** A cell the user typed on the sheet PROD wrote before. */
export interface TypedCell {
  kind: TypedKind;
  /** 0-based sheet row and column on the old sheet. */
  row: number;
  column: number;
  /** The row of PROD's it was on, and which row of that label (0 for the first); null when loose. */
  on: { key: string; label: string; occurrence: number; width: number; back?: readonly string[] } | null;
  value: CellValue;
  /** The formula the user wrote there, or null for a constant. */
  formula: string | null;
  /** The cell's number format, carried with it: a date typed is a serial shown as a date. */
  format: string;
  /** For "over": the heading of PROD's column it was typed over, when the panel names it. */
  over?: string;
  /** For "over": what PROD wrote there, a live formula or its own content (a label, a value). */
  under?: "formula" | "content";
  /**
   * For "beside" typed in one of PROD's columns where PROD left the cell blank (an Exchange rate
   * for a program in the budget's own currency): the column's heading, when the panel names it.
   */
  heading?: string;
  /**
   * For "over", when the user only pointed PROD's formula at other cells (=C6-E6 for PROD's
   * =C6-D6): PROD's formula as it read on the earlier sheet then, for the words.
   */
  prod?: string;
}

/** A formula, not text that begins with "=" (Excel gives such text as both value and formula). */
const isFormula = (value: CellValue, formula: CellValue) => storedCell(value, formula).kind === "formula";
const isEmpty = (value: CellValue, formula: CellValue) =>
  value === "" && (formula === "" || formula === null);

/** How every row check begins: it says what the cell is to whoever unhides the column. */
export const ROW_CHECK = "PROD check (what PROD wrote on this row; do not edit):";

/**
 * The mark after {@link ROW_CHECK} of a check that says where its row's formulas point: `v2 r7`
 * is a row PROD wrote as sheet row 7 (1-based, as the user counts). A check without it was
 * written before PROD kept where formulas point (each formula by its shape alone): it is read so.
 */
const CHECK_VERSION = "v2";

/** Where a row's check is written ({@link rowCheck}). */
export interface CheckedAt {
  /** The sheet's name: a reference that names it is one to the sheet's own cells. */
  sheet: string;
  /** The row's 0-based sheet row. */
  row: number;
  /** Every row of the sheet that carries PROD's check, this one included. */
  checked: ReadonlySet<number>;
}

/** What a cell other than a formula is checked as: what Excel reads back of it ({@link matchesCheck}). */
function valueReading(cell: Exclude<Cell, { formula: string }>): string {
  if (cell === null) return "";
  if (typeof cell === "number") return `n${checkedNumber(cell)}`;
  if (typeof cell === "boolean") return cell ? "bTRUE" : "bFALSE";
  return typeof cell === "string" ? `t${cell}` : `t${cell.text}`;
}

/**
 * A formula's part of its row's check: the hash of its shape (formulaShape: what it computes,
 * its references left out), then, after `@`, where each of its references to the sheet's own
 * cells points, in order, `;` between them: each end as `row.column`, the row as the row PROD
 * wrote it at (`asWritten`, 1-based; `#` for a row that carries no check of PROD's), the column
 * counted from the formula's own; a whole column's end has no row, a whole row's no column
 * (`5.-2:9.-2` is a range two columns left, from the row written as 5 to the one written as 9).
 *
 * Why the row as written: Excel moves a reference with its row when the user inserts or deletes
 * rows anywhere, and keeps a range's end rows when rows are inserted inside it (SUM(C5:C9) becomes
 * SUM(C5:C10)); the hidden check cell moves with its row too, so a reference read later points
 * at the row whose check names the same row as written, while one the user moved by hand points
 * at another (or at a row of the user's: `#`). A row's key would do as much until the user
 * retypes its label, which the check already tells; then every formula pointing at the row would
 * read as changed. The column is counted from the formula's: the user may insert columns left of
 * the table, which moves both, but PROD reads its columns by place, so either would do.
 * References to other sheets are left to the shape: PROD rewrites those sheets, and Excel moves
 * them when it does.
 */
function formulaToken(
  formula: string,
  sheet: string,
  column: number,
  asWritten: (row: number) => number | null,
): string {
  const row = (r: number | null) => {
    if (r === null) return "";
    const written = asWritten(r);
    return written === null ? "#" : String(written + 1);
  };
  const points = ownReferences(formula, sheet).map((ref) =>
    ref.ends.map((end) => `${row(end.row)}.${end.column === null ? "" : end.column - column}`).join(":"),
  );
  const shape = fnv1a(`f${formulaShape(formula, sheet)}`);
  return points.length === 0 ? shape : `${shape}@${points.join(";")}`;
}

/** The part of a row's check for one cell PROD writes in `column` ({@link formulaToken} for a formula). */
function writtenToken(cell: Cell, column: number, at: CheckedAt): string {
  if (cell !== null && typeof cell === "object" && "formula" in cell)
    return formulaToken(cell.formula, at.sheet, column, (r) => (at.checked.has(r) ? r : null));
  return fnv1a(valueReading(cell));
}

/** How a check is read: as written before PROD kept where formulas point (1), or with it (2). */
type CheckReading =
  | { version: 1 }
  | {
      version: 2;
      sheet: string;
      /** The row PROD wrote the row at now at `row` (0-based), by its check; null for none. */
      asWritten: (row: number) => number | null;
      /** Where the row PROD wrote at `row` is now; null when it is gone. */
      now: (row: number) => number | null;
    };

/**
 * Whether a cell read back (Excel's value and formula) at `column` is what `token` says PROD
 * wrote: "yes", or "moved" for PROD's formula with only its references pointed elsewhere by hand,
 * or "no". Text that begins with "=" reads as both value and formula, as does a formula whose
 * result is its own text: either reading may be PROD's.
 */
function matchesCheck(
  value: CellValue,
  formula: CellValue,
  token: string,
  column: number,
  reading: CheckReading,
): "yes" | "moved" | "no" {
  const readings: string[] = [];
  if (typeof formula === "string" && formula.startsWith("="))
    readings.push(
      reading.version === 1
        ? fnv1a(`f${formulaShape(formula)}`)
        : formulaToken(formula, reading.sheet, column, reading.asWritten),
    );
  if (typeof value === "number") readings.push(fnv1a(`n${checkedNumber(value)}`));
  if (typeof value === "boolean") readings.push(fnv1a(value ? "bTRUE" : "bFALSE"));
  if (typeof value === "string") readings.push(fnv1a(value === "" ? "" : `t${value}`));
  // A formula's result is not what PROD wrote there (a formula of the user's giving PROD's figure).
  const read = isFormula(value, formula) ? readings.slice(0, 1) : readings;
  if (
    read.includes(token) ||
    (isFormula(value, formula) && afterDeletedRows(String(formula), token, column, reading))
  )
    return "yes";
  const shape = (t: string) => t.split("@")[0];
  return isFormula(value, formula) && token.includes("@") && shape(read[0]) === shape(token) ? "moved" : "no";
}

/** What a formula's `#REF!` for a reference to its own sheet is read as ({@link afterDeletedRows}): no row of PROD's. */
const GONE_CELL = "XFD1048576";

/**
 * Whether `formula` is PROD's (`token`) as Excel rewrote it when the user deleted rows PROD
 * wrote (Delete Sheet Rows; formulaRefs.ts deleteRowsIn): each reference to a row that is gone
 * is `#REF!` (a range's too when all its rows are gone), and a range whose first or last rows are
 * gone starts or ends on the nearest of its rows left. "Gone": no row of the sheet carries the
 * check PROD wrote on it. The user's own change is never read so: a reference pointed by hand
 * at another row, or a `#REF!` for a row that is still there.
 */
function afterDeletedRows(formula: string, token: string, column: number, reading: CheckReading): boolean {
  if (reading.version === 1 || !token.includes("@")) return false;
  const prod = token.slice(token.indexOf("@") + 1).split(";");
  // Each bare #REF! as a reference of its own, a range where PROD's was one, to read its place.
  let i = 0;
  const cells = outsideQuotes(
    formula,
    (code) => code.replace(/(?<![!\w'$])#REF!/g, () => `${GONE_CELL}\u0000`),
    '"',
  );
  const standIn = cells.split("\u0000").reduce((out, part, n, parts) => {
    if (n === parts.length - 1) return out + part;
    i = ownReferences(out + part, reading.sheet).length - 1;
    return out + part + (prod[i]?.includes(":") ? `:${GONE_CELL}` : "");
  }, "");
  const read = formulaToken(standIn, reading.sheet, column, reading.asWritten);
  if (read.split("@")[0] !== token.split("@")[0]) return false;
  const points = read.slice(read.indexOf("@") + 1).split(";");
  const refs = ownReferences(standIn, reading.sheet);
  if (points.length !== prod.length) return false;
  const gone = (from: number, to: number) => {
    for (let w = from; w <= to; w++) if (reading.now(w - 1) !== null) return false;
    return true;
  };
  return prod.every((wrote, n) => {
    if (wrote === points[n]) return true;
    const ends = wrote.split(":").map((end) => end.split("."));
    const rows = ends.map(([row]) => Number(row));
    if (ends.some(([row]) => row === "" || row === "#")) return false;
    if (refs[n].address.startsWith(GONE_CELL)) return gone(rows[0], rows[rows.length - 1]);
    const now = points[n].split(":").map((end) => end.split("."));
    if (now.length !== ends.length || now.some(([row], e) => row === "#" || now[e][1] !== ends[e][1]))
      return false;
    const [first, last] = [Number(now[0][0]), Number(now[now.length - 1][0])];
    // A range's first rows gone: it starts on the next row left; its last rows gone: ends above.
    return (
      ends.length === 2 &&
      (first === rows[0] || (first > rows[0] && gone(rows[0], first - 1))) &&
      (last === rows[1] || (last < rows[1] && gone(last + 1, rows[1])))
    );
  });
}

/**
 * PROD's formula as it read on the earlier sheet, where the user's `formula` (of the same shape,
 * {@link matchesCheck} "moved") has its references pointed elsewhere: each reference to the
 * sheet's own cells written back where `token` says PROD's pointed, `$` as the user has them.
 * Null when a row PROD's pointed at is gone from the sheet.
 */
function prodFormula(formula: string, token: string, column: number, reading: CheckReading): string | null {
  if (reading.version === 1) return null;
  const refs = ownReferences(formula, reading.sheet);
  const points = token.slice(token.indexOf("@") + 1).split(";");
  if (points.length !== refs.length) return null;
  let out = "";
  let from = 0;
  for (const [i, ref] of refs.entries()) {
    const ends = points[i].split(":");
    const parts = ref.address.split(":");
    if (ends.length !== parts.length) return null;
    const address: string[] = [];
    for (const [j, end] of ends.entries()) {
      const [rowText, columnText] = end.split(".");
      const row = rowText === "" || rowText === "#" ? null : reading.now(Number(rowText) - 1);
      const at = columnText === "" ? null : column + Number(columnText);
      if ((rowText !== "" && row === null) || (at !== null && at < 0)) return null;
      // The user's `$`s: before the column's letters and the row's digits (`$C$6`, `$4`).
      const [, first = "", letters = "", second = ""] = /^(\$?)([A-Z]*)(\$?)\d*$/i.exec(parts[j]) ?? [];
      const columnPart = at === null ? "" : `${letters === "" ? "" : first}${columnLetter(at)}`;
      const rowPart = row === null ? "" : `${letters === "" ? first : second}${row + 1}`;
      address.push(columnPart + rowPart);
    }
    out += formula.slice(from, ref.at[0]) + address.join(":");
    from = ref.at[1];
  }
  return out + formula.slice(from);
}

/** PROD's columns of a row in order (its notes column is the user's). */
const prodColumns = (own: Pick<OwnRow, "width" | "notes">) =>
  Array.from({ length: own.width }, (_, c) => c).filter((c) => c !== own.notes);

/**
 * The check cell of a row PROD writes: `cells` are the row's cells from column 0 as the plan
 * writes them, `notes` its "Your notes" column (left out: the user's), or null; `at` where it is
 * written. Written as text: {@link CHECK_VERSION} and the row, then one part per cell of PROD's.
 */
export function rowCheck(cells: readonly Cell[], notes: number | null, at: CheckedAt): TextCell {
  const tokens = prodColumns({ width: cells.length, notes }).map((c) => writtenToken(cells[c], c, at));
  return { text: `${ROW_CHECK} ${CHECK_VERSION} r${at.row + 1} ${tokens.join(" ")}` };
}

/** A row PROD writes, for its check: its cells from column 0 and its notes column (or null). */
export interface WrittenRow {
  row: number;
  cells: readonly Cell[];
  notes: number | null;
}

/**
 * The check column of sheet `sheet`, which PROD writes, as one block (one 2-D write): each row's
 * {@link rowCheck} in `column`, blank between them. Hide `column` (SheetPlan.hiddenColumns).
 */
export function rowChecksBlock(rows: readonly WrittenRow[], column: number, sheet: string): CellBlock {
  const first = Math.min(...rows.map((r) => r.row));
  const cells: Cell[][] = Array.from({ length: Math.max(...rows.map((r) => r.row)) - first + 1 }, () => [
    null,
  ]);
  const checked = new Set(rows.map((r) => r.row));
  for (const r of rows) cells[r.row - first] = [rowCheck(r.cells, r.notes, { sheet, row: r.row, checked })];
  return { row: first, column, cells };
}

/**
 * A check cell as read: the row PROD wrote it on (0-based; null for a check written before
 * {@link CHECK_VERSION}) and its parts, one per cell of PROD's; null for no check.
 */
export function parseCheck(value: CellValue): { written: number | null; tokens: string[] } | null {
  if (typeof value !== "string" || !value.startsWith(ROW_CHECK)) return null;
  const words = value.slice(ROW_CHECK.length).trim().split(" ");
  if (words[0] !== CHECK_VERSION) return { written: null, tokens: words };
  const mark = /^r([1-9]\d*)$/.exec(words[1] ?? "");
  return mark ? { written: Number(mark[1]) - 1, tokens: words.slice(2) } : null;
}

/** A row's check as read, or null when the cell holds no whole check for the row. */
export function readRowCheck(
  cells: SheetCells,
  own: Pick<OwnRow, "row" | "width" | "notes" | "check">,
): { written: number | null; tokens: string[] } | null {
  if (typeof own.check !== "number") return null;
  const read = parseCheck(valueAt(cells, own.row, own.check));
  // A part is a hash of 8 hex digits; a formula's, since CHECK_VERSION, with where it points.
  const part = read?.written === null ? /^[0-9a-f]{8}$/ : /^[0-9a-f]{8}(@[0-9#.:;-]+)?$/;
  const whole = read?.tokens.length === prodColumns(own).length && read.tokens.every((t) => part.test(t));
  return whole ? read : null;
}

/**
 * How the checks of a sheet as read are read: where each row now was when PROD wrote it, and
 * where each row PROD wrote is now, by the check column (any row's `check`), on every row.
 */
function checkReading(cells: SheetCells, rows: readonly OwnRow[], sheet: string): CheckReading {
  const column = rows.find((own) => typeof own.check === "number")?.check;
  const asWritten = new Map<number, number>();
  const now = new Map<number, number>();
  for (let r = cells.row; typeof column === "number" && r < cells.row + cells.values.length; r++) {
    const written = parseCheck(valueAt(cells, r, column))?.written ?? null;
    if (written === null) continue;
    asWritten.set(r, written);
    // A row the user copied, its check with it, points as the first.
    if (!now.has(written)) now.set(written, r);
  }
  if (typeof column === "number") {
    const lost = rows.filter(
      (own) => own.check === column && parseCheck(valueAt(cells, own.row, column)) === null,
    );
    placeLostRows(
      lost.map((own) => own.row),
      asWritten,
      now,
    );
  }
  return {
    version: 2,
    sheet,
    asWritten: (r) => asWritten.get(r) ?? null,
    now: (r) => now.get(r) ?? null,
  };
}

/**
 * Where PROD wrote the rows whose check the user deleted or typed over (`lost`, sheet rows), told
 * by the checked rows around each, into `asWritten` and `now` ({@link checkReading}): otherwise a
 * formula on another row pointing at such a row would read as pointed elsewhere by hand. Between
 * two checked rows next to each other among the checked (at a and b, written at wa and wb), a
 * lost row at r was written at wa + (r - a) when as many rows lie between them as PROD wrote (no
 * row inserted or deleted there); else, when the lost rows there are as many as the rows PROD
 * wrote there that no row holds now, the nth of them was the nth (rows keep their order). Any
 * other gap cannot be told (a row of the user's the panel reads as PROD's, a row of PROD's
 * deleted): its lost rows stay rows of the user's, and a reference to them reads as moved.
 * Rows above the first checked row or below the last are not told either.
 */
function placeLostRows(
  lost: readonly number[],
  asWritten: Map<number, number>,
  now: Map<number, number>,
): void {
  const checked = [...asWritten.keys()].sort((x, y) => x - y);
  const waiting = [...lost].sort((x, y) => x - y);
  let next = 0;
  for (let k = 0; k + 1 < checked.length && next < waiting.length; k++) {
    const [a, b] = [checked[k], checked[k + 1]];
    while (next < waiting.length && waiting[next] < a) next++;
    const inGap: number[] = [];
    for (; next < waiting.length && waiting[next] < b; next++) inGap.push(waiting[next]);
    const [wa, wb] = [asWritten.get(a)!, asWritten.get(b)!];
    if (inGap.length === 0 || wb <= wa) continue;
    const free = Array.from({ length: wb - wa - 1 }, (_, i) => wa + 1 + i).filter((w) => !now.has(w));
    const writtenAt =
      b - a === wb - wa
        ? (r: number) => wa + (r - a)
        : inGap.length === free.length
          ? (r: number) => free[inGap.indexOf(r)]
          : null;
    if (writtenAt === null) continue;
    for (const r of inGap) {
      const w = writtenAt(r);
      if (now.has(w)) continue;
      asWritten.set(r, w);
      now.set(w, r);
    }
  }
}

/** Where a row's check is on a sheet as read: the first cell from `from` right that holds one. */
export function findCheckColumn(cells: SheetCells, row: number, from: number): number | null {
  const line = cells.values[row - cells.row] ?? [];
  for (let c = Math.max(from, cells.column); c < cells.column + line.length; c++) {
    const v = valueAt(cells, row, c);
    if (typeof v === "string" && v.startsWith(ROW_CHECK)) return c;
  }
  return null;
}

/**
 * What a sheet written with row checks says in its note: the hidden column is there. With the
 * sheet's PROD_HIDDEN name, it tells a sheet whose check column the user deleted from one written
 * before checks ({@link checkColumnOf}).
 */
export const CHECK_NOTE =
  "A hidden column right of your notes keeps PROD's check of what it wrote on each row.";

/**
 * Where an earlier sheet keeps its row checks: the column found on its rows, right of PROD's
 * columns (`width`); null when none is left (the user deleted the column or its text) on a sheet
 * written with them: one whose PROD_HIDDEN name is there (`hiddenByProd`: PROD hid its check
 * column, and Excel keeps the name when the user deletes the column, whatever they did to the
 * note), or whose note (column A of `noteRow`) says so ({@link CHECK_NOTE}: a name tool may have
 * taken the name); undefined on a sheet written before checks. The OwnRow `check` of each of its
 * rows.
 */
export function checkColumnOf(cells: SheetCells, width: number, noteRow: number): number | null | undefined {
  for (let r = cells.row; r < cells.row + cells.values.length; r++) {
    const at = findCheckColumn(cells, r, width);
    if (at !== null) return at;
  }
  const written = cells.hiddenByProd !== undefined || String(valueAt(cells, noteRow, 0)).endsWith(CHECK_NOTE);
  return written ? null : undefined;
}

/**
 * The rows that should carry PROD's check and do not: its column is gone, or the user deleted or
 * typed over it. On them only today's rule tells what the user typed ({@link findTypedCells}).
 */
export function lostChecks(cells: SheetCells, rows: readonly OwnRow[]): OwnRow[] {
  return rows.filter((own) => own.check !== undefined && readRowCheck(cells, own) === null);
}

/**
 * Whether the user changed a cell of PROD's on a row that carries PROD's check (`own`, `column`
 * one of PROD's): false when it is what PROD wrote there, true when not (emptied included);
 * undefined when the row has no whole check (a sheet from before checks, a check deleted or typed
 * over), where it cannot be told. `sheet`: the sheet's name, as for {@link findTypedCells}.
 */
export function changedSinceWritten(
  cells: SheetCells,
  own: OwnRow,
  column: number,
  sheet: string,
): boolean | undefined {
  const read = readRowCheck(cells, own);
  const at = prodColumns(own).indexOf(column);
  if (read === null || at < 0) return undefined;
  const value = valueAt(cells, own.row, column);
  const formula = cells.formulas[own.row - cells.row]?.[column - cells.column] ?? value;
  const reading = readingOf(read, () => checkReading(cells, [own], sheet));
  return matchesCheck(value, formula, read.tokens[at], column, reading) !== "yes";
}

/** How a row's check as read is read: as written before CHECK_VERSION, or with the sheet's reading. */
const readingOf = (read: { written: number | null } | null, since: () => CheckReading): CheckReading =>
  read?.written === null ? { version: 1 } : since();

const BLANK = fnv1a("");

/**
 * The user's cells on the sheet PROD wrote before (`cells`, the sheet named `sheet`), whose PROD
 * rows were `rows`.
 */
export function findTypedCells(cells: SheetCells, rows: readonly OwnRow[], sheet: string): TypedCell[] {
  const byRow = new Map<
    number,
    OwnRow & {
      occurrence: number;
      hashes: Map<number, string> | null;
      reading: CheckReading;
      whole: boolean;
    }
  >();
  const seen = new Map<string, number>();
  const since = checkReading(cells, rows, sheet);
  for (const own of [...rows].sort((a, b) => a.row - b.row)) {
    const occurrence = seen.get(own.key) ?? 0;
    seen.set(own.key, occurrence + 1);
    const read = readRowCheck(cells, own);
    const hashes = read && new Map(prodColumns(own).map((c, i) => [c, read.tokens[i]]));
    const reading = readingOf(read, () => since);
    // PROD's cells of a row whose check is gone, or of a kept row, are kept with it ("row").
    const whole = (own.check !== undefined && hashes === null) || own.back !== undefined;
    byRow.set(own.row, { ...own, occurrence, hashes, reading, whole });
  }
  const typed: TypedCell[] = [];
  cells.values.forEach((line, i) =>
    line.forEach((value, j) => {
      const formula = cells.formulas[i]?.[j] ?? value;
      const row = cells.row + i;
      const column = cells.column + j;
      const own = byRow.get(row);
      const format = cells.numberFormats[i]?.[j] ?? NUMBER_FORMATS.general;
      const cell = {
        row,
        column,
        value,
        formula: isFormula(value, formula) ? String(formula) : null,
        format,
      };
      if (!own) {
        if (!isEmpty(value, formula)) typed.push({ kind: "loose", on: null, ...cell });
        return;
      }
      const on = {
        key: own.key,
        label: own.label,
        occurrence: own.occurrence,
        width: own.width,
        ...(own.back === undefined ? {} : { back: own.back }),
      };
      const over = own.formulas?.get(column);
      const checked = own.hashes?.get(column);
      if (column === own.check) {
        // PROD's check; anything else there (the check typed over) is the user's.
        if (own.hashes === null && !isEmpty(value, formula)) typed.push({ kind: "beside", on, ...cell });
      } else if (column === own.notes || column >= own.width) {
        if (!isEmpty(value, formula))
          typed.push({ kind: column === own.notes ? "note" : "beside", on, ...cell });
      } else if (checked !== undefined) {
        // The check tells every cell the user changed; a cell emptied leaves nothing to keep.
        const match = matchesCheck(value, formula, checked, column, own.reading);
        if (isEmpty(value, formula) || match === "yes") return;
        const heading = over ?? own.headings?.get(column);
        const named = heading === undefined ? {} : { heading };
        // Typed where PROD left the cell blank: the user's own, kept beside the row.
        if (checked === BLANK) typed.push({ kind: "beside", on, ...cell, ...named });
        else {
          const under = over === undefined ? "content" : "formula";
          // PROD's formula with its references pointed elsewhere by hand: the words say from what.
          const prod = match === "moved" ? prodFormula(String(formula), checked, column, own.reading) : null;
          typed.push({
            kind: "over",
            on,
            ...cell,
            ...(heading === undefined ? {} : { over: heading }),
            under,
            ...(prod === null ? {} : { prod }),
          });
        }
      } else if (over !== undefined && value !== "" && !String(formula).startsWith("=")) {
        // Without a check, any formula there is taken as PROD's (one of the user's is not told apart).
        typed.push({ kind: "over", on, ...cell, over, under: "formula" });
      } else if (own.whole && column > 0 && !isEmpty(value, formula)) {
        typed.push({ kind: "row", on, ...cell });
      }
    }),
  );
  return typed;
}

/** A bare A1 cell as formulaRefs gives it among a formula's words (`E14`, `$E$14`). */
const BARE_CELL = /^\$?[A-Z]{1,3}\$?\d+$/i;
/** A bare whole column or row (`E:E`, `$14:$14`): formulaRefs gives its two halves as words, so it is read from the text. */
const BARE_LINES = /(?<![\w.!$'\]])(\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)(?![\w(.!])/i;

/**
 * Whether a formula refers to a cell of the sheet `sheet` itself: a reference with that sheet's
 * name (formulaRefs reads them as Excel writes them, quoting and 3-D spans included) or one with
 * no sheet (`E14`, `$E$14`, `E:E`, `14:14`). Text in quotes is not a reference, nor is a function
 * name (`LOG10(`). Workbook names are not looked into.
 */
export function refersToOwnCells(formula: string, sheet: string): boolean {
  const { references, words } = formulaRefs(formula);
  if (references.some((r) => namesSheet(r, sheet)) || words.some((w) => BARE_CELL.test(w))) return true;
  return BARE_LINES.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}

/** The value of a sheet cell in `cells` ("" outside the grid, as Excel reads a blank). */
export function valueAt(cells: SheetCells, row: number, column: number): CellValue {
  return cells.values[row - cells.row]?.[column - cells.column] ?? "";
}

/**
 * The key of a row kept under the kept heading, by the key of the row it was kept from: its cells
 * go back to a row of that key when the new output has one again (placeTypedCells).
 */
export const keptKey = (key: string) => `kept ${key}`;

/**
 * PROD's rows of the kept part of an earlier output (placeTypedCells wrote it under `heading`):
 * the heading, each kept row by its label (laid out `width` wide, as the rows were then), and the
 * heading of the user's own rows; the rows under that are the user's again. A kept row goes
 * {@link OwnRow.back} to the rows whose keys the panel gives a row of its label (`keyOf`, the
 * likeliest first: "2300 Sets" is "code 2300"; "11 03 Story" is "code 11" or "code 11 03"), and
 * its key is {@link keptKey} of the first.
 */
export function readKeptRows(
  cells: SheetCells,
  heading: string,
  width: number,
  notes: number | null,
  keyOf: (label: string) => readonly string[],
): OwnRow[] {
  const last = cells.row + cells.values.length;
  let r = cells.row;
  while (r < last && valueAt(cells, r, 0) !== heading) r++;
  if (r >= last) return [];
  const rows: OwnRow[] = [{ row: r, key: "#kept", label: heading, width: 1, notes: null }];
  for (r++; r < last; r++) {
    const label = valueAt(cells, r, 0);
    if (typeof label === "string" && label.startsWith(LOOSE_HEADING_START)) {
      rows.push({ row: r, key: "#loose", label, width: 1, notes: null });
      break;
    }
    if (label === "") break;
    const back = keyOf(String(label));
    rows.push({ row: r, key: keptKey(back[0]), label: String(label), width, notes, back });
  }
  return rows;
}

/** A cell the user typed, in the new output. */
export interface PlacedCell {
  /** 0-based sheet row and column on the new sheet. */
  row: number;
  column: number;
  cell: Cell;
  from: TypedCell;
  /**
   * Put on the row with the same label ("row"), back on it from the kept part of the earlier
   * output ("back": the row is in the new output again), or after the output ("kept").
   */
  where: "row" | "back" | "kept";
  /** A formula of the user's carried as its value, because it refers to the sheet's own cells. */
  asValue: boolean;
  /**
   * The number format written with it, the one the cell had (a date stays a date, 12% stays
   * 12%); null for PROD's note on a figure typed over a formula, which is words, not the figure.
   */
  format: string | null;
}

/** What the user typed, placed in the new output, and PROD's words around the kept cells. */
export interface Carry {
  cells: PlacedCell[];
  /** PROD's own cells of the kept part (its headings, each kept row's label): written as they are. */
  labels: { row: number; column: number; cell: Cell }[];
  /** The first row after everything written (PROD's output and the kept part). */
  end: number;
  /**
   * The keys of PROD's rows in the new output: a row of the earlier one whose key is not here is
   * a row the new output does not have (the words on rows whose check is gone, ownedSheet.ts);
   * null in a carry of nothing a panel did not lay out (not known).
   */
  rows: ReadonlySet<string> | null;
}

/**
 * The heading of a comparison's last column, the user's own: PROD writes nothing there, and a
 * comparison made again carries what was typed to the row of the same label. Comparisons made
 * before it was added have no such column; they are still told as PROD's.
 */
export const YOUR_NOTES = "Your notes (kept when compared again)";

/** The heading of the part after a comparison that keeps what the user typed on rows now gone. */
export const KEPT_HEADING = "From the earlier comparison (kept by PROD: rows this comparison does not have)";

/** How the new output lays out the part after it, for what cannot go to a row of the same label. */
export interface KeptLayout {
  /** The first row free for it (after PROD's output and a blank row). */
  start: number;
  /** Each kept row is laid out as PROD's rows: its label in column 0, notes and beside as there. */
  width: number;
  notes: number | null;
  /** The heading above it, naming the earlier output ("From the earlier comparison"). */
  heading: string;
  /**
   * The new output's check column, hidden ({@link rowCheck}): nothing of the user's is put in it
   * on any row, kept rows and the user's own rows included (they would not be seen).
   */
  check?: number;
}

const LOOSE_HEADING_START = "Typed on rows of your own in the earlier sheet";

/** The heading above the user's own rows in the kept part. */
export function looseHeading(rows: readonly number[]): string {
  return `${LOOSE_HEADING_START} (${rows.length === 1 ? "row" : "rows"} ${firstFew(rows.map((r) => String(r + 1)))}), in the same columns:`;
}

/** A number or text as the user sees it in words: 12500 is "12,500", text is quoted. */
export function shownValue(value: CellValue): string {
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 10 });
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return `"${value}"`;
}

/**
 * What a cell typed over one of PROD's becomes: a note saying what it was, and over what. On a row
 * the new output has, PROD's own is back in the cell; on one it does not (`place` "kept": the note
 * goes under the kept heading, beside the row's label) nothing is put back, and the note says so, in
 * words that stay true if the note later moves back to a row of that label.
 */
export function overNote(t: TypedCell, place: PlacedCell["where"] = "row"): string {
  const at = a1(t.row, t.column);
  const where = t.over === undefined ? `PROD's cell ${at}` : `PROD's "${t.over}" (${at})`;
  const back =
    place === "kept"
      ? "in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back."
      : `in the earlier sheet; PROD's ${t.under === "content" ? "own" : "formula"} is back in its place.`;
  if (t.prod !== undefined) {
    const inCell = t.over === undefined ? at : `"${t.over}" (${at})`;
    return `You changed PROD's formula in ${inCell} from ${t.prod} to ${t.formula ?? ""} (it showed ${shownValue(t.value)}) ${back}`;
  }
  if (t.formula !== null) {
    const over = t.under === "content" ? where : `"${t.over ?? ""}" (${at})`;
    return `You wrote the formula ${t.formula} (it showed ${shownValue(t.value)}) over ${over} ${back}`;
  }
  if (t.under === "content") return `You retyped ${where} as ${shownValue(t.value)} ${back}`;
  return `You typed ${shownValue(t.value)} over "${t.over ?? ""}" (${at}) ${back}`;
}

/**
 * A typed cell as written again: text stays text, a formula as written unless it points into the
 * sheet, each with the number format it had; one typed over PROD's as its note ({@link overNote},
 * by where it goes).
 */
function carriedCell(
  t: TypedCell,
  sheet: string,
  where: PlacedCell["where"],
): Pick<PlacedCell, "cell" | "asValue" | "format"> {
  if (t.kind === "over") return { cell: { text: overNote(t, where) }, asValue: false, format: null };
  if (t.formula !== null && !refersToOwnCells(t.formula, sheet))
    return { cell: { formula: t.formula }, asValue: false, format: t.format };
  const value = t.value;
  return {
    cell: typeof value === "string" ? { text: value } : value,
    asValue: t.formula !== null,
    format: t.format,
  };
}

/**
 * A carry as the writers write it: PROD's labels of the kept part and each typed cell with its
 * number format in the same write (Excel takes the format with the value; PROD's words have none:
 * null, "leave as is"), in as few rectangles as neighbouring cells make, not a write a cell
 * (hundreds of notes were hundreds of range writes in the one request). Each row's runs of
 * side-by-side cells, a run joined to the rectangle that ends on the row above it when they span
 * the same columns. A rectangle holds only cells of the carry: no cell between them is written
 * (blanked), and each keeps its own format (CellBlock.cellFormats).
 */
export function carryBlocks(carry: Carry): CellBlock[] {
  const spots = [
    ...carry.labels.map((c) => ({ ...c, format: null })),
    ...carry.cells.map(({ row, column, cell, format }) => ({ row, column, cell, format })),
  ].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: (typeof spots)[] = [];
  for (const spot of spots) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last?.row === spot.row && last.column + 1 === spot.column) run.push(spot);
    else runs.push([spot]);
  }
  // The rectangle each span of columns ("column:width") last grew, to join the run under it.
  const open = new Map<string, CellBlock & { cellFormats: (string | null)[][] }>();
  const blocks: (CellBlock & { cellFormats: (string | null)[][] })[] = [];
  for (const run of runs) {
    const [{ row, column }] = run;
    const span = `${column}:${run.length}`;
    const cells = run.map((s) => s.cell);
    const formats = run.map((s) => s.format);
    const above = open.get(span);
    if (above && above.row + above.cells.length === row) {
      above.cells.push(cells);
      above.cellFormats.push(formats);
    } else {
      const block = { row, column, cells: [cells], cellFormats: [formats] };
      open.set(span, block);
      blocks.push(block);
    }
  }
  // A rectangle of PROD's words only (the kept part's headings) sets no format.
  return blocks.map(({ cellFormats, ...block }) =>
    cellFormats.every((line) => line.every((f) => f === null)) ? block : { ...block, cellFormats },
  );
}

/**
 * Places the user's cells (`typed`, from {@link findTypedCells}) in the new output, whose PROD rows
 * are `rows`: by label, else in the kept part laid out by `kept`.
 *
 * @param sheet - the sheet's name, to tell the user's formulas that point into it
 */
export function placeTypedCells(
  typed: readonly TypedCell[],
  rows: readonly OwnRow[],
  sheet: string,
  kept: KeptLayout,
): Carry {
  const byKey = new Map<string, OwnRow[]>();
  for (const own of [...rows].sort((a, b) => a.row - b.row))
    byKey.set(own.key, [...(byKey.get(own.key) ?? []), own]);
  const taken = new Map<number, Set<number>>();
  const take = (row: number, column: number) => {
    const set = taken.get(row) ?? new Set<number>();
    set.add(column);
    taken.set(row, set);
  };
  const free = (row: number, column: number) => column !== kept.check && !taken.get(row)?.has(column);
  for (const own of rows) {
    for (let c = 0; c < own.width; c++) if (c !== own.notes) take(own.row, c);
    if (typeof own.check === "number") take(own.row, own.check);
  }

  // Each old row's cells go to one row: the nth row of its label, or a kept row of its own.
  const groups = new Map<
    string,
    { target: OwnRow | null; label: string; back: boolean; cells: TypedCell[] }
  >();
  const loose = new Map<number, TypedCell[]>();
  for (const t of typed) {
    if (t.on === null) {
      loose.set(t.row, [...(loose.get(t.row) ?? []), t]);
      continue;
    }
    const id = `${t.on.occurrence}\u0000${t.on.key}`;
    // A row kept from an earlier output goes back to the row it was kept from, if it is back and
    // only one row of the new output could be it.
    const back = t.on.back !== undefined;
    const returns = t.on.back?.filter((key) => byKey.has(key)) ?? [t.on.key];
    const group = groups.get(id) ?? {
      target: returns.length === 1 ? (byKey.get(returns[0])?.[t.on.occurrence] ?? null) : null,
      label: t.on.label,
      back,
      cells: [],
    };
    group.cells.push(t);
    groups.set(id, group);
  }

  const placed: PlacedCell[] = [];
  const labels: Carry["labels"] = [];
  let next = kept.start;
  const gone = [...groups.values()].filter((g) => g.target === null);
  if (gone.length > 0 || loose.size > 0) {
    labels.push({ row: next, column: 0, cell: { text: kept.heading } });
    take(next++, 0);
  }
  for (const group of gone) {
    group.target = { row: next++, key: "", label: group.label, width: kept.width, notes: kept.notes };
    labels.push({ row: group.target.row, column: 0, cell: { text: group.label } });
    // Its label's column is PROD's; the others to its width are the row's own cells ("row").
    take(group.target.row, 0);
  }
  for (const group of groups.values()) {
    const target = group.target as OwnRow;
    const where = !byKey.get(target.key)?.includes(target) ? "kept" : group.back ? "back" : "row";
    const put = (t: TypedCell, column: number) => {
      take(target.row, column);
      placed.push({ row: target.row, column, where, from: t, ...carriedCell(t, sheet, where) });
    };
    const wanted = (t: TypedCell): number | null => {
      if (t.kind === "note") return target.notes ?? target.width;
      // Typed where PROD left its cell blank: PROD writes that column, so at the first free beside.
      if (t.kind === "beside") return inBlank(t) ? null : target.width + t.column - (t.on?.width ?? 0);
      // A row kept whole keeps its columns, but its label's, its notes' and past its width.
      if (t.kind === "row" && where === "kept")
        return t.column > 0 && t.column < target.width && t.column !== target.notes ? t.column : null;
      return null;
    };
    // Exact places first (notes, beside, a kept row's cells), then the rest at the first free column beside.
    const later: TypedCell[] = [];
    for (const t of [...group.cells].sort((a, b) => order(a) - order(b))) {
      // On a row whose check is gone that the new output has, PROD's own is back in its cells.
      if (t.kind === "row" && where === "row") continue;
      const column = wanted(t);
      if (column !== null && free(target.row, column)) put(t, column);
      else later.push(t);
    }
    for (const t of later) {
      let column = t.kind === "over" && target.notes !== null ? target.notes : target.width;
      while (!free(target.row, column)) column = column === target.notes ? target.width : column + 1;
      put(t, column);
    }
  }
  if (loose.size > 0) {
    const oldRows = [...loose.keys()].sort((a, b) => a - b);
    labels.push({ row: next, column: 0, cell: { text: looseHeading(oldRows) } });
    take(next++, 0);
    for (const old of oldRows) {
      const row = next++;
      for (const t of loose.get(old) ?? []) {
        // In the same column, but past the hidden check column (then on to the next free).
        let column = t.column;
        while (!free(row, column)) column++;
        take(row, column);
        placed.push({ row, column, where: "kept", from: t, ...carriedCell(t, sheet, "kept") });
      }
    }
  }
  return { cells: placed, labels, end: next, rows: new Set(byKey.keys()) };
}

const order = (t: TypedCell) => ["note", "beside", "row", "over", "loose"].indexOf(t.kind);

/** A cell typed in one of PROD's columns where PROD left the cell blank (findTypedCells' "beside"). */
const inBlank = (t: TypedCell) => t.kind === "beside" && t.on !== null && t.column < t.on.width;

/** PROD's cells of a row whose check is gone, kept with the row (not a kept row's, read again). */
const keptWhole = (t: TypedCell) => t.kind === "row" && t.on?.back === undefined;

/**
 * The cells of `typed` the question names as typed: all but PROD's cells of rows whose check is
 * gone, which the words on those rows speak of (ownedSheet.ts lostCheckWords).
 */
export const typedByUser = (typed: readonly TypedCell[]) => typed.filter((t) => !keptWhole(t));

/** What the user typed, in words for the question: "3 notes beside rows (1100 Story, 2300 Sets …)". */
export function typedWords(typed: readonly TypedCell[]): string[] {
  // A cell typed in one of PROD's columns (where PROD left it blank) is named by its column.
  const onRows = typed.filter((t) => t.kind === "note" || (t.kind === "beside" && !inBlank(t)));
  const blanks = typed.filter(inBlank);
  const overs = typed.filter((t) => t.kind === "over");
  const over = overs.filter((t) => t.under !== "content" && t.formula === null);
  // PROD's formula with its references pointed elsewhere by hand, wherever it was.
  const moved = overs.filter((t) => t.prod !== undefined);
  const formulas = overs.filter((t) => t.under !== "content" && t.formula !== null && t.prod === undefined);
  const retyped = overs.filter((t) => t.under === "content" && t.prod === undefined);
  const loose = typed.filter((t) => t.kind === "loose");
  // A kept row's cells; not those of a row whose check is gone (the words on such rows say it).
  const keptRows = typed.filter((t) => t.kind === "row" && !keptWhole(t));
  const overWhat = (t: TypedCell) => {
    const at = a1(t.row, t.column);
    // A label retyped is part of its row's label as read: the row is not named by it again.
    const label = t.on?.label ?? "";
    const of = typeof t.value === "string" && t.value !== "" && label.includes(t.value) ? "" : ` of ${label}`;
    return t.over === undefined ? `${at}${of}` : `"${t.over}"${of} (${at})`;
  };
  const parts: string[] = [];
  if (onRows.length > 0) {
    const rowLabels = [...new Set(onRows.map((t) => t.on?.label ?? ""))];
    parts.push(
      `${count(onRows.length, "cell")} beside ${count(rowLabels.length, "row")} (${firstFew(rowLabels)})`,
    );
  }
  if (blanks.length > 0)
    parts.push(
      `${count(blanks.length, "cell")} typed where PROD left its cell blank (${firstFew(
        blanks.map((t) => {
          const at = a1(t.row, t.column);
          const label = t.on?.label ?? "";
          const where = t.heading === undefined ? `${at} of ${label}` : `"${t.heading}" of ${label} (${at})`;
          return `${shownValue(t.value)} in ${where}`;
        }),
      )})`,
    );
  if (over.length > 0)
    parts.push(
      `${count(over.length, "figure")} typed over PROD's formulas (${firstFew(
        over.map((t) => `${shownValue(t.value)} over ${overWhat(t)}`),
      )})`,
    );
  if (formulas.length > 0)
    parts.push(
      `${count(formulas.length, "formula")} of yours written over PROD's formulas (${firstFew(
        formulas.map((t) => `${t.formula ?? ""} over ${overWhat(t)}`),
      )})`,
    );
  if (moved.length > 0)
    parts.push(
      `${moved.length.toLocaleString("en-US")} of PROD's formulas pointed at other cells by hand (${firstFew(
        moved.map((t) => `${overWhat(t)} from ${t.prod ?? ""} to ${t.formula ?? ""}`),
      )})`,
    );
  if (retyped.length > 0)
    parts.push(
      `${retyped.length.toLocaleString("en-US")} of PROD's labels or figures retyped (${firstFew(
        retyped.map((t) => `${t.formula ?? shownValue(t.value)} over ${overWhat(t)}`),
      )})`,
    );
  if (keptRows.length > 0) {
    const rowLabels = [...new Set(keptRows.map((t) => t.on?.label ?? ""))];
    parts.push(
      `${count(keptRows.length, "cell")} on ${count(rowLabels.length, "row")} kept from an earlier sheet (${firstFew(rowLabels)})`,
    );
  }
  if (loose.length > 0)
    parts.push(
      `${count(loose.length, "cell")} on rows of your own (${firstFew(loose.map((t) => a1(t.row, t.column)))})`,
    );
  return parts;
}

/** The first three of a list, and how many more: "a, b, c and 2 more". */
export function firstFew(items: readonly string[], shown = 3): string {
  const head = items.slice(0, shown).join(", ");
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}

/**
 * Where the typed cells go, in words: for the question before the write (`done` false: "will be
 * carried") and the note after it ("carried").
 */
export function carriedWords(carry: Carry, keptHeading: string, done: boolean): string {
  const will = (verb: string) => (done ? verb : `will be ${verb}`);
  // A figure typed over a formula is said on its own, wherever its note went; so are a row kept
  // whole (whose check was gone) and a cell typed where PROD left its cell blank.
  const whole = carry.cells.filter((p) => keptWhole(p.from));
  const cells = carry.cells.filter((p) => p.from.kind !== "over" && !keptWhole(p.from));
  const blanks = cells.filter((p) => p.where === "row" && inBlank(p.from)).length;
  const onRow = cells.filter((p) => p.where === "row").length - blanks;
  const back = cells.filter((p) => p.where === "back");
  const kept = cells.filter((p) => p.where === "kept");
  // On a row the new sheet has, PROD's own is back where the user typed; on one it does not, the
  // note is kept under the heading and nothing is put back.
  const overs = carry.cells.filter((p) => p.from.kind === "over" && p.where !== "kept");
  const over = overs.length;
  const keptOvers = carry.cells.filter((p) => p.from.kind === "over" && p.where === "kept");
  // Figures over formulas only (the one kind a sheet without checks tells) keep their own words.
  const onlyFigures = (ps: readonly PlacedCell[]) =>
    ps.every((p) => p.from.under !== "content" && p.from.formula === null);
  const figures = onlyFigures(overs);
  const overWhat = (n: number, figures: boolean) =>
    figures
      ? `${count(n, "figure")} you typed over PROD's formulas`
      : `${count(n, "cell")} you typed over PROD's labels, figures or formulas`;
  // PROD's formulas of a row kept whole are not "of yours": the words on such rows say it.
  const values = carry.cells.filter((p) => p.asValue && !keptWhole(p.from));
  const parts: string[] = [];
  if (onRow > 0)
    parts.push(`${count(onRow, "cell")} of yours ${will("carried")} to the rows with the same labels`);
  if (blanks > 0)
    parts.push(
      `${count(blanks, "cell")} you typed where PROD left its cell blank ${will("put")} beside ${blanks === 1 ? "its row" : "their rows"}, in the first free column right of PROD's`,
    );
  if (back.length > 0) {
    const rows = [...new Set(back.map((p) => p.from.on?.label ?? ""))];
    parts.push(
      `${count(back.length, "cell")} that ${back.length === 1 ? "was" : "were"} kept under "${keptHeading}" ${will("moved")} back to the ${rows.length === 1 ? "row" : "rows"} the new sheet has again: ${firstFew(rows)}`,
    );
  }
  if (kept.length > 0) {
    const gone = new Set(kept.flatMap((p) => (p.from.on ? [p.from.on.label] : [])));
    const why =
      gone.size > 0
        ? ` (${count(gone.size, "row")} the new sheet does not have: ${firstFew([...gone])})`
        : "";
    parts.push(`${count(kept.length, "cell")} ${will("kept")} under "${keptHeading}"${why}`);
  }
  const its = over === 1 ? "its" : "their";
  if (over > 0 && figures)
    parts.push(
      `${overWhat(over, true)} ${will("kept")} as a note beside ${its} row, with PROD's formula back in ${its} place`,
    );
  else if (over > 0)
    parts.push(
      `${overWhat(over, false)} ${will("kept")} as ${over === 1 ? "a note" : "notes"} beside ${its} ${over === 1 ? "row" : "rows"}, with PROD's own back in ${its} place`,
    );
  if (keptOvers.length > 0) {
    const n = keptOvers.length;
    const rows = [...new Set(keptOvers.map((p) => p.from.on?.label ?? ""))];
    parts.push(
      `${overWhat(n, onlyFigures(keptOvers))} on ${count(rows.length, "row")} the new sheet does not have (${firstFew(rows)}) ${will("kept")} as ${n === 1 ? "a note" : "notes"} under "${keptHeading}", beside ${rows.length === 1 ? "the row's label" : "their rows' labels"}, with nothing put back in ${n === 1 ? "its" : "their"} place`,
    );
  }
  // Said before the write by the words on rows whose check is gone (lostCheckWords), so once.
  if (whole.length > 0 && done) {
    const rows = [...new Set(whole.map((p) => p.from.on?.label ?? ""))];
    parts.push(
      `${count(rows.length, "row")} whose check was gone that the new sheet does not have (${firstFew(rows)}) kept under "${keptHeading}" by ${rows.length === 1 ? "its label" : "their labels"}, ${rows.length === 1 ? "its" : "their"} cells as they read (${count(whole.length, "cell")}${whole.some((p) => p.asValue) ? "; formulas pointing at cells of this sheet as their values" : ""})`,
    );
  }
  if (values.length > 0)
    parts.push(
      `${count(values.length, "formula")} of yours pointing at cells of this sheet (${firstFew(values.map((p) => a1(p.from.row, p.from.column)))}) ${will("carried")} as ${values.length === 1 ? "its value" : "their values"}, as the rows move`,
    );
  return parts.length === 0 ? "" : `${capital(parts.join("; "))}.`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
