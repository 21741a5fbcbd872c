/**
 * Which rows of a table are lines, and which are not: blank rows, title lines above the
 * headings, headings repeated on every page, and the total and subtotal lines exports end
 * groups with ("Subtotal 2100", "Report total 51,129.48"). Those are left out and listed, and a
 * total the export states for the whole file is kept as its control total, so the reader can
 * check its own sum against it (issue 16: a report-total line was counted as an actual and the
 * doubled sum said to "agree").
 */
import { isBlankOrSpaces, type Decimal } from "../money";
import { normalizeHeader, type Columns, type FieldSpec } from "./headers";
import { DECIMAL_POINT, readAmount, type NumberFormat } from "./numbers";

/** What a row of a table is. */
export type RowKind = "data" | "blank" | "title" | "header" | "total" | "subtotal";

/** Why a row was left out: what the table reader found, or what the panel could not read. */
export type LeftOutKind = Exclude<RowKind, "data" | "blank"> | "unreadable";

/** A row that is not counted, with why, in the user's words. */
export interface LeftOut {
  /** 1-based row of the file or sheet. */
  row: number;
  kind: LeftOutKind;
  /** Why it is left out ("a total line of the export"). */
  reason: string;
  /** The row's cells as text, shortened: what the user looks for in the file. */
  text: string;
  /** The row's amount, when one could be read. */
  amount?: Decimal;
}

/** A total the export states for all its lines. */
export interface ControlTotal {
  row: number;
  text: string;
  amount: Decimal;
}

// "Total", "Totals", "Subtotal", "Sub-total", "Sub total" as a word of a cell.
const TOTAL_WORD = /\b(?:sub[\s-]?)?totals?\b/i;
const SUB_WORD = /\bsub[\s-]?totals?\b/i;
/** Words of a label that totals the whole file ("Report total", "GRAND TOTAL:", "Totals"). */
const WHOLE_FILE_WORDS = new Set([
  "total",
  "totals",
  "grand",
  "report",
  "ledger",
  "general",
  "overall",
  "all",
  "accounts",
  "lines",
  "file",
  "export",
  "net",
  "amount",
  "of",
  "for",
  "the",
]);

/** True when a total's label names no group ("Report total", not "Total 2100" or "Total Grip"). */
function totalsWholeFile(label: string): boolean {
  return normalizeHeader(label)
    .split(" ")
    .every((w) => WHOLE_FILE_WORDS.has(w));
}

/** A row's cells as text for the list of what was left out. */
export function rowText(row: readonly unknown[]): string {
  const text = row
    .filter((c) => !isBlankOrSpaces(c))
    .map((c) => String(c).trim())
    .join(" | ");
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What a {@link RowSorter} needs of a table's layout. */
export interface SorterLayout<F extends string> {
  /** 0-based row of the headings (-1 when the table has none). */
  headerRow: number;
  headers: readonly string[];
  columns: Columns<F>;
  fields: readonly FieldSpec<F>[];
  /** The format to read total lines' amounts with; undefined reads only number cells. */
  numberFormat?: NumberFormat;
}

/**
 * Sorts the rows of one table, in order (a large file in chunks): each row is data or is left
 * out. Total lines are remembered until the end, where the last one that totals the whole file
 * becomes the control total and the others are subtotals.
 *
 * @param amountOf - a line's amount from its money cells (a ledger: amount, or debit − credit);
 *   by default the first money field with an amount
 */
export class RowSorter<F extends string> {
  private readonly keyCols: number[];
  private readonly moneyFields: F[];
  private readonly headerNames: string[];
  private readonly firstKey: number | undefined;
  private readonly out: LeftOut[] = [];
  private readonly totals: { item: LeftOut; wholeFile: boolean }[] = [];
  private blanks = 0;

  constructor(
    private readonly layout: SorterLayout<F>,
    private readonly amountOf?: (amounts: Partial<Record<F, Decimal>>) => Decimal | undefined,
  ) {
    const col = (f: F) => layout.columns[f];
    this.keyCols = layout.fields
      .filter((s) => s.key && col(s.field) !== undefined)
      .map((s) => col(s.field) as number);
    this.moneyFields = layout.fields.filter((s) => s.kind === "money").map((s) => s.field);
    this.headerNames = layout.headers.map(normalizeHeader);
    this.firstKey = this.keyCols[0];
  }

  /** Sorts the row at 0-based `index` of the table; anything but "data" is left out. */
  sort(row: readonly unknown[], index: number): RowKind {
    if (row.every(isBlankOrSpaces)) {
      if (index > this.layout.headerRow) this.blanks++;
      return "blank";
    }
    if (index < this.layout.headerRow) {
      this.leave(row, index, "title", "a title line above the headings");
      return "title";
    }
    if (index === this.layout.headerRow) return "header";
    if (this.repeatsHeader(row)) {
      this.leave(row, index, "header", "the headings, repeated");
      return "header";
    }
    const label = this.totalLabel(row);
    if (label !== undefined) {
      const sub = SUB_WORD.test(label) || !totalsWholeFile(label);
      const item = this.leave(row, index, sub ? "subtotal" : "total", "");
      this.totals.push({ item, wholeFile: !sub });
      return sub ? "subtotal" : "total";
    }
    return "data";
  }

  /** Blank rows below the headings (skipped; nothing on them to list). */
  get blankRows(): number {
    return this.blanks;
  }

  /**
   * The rows left out so far, in order, with the control total: the last total line that totals
   * the whole file and has an amount (the other total lines are subtotals).
   */
  finish(): { leftOut: LeftOut[]; controlTotal?: ControlTotal } {
    let control: LeftOut | undefined;
    for (let i = this.totals.length - 1; i >= 0 && !control; i--) {
      const t = this.totals[i];
      if (t.wholeFile && t.item.amount !== undefined) control = t.item;
    }
    for (const { item } of this.totals) {
      item.kind = item === control ? "total" : "subtotal";
      item.reason =
        item === control
          ? "the export's total of all its lines (a control total, not a line)"
          : "a subtotal line of the export (not a line)";
    }
    return {
      leftOut: this.out,
      controlTotal: control && { row: control.row, text: control.text, amount: control.amount as Decimal },
    };
  }

  /** Records a row left out; `kind` "unreadable" is for the panel's own reasons. */
  leave(
    row: readonly unknown[],
    index: number,
    kind: LeftOutKind,
    reason: string,
    amount?: Decimal,
  ): LeftOut {
    const item: LeftOut = {
      row: index + 1,
      kind,
      reason,
      text: rowText(row),
      amount: amount ?? this.amount(row),
    };
    this.out.push(item);
    return item;
  }

  private amount(row: readonly unknown[]): Decimal | undefined {
    const amounts: Partial<Record<F, Decimal>> = {};
    const fmt = this.layout.numberFormat;
    for (const f of this.moneyFields) {
      const c = this.layout.columns[f];
      const v = c === undefined ? undefined : row[c];
      // Before the format is decided, only number cells have an amount.
      const a = fmt ? readAmount(v, fmt) : typeof v === "number" ? readAmount(v, DECIMAL_POINT) : undefined;
      if (a !== undefined) amounts[f] = a;
    }
    if (this.amountOf) return this.amountOf(amounts);
    for (const f of this.moneyFields) if (amounts[f] !== undefined) return amounts[f];
    return undefined;
  }

  private repeatsHeader(row: readonly unknown[]): boolean {
    const k = this.firstKey;
    if (k === undefined) return false;
    const v = row[k];
    // Cheap first: a line's account or date does not start with the heading's first letter.
    if (typeof v !== "string" || v.trimStart().charAt(0).toLowerCase() !== this.headerNames[k]?.charAt(0))
      return false;
    if (normalizeHeader(v) !== this.headerNames[k]) return false;
    return this.headerNames.every((h, i) => normalizeHeader(row[i]) === h);
  }

  /**
   * The cell that makes a row a total line, or undefined: a total word in a key column, or
   * anywhere in a row whose key columns are all blank.
   */
  private totalLabel(row: readonly unknown[]): string | undefined {
    for (const c of this.keyCols) {
      const v = row[c];
      if (typeof v === "string" && TOTAL_WORD.test(v)) return v;
    }
    if (this.keyCols.some((c) => !isBlankOrSpaces(row[c]))) return undefined;
    for (const v of row) if (typeof v === "string" && TOTAL_WORD.test(v)) return v;
    return undefined;
  }
}
