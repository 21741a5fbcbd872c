/**
 * What a formula refers to, read from its text as Excel writes it (English, A1 style): the
 * sheet-qualified references (`'Budget comparison'!$E$12`, `Globals!B3`, `Sheet1:Sheet3!A1`) and
 * the bare names it uses (a defined name, a table). Pure: the workbook ports use it to tell which
 * names, and the in-memory ports which cells, refer to a sheet (`WorkbookPort.findLinksTo`).
 *
 * Excel's formula grammar (Microsoft, "Overview of formulas", "Create an external reference"):
 * - a sheet name that is not a plain word is quoted, `'` inside it doubled: `'O''Brien''s'!A1`;
 * - text constants are in double quotes, `"` inside doubled; nothing in them is a reference;
 * - a reference to another workbook carries a `[Book.xlsx]` (or, saved, `[1]`) before the
 *   sheet: it is not a sheet of this workbook;
 * - a 3-D reference names the first and last sheet of a span: `Jan:Mar!B2`, `'Jan 1:Mar 1'!B2`;
 * - a structured reference is a table name followed by brackets: `Lines[Total]`.
 */
import { outsideQuotes, quotedEnd } from "./formulaQuotes";
import { SHEET_COLUMNS, SHEET_ROWS, columnLetter, parseA1 } from "./port";

/** One sheet-qualified reference in a formula. */
export interface SheetReference {
  /**
   * The sheet, or the first and last sheet of a 3-D reference, as written (unquoted); none for a
   * reference on the formula's own sheet (`E12`, `B5:B9`).
   */
  sheets: string[];
  /** What follows the `!`: an A1 address (`$E$12`, `E1:E5`, `E:E`) or a sheet-level name. */
  address: string;
}

/** What a formula refers to. */
export interface FormulaRefs {
  /** Its A1 references to cells of this workbook (other workbooks' are left out). */
  references: SheetReference[];
  /** The bare words it uses that are not functions or sheet prefixes: names, tables, A1 cells. */
  words: string[];
}

/** An A1 cell or range, whole columns (`E:E`) and whole rows (`12:12`) included. */
const A1_AREA = /^(\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?|\$?[A-Z]{1,3}:\$?[A-Z]{1,3}|\$?\d+:\$?\d+)$/i;

/** Characters of an unquoted sheet name, a name or an A1 reference (Excel allows letters of any script). */
const WORD = /[\p{L}\p{N}_.\\$]/u;
/** Characters of what follows a sheet's `!`. */
const ADDRESS = /[\p{L}\p{N}_.\\$:]/u;

/** The references and names in a formula's text. */
export function formulaRefs(formula: string): FormulaRefs {
  const { references, words } = scan(formula);
  return { references: references.map(({ sheets, address }) => ({ sheets, address })), words };
}

/**
 * A formula's shape, to tell the user's formula from PROD's (userWork.ts, a row's check): each A1
 * address of a reference written as `#` (a range as `#:#`), and, outside text constants, no
 * spaces and capitals (Excel reads names and functions without regard to case), and a sheet named
 * as it is, quoted or not; a reference to `sheet` (the formula's own) as one with no sheet, which
 * points at the same cells. A reference Excel moved when the user inserted or deleted rows
 * elsewhere keeps the shape; another function, operator, constant, sheet or name changes it. A
 * reference moved by hand to another cell does not: userWork tells that by where each of
 * {@link ownReferences} points.
 *
 * A function added to Excel after 2007 may read back with the prefix Excel keeps it under in the
 * file: `_xlfn.XLOOKUP(`, and FILTER and SORT as `_xlfn._xlws.FILTER(` (Microsoft, [MS-XLSX]
 * 2.2.3 "Functions": the future functions). Excel shows that prefix in the formula where the
 * version at hand does not know the function (Microsoft support, "Issue: An _xlfn. prefix is
 * displayed in front of a formula"), so a formula PROD wrote as `=XLOOKUP(` may come back so:
 * the prefixes are left out of the shape, as they are no part of the function's name.
 */
export function formulaShape(formula: string, sheet = ""): string {
  const { references } = scan(formula);
  let shape = "";
  let at = 0;
  for (const { sheets, address, at: span } of references) {
    // The sheet as named, whether Excel quotes it or not ('Budget'!A1 reads back as Budget!A1);
    // an address as `#`, a range staying a range (`#:#`): a cell made a range is another formula.
    const named =
      sheets.length === 0 || isOwnSheet(sheets, sheet) ? "" : `${sheets.join(":").toUpperCase()}!`;
    const where = A1_AREA.test(address) ? (address.includes(":") ? "#:#" : "#") : address.toUpperCase();
    shape += `${outsideText(formula.slice(at, span[0]))}${named}${where}`;
    at = span[1];
  }
  return shape + outsideText(formula.slice(at));
}

/** Whether a reference's sheets are the formula's own sheet `sheet` alone (any case). */
const isOwnSheet = (sheets: readonly string[], sheet: string) =>
  sheet !== "" && sheets.length === 1 && sheets[0].toLowerCase() === sheet.toLowerCase();

/**
 * The prefixes of a future function's name ({@link formulaShape}), where a name begins, in
 * capitals (outsideText reads them so): `_XLFN.`, `_XLFN._XLWS.` and `_XLWS.`.
 */
const FUTURE_PREFIX = /(?<![\p{L}\p{N}_.\\$])(?:_XLFN\.)?_XL(?:FN|WS)\./gu;

/** One end of an A1 reference, 0-based: a whole column has no row, a whole row no column. */
export interface ReferenceEnd {
  row: number | null;
  column: number | null;
}

/** An A1 reference to cells of the formula's own sheet ({@link ownReferences}). */
export interface OwnReference {
  /** Where its address (after a sheet, if one is named) is in the formula's text. */
  at: readonly [number, number];
  /** The address as written (`$C$6`, `C5:C9`, `E:E`). */
  address: string;
  /** Its ends: one for a cell, two for a range. */
  ends: ReferenceEnd[];
}

/**
 * The A1 references of a formula to cells of its own sheet, `sheet`: those with no sheet and
 * those naming `sheet` alone (any case, quoted or not), in the order written. Names, tables and
 * other sheets' references are not among them.
 */
export function ownReferences(formula: string, sheet: string): OwnReference[] {
  return scan(formula).references.flatMap(({ sheets, address, at }) => {
    if (!(sheets.length === 0 || isOwnSheet(sheets, sheet)) || !A1_AREA.test(address)) return [];
    const ends = address.split(":").map((part): ReferenceEnd => {
      // One end alone: a cell, or a column (`E`) or row (`12`) of a whole-column or -row range.
      const { row, column, rowCount, columnCount } = parseA1(part);
      return { row: rowCount === 1 ? row : null, column: columnCount === 1 ? column : null };
    });
    return [{ at: [at[1] - address.length, at[1]] as const, address, ends }];
  });
}

/** Capitals and no spaces outside a formula's text constants (`"a b"` is kept as it is). */
function outsideText(part: string): string {
  return outsideQuotes(
    part,
    (code) => code.replace(/\s+/g, "").toUpperCase().replace(FUTURE_PREFIX, ""),
    '"',
  );
}

/** The references (each with where it is in the text, sheet included) and names in a formula. */
function scan(formula: string): {
  references: (SheetReference & { at: readonly [number, number] })[];
  words: string[];
} {
  const references: (SheetReference & { at: readonly [number, number] })[] = [];
  const words: string[] = [];
  const n = formula.length;
  /** Reads a run of `chars` from `start`: its end. */
  const run = (start: number, chars: RegExp) => {
    let end = start;
    while (end < n && chars.test(formula[end])) end++;
    return end;
  };
  /** The address after the `!` at `bang`, and where it ends. */
  const addressAfter = (bang: number) => {
    const end = run(bang + 1, ADDRESS);
    return { address: formula.slice(bang + 1, end), end };
  };
  // A `]` just before a sheet name means another workbook's sheet: `[1]Sheet!A1`.
  let afterBracket = false;
  for (let i = 0; i < n;) {
    const ch = formula[i];
    if (ch === '"') {
      // A text constant: skipped whole ("" is a quote inside it).
      i = quotedEnd(formula, i);
      afterBracket = false;
    } else if (ch === "'") {
      // A quoted sheet name ('' is an apostrophe inside it), a reference only before a `!`.
      const bang = quotedEnd(formula, i);
      const quoted = formula.slice(i + 1, bang - 1).replace(/''/g, "'");
      if (formula[bang] === "!") {
        const { address, end } = addressAfter(bang);
        // A path or `[Book]` inside the quotes is another workbook's sheet.
        if (!/[[\]]/.test(quoted)) references.push({ sheets: quoted.split(":"), address, at: [i, end] });
        i = end;
      } else i = bang;
      afterBracket = false;
    } else if (ch === "#") {
      // An error constant (#N/A, #DIV/0!): its `!` is no sheet's; and what a deleted sheet's
      // reference left (`#REF!$A$1`) refers to nothing.
      const end = run(i + 1, /[\p{L}\p{N}_/]/u);
      if (formula[end] === "!") i = run(end + 1, ADDRESS);
      else i = formula[end] === "?" ? end + 1 : end;
      afterBracket = false;
    } else if (ch === "[") {
      // A structured reference's brackets (nested for `[[#This Row],[Total]]`) or a workbook's.
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      i = j + 1;
      afterBracket = true;
    } else if (WORD.test(ch)) {
      const end = run(i, WORD);
      const word = formula.slice(i, end);
      if (formula[end] === "!") {
        const { address, end: after } = addressAfter(end);
        if (!afterBracket) references.push({ sheets: [word], address, at: [i, after] });
        i = after;
      } else if (formula[end] === ":" && WORD.test(formula[end + 1] ?? "")) {
        // `Jan:Mar!B2` is a 3-D reference; `A1:B2` a range of two words.
        const last = run(end + 1, WORD);
        if (formula[last] === "!") {
          const { address, end: after } = addressAfter(last);
          if (!afterBracket)
            references.push({ sheets: [word, formula.slice(end + 1, last)], address, at: [i, after] });
          i = after;
        } else {
          // A range on the formula's own sheet (`E5:E9`, `E:E`, `5:9`), or two names.
          const second = formula.slice(end + 1, last);
          if (A1_AREA.test(`${word}:${second}`))
            references.push({ sheets: [], address: `${word}:${second}`, at: [i, last] });
          words.push(word, second);
          i = last;
        }
      } else {
        // A function's name is followed by its parenthesis; anything else is a name or a cell.
        if (formula[run(end, /\s/)] !== "(") {
          words.push(word);
          if (A1_AREA.test(word)) references.push({ sheets: [], address: word, at: [i, end] });
        }
        i = end;
      }
      afterBracket = false;
    } else {
      i++;
      afterBracket = false;
    }
  }
  return { references, words };
}

/** Whether a reference names `sheet` (Excel compares sheet names without regard to case). */
export function namesSheet(reference: SheetReference, sheet: string): boolean {
  const wanted = sheet.toLowerCase();
  return reference.sheets.some((s) => s.toLowerCase() === wanted);
}

/**
 * Whether a formula refers to `sheet`: a reference on it, or a bare word that is one of
 * `onSheet` (the tables on it, or names that refer to it), any case.
 */
export function refersToSheet(formula: string, sheet: string, onSheet: readonly string[] = []): boolean {
  return refersInto(
    formula,
    sheet,
    { row: 0, column: 0, rowCount: SHEET_ROWS, columnCount: SHEET_COLUMNS },
    onSheet,
  );
}

/** A block of cells, 0-based. */
export interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Whether a formula refers to a cell of `area` on `sheet` (what makes it one of the area's
 * direct dependents in Excel): a reference on the sheet that overlaps the area (one that is no
 * A1 address, a sheet-level name, counts), or a bare word that is one of `via` (the names that
 * refer into the area, the tables on the sheet), any case. A reference without a sheet is on
 * `home`, the sheet the formula is in.
 */
export function refersInto(
  formula: string,
  sheet: string,
  area: Area,
  via: readonly string[] = [],
  home = "",
): boolean {
  const { references, words } = formulaRefs(formula);
  const local = new Set(via.map((w) => w.toLowerCase()));
  const overlaps = (address: string) => {
    if (!A1_AREA.test(address)) return true;
    const at = parseA1(address);
    return (
      at.row < area.row + area.rowCount &&
      area.row < at.row + at.rowCount &&
      at.column < area.column + area.columnCount &&
      area.column < at.column + at.columnCount
    );
  };
  return (
    references.some(
      (r) =>
        (r.sheets.length === 0 ? home.toLowerCase() === sheet.toLowerCase() : namesSheet(r, sheet)) &&
        overlaps(r.address),
    ) || words.some((w) => local.has(w.toLowerCase()))
  );
}

/**
 * A formula as Excel rewrites it when `count` columns of `sheet` from `column` (0-based) are
 * deleted (Home > Delete > Delete Sheet Columns): a reference on the sheet right of them moves
 * left, a range across them shrinks, and one wholly inside them becomes `#REF!` (after its
 * sheet, when it names one: `'Budget comparison'!#REF!`). A reference without a sheet is on
 * `home`, the sheet the formula is in (a name's formula always names its sheet). Whole rows,
 * other sheets and 3-D references are left as they are. For the in-memory workbooks, which must
 * do to cells and names what Excel does; the preview's formula engine rewrites its own cells.
 */
export function deleteColumnsIn(
  formula: string,
  sheet: string,
  column: number,
  count: number,
  home = "",
): string {
  return shiftReferences(formula, sheet, home, "column", deleted(column, count));
}

/**
 * A formula as Excel rewrites it when `count` rows of `sheet` from `row` (0-based) are deleted
 * (Home > Delete > Delete Sheet Rows): as {@link deleteColumnsIn} does for columns, a reference
 * below them moves up, a range across them shrinks, one wholly inside them becomes `#REF!`;
 * whole columns are left as they are.
 */
export function deleteRowsIn(formula: string, sheet: string, row: number, count: number, home = ""): string {
  return shiftReferences(formula, sheet, home, "row", deleted(row, count));
}

/**
 * A formula as Excel rewrites it when `count` rows are inserted into `sheet` at `row` (0-based;
 * Home > Insert > Insert Sheet Rows): a reference to a row at or below `row` moves down with it,
 * a range that starts above `row` and ends at or below it widens (SUM(C5:C9) with a row inserted
 * at row 7 is SUM(C5:C10)), one that starts at or below it moves down whole. Whole columns,
 * other sheets and 3-D references are left as they are; `home` as for {@link deleteColumnsIn}.
 * A reference pushed past the sheet's last row is `#REF!`; a range that reached it keeps it.
 */
export function insertRowsIn(formula: string, sheet: string, row: number, count: number, home = ""): string {
  return shiftReferences(formula, sheet, home, "row", (from, to) => {
    const moved = (line: number) => (line >= row ? line + count : line);
    if (moved(from) >= SHEET_ROWS) return null;
    return [moved(from), to === SHEET_ROWS - 1 ? to : Math.min(moved(to), SHEET_ROWS - 1)];
  });
}

/** Where a span of lines (the first and last row or column of a reference) is after a change; null: gone. */
type Shift = (first: number, last: number) => readonly [number, number] | null;

/** Lines `line` to `line + count - 1` deleted: those after move back, a span across them shrinks. */
const deleted =
  (line: number, count: number): Shift =>
  (from, to) => {
    const last = line + count - 1;
    if (to < line) return [from, to];
    if (from > last) return [from - count, to - count];
    if (from >= line && to <= last) return null;
    return [from < line ? from : line, to > last ? to - count : line - 1];
  };

/**
 * The formula with each A1 reference to `sheet` (one without a sheet when the formula is on
 * `home`) moved along `axis` as `shift` says, `$`s kept, or `#REF!` where its span is gone. A
 * reference with no line on that axis (whole rows for columns, whole columns for rows) stays.
 */
function shiftReferences(formula: string, sheet: string, home: string, axis: "row" | "column", shift: Shift) {
  let rewritten = "";
  let at = 0;
  for (const { sheets, address, at: span } of scan(formula).references) {
    const onSheet =
      sheets.length === 0
        ? home.toLowerCase() === sheet.toLowerCase()
        : sheets.length === 1 && namesSheet({ sheets, address }, sheet);
    if (!onSheet || !A1_AREA.test(address)) continue;
    // Each end: its column's `$` and letters, its row's `$` and digits.
    const ends = address.split(":").map((end) => /^(\$?)([A-Z]*)(\$?)(\d*)$/i.exec(end)!);
    const line = (end: RegExpExecArray) =>
      axis === "column"
        ? end[2] === ""
          ? null
          : parseA1(`${end[2]}1`).column
        : end[4] === ""
          ? null
          : Number(end[4]) - 1;
    const [first, last = first] = ends.map(line);
    if (first === null || last === null) continue;
    const moved = shift(first, last);
    const written = (end: RegExpExecArray, to: number) =>
      axis === "column"
        ? `${end[1]}${columnLetter(to)}${end[3]}${end[4]}`
        : `${end[1]}${end[2]}${end[3]}${to + 1}`;
    rewritten +=
      formula.slice(at, span[1] - address.length) +
      (moved === null ? "#REF!" : ends.map((end, i) => written(end, moved[i === 0 ? 0 : 1])).join(":"));
    at = span[1];
  }
  return rewritten + formula.slice(at);
}
