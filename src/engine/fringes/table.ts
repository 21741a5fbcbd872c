/**
 * The workbook's fringe table: an Excel range whose first row is the header
 * `Name | Type | Rate | Cutoff` (spec/functions.md "Fringes"; the task pane writes it).
 * Parsing is pure; `resolveFringes` (resolve.ts) keeps parsed tables in a cache keyed by content.
 */
import { Decimal, ZERO, isBlankOrSpaces, toDecimal } from "../money";
import { ProdError, describeValue, errors } from "../errors";
import { DEFAULT_DAYS_PER_WEEK, type Fringe } from "./fringe";
import { periodWords, type FringeDefinition, type FringeType } from "./library";

/** The header the table must start with (matched ignoring case and spaces; order free). */
export const FRINGE_TABLE_HEADER = ["Name", "Type", "Rate", "Cutoff"] as const;

/**
 * A column PROD.FRINGE reads when the table has it: Threshold, the per-person wages below which a
 * % fringe charges nothing (Canada's CPP basic exemption; CPP2 from the first ceiling). An
 * extension of the spec's four columns, documented in the README.
 */
export const THRESHOLD_COLUMN = "Threshold";

type Column = (typeof FRINGE_TABLE_HEADER)[number] | typeof THRESHOLD_COLUMN;

/** A header cell as compared: lower case, no spaces ("Cut off " -> "cutoff"). */
export function headerKey(cell: unknown): string {
  return typeof cell === "string" ? cell.replace(/\s+/g, "").toLowerCase() : "";
}

const HEADER_KEYS = FRINGE_TABLE_HEADER.map((h) => h.toLowerCase());

/**
 * True when a header row has all four columns PROD.FRINGE reads (any order, case and spacing;
 * other columns allowed): a table the task pane can offer as a fringe table.
 */
export function hasFringeTableColumns(headers: readonly unknown[]): boolean {
  const keys = headers.map(headerKey);
  return HEADER_KEYS.every((k) => keys.includes(k));
}

/** True when `row` looks like the fringe table header (it names at least one of its columns). */
export function isFringeTableHeader(row: readonly unknown[]): boolean {
  return row.some((cell) => HEADER_KEYS.includes(headerKey(cell)));
}

/**
 * True when `row` reads as a data row of the table without its header: a name then a Type code
 * in the header's order. That is what a structured reference to the table's data (`Fringes`,
 * `Fringes[#Data]`) passes: the header row is left out.
 */
export function isHeaderlessFringeRow(row: readonly unknown[]): boolean {
  return row.length >= FRINGE_TABLE_HEADER.length && parseType(row[1]) !== undefined;
}

/**
 * Excel desktop passes an empty cell inside a range as 0 and Excel on the web as "" or null
 * (shared/engineering.md), so a 0 where a name or a cutoff belongs means "empty".
 */
export function isEmptyCell(value: unknown): boolean {
  return isBlankOrSpaces(value) || value === 0;
}

/** Type cell spellings: the spec's codes, plus PERCENT, and WEEK/<days> for a non-5-day week. */
function parseType(value: unknown): { type: FringeType; daysPerWeek: Decimal } | undefined {
  if (typeof value !== "string") return undefined;
  const code = value.replace(/\s+/g, "").toUpperCase();
  switch (code) {
    case "%":
    case "PERCENT":
      return { type: "%", daysPerWeek: DEFAULT_DAYS_PER_WEEK };
    case "HOUR":
      return { type: "HOUR", daysPerWeek: DEFAULT_DAYS_PER_WEEK };
    case "DAY":
      return { type: "DAY", daysPerWeek: DEFAULT_DAYS_PER_WEEK };
    case "WEEK":
      return { type: "WEEK", daysPerWeek: DEFAULT_DAYS_PER_WEEK };
    case "FLAT":
      return { type: "FLAT", daysPerWeek: DEFAULT_DAYS_PER_WEEK };
  }
  // "unless a table says otherwise" (spec): WEEK/6 is a six-day week, charged rate x days / 6.
  const week = /^WEEK\/(\d+(?:\.\d+)?)$/.exec(code);
  if (week && Number(week[1]) > 0) return { type: "WEEK", daysPerWeek: new Decimal(week[1]) };
  return undefined;
}

/** Re-words an engine error about one cell so it names the table row it is in. */
function inRow(rowNumber: number, name: string, compute: () => Decimal): Decimal {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ProdError) throw rowError(rowNumber, name, error.message);
    throw error;
  }
}

function rowError(rowNumber: number, name: string, detail: string): ProdError {
  const who = name ? ` (${name})` : "";
  return errors.invalid("fringes", `table row ${rowNumber}${who}: ${detail}`);
}

/**
 * A row's Threshold: blank (or desktop's 0) is none; only a % fringe may have one, and it must lie
 * below the cutoff, or the fringe could never charge anything.
 */
function readThreshold(
  value: unknown,
  rowNumber: number,
  name: string,
  type: FringeType,
  cutoff: Decimal | null,
): Decimal | null {
  if (isEmptyCell(value)) return null;
  const threshold = inRow(rowNumber, name, () => toDecimal(value, "Threshold"));
  if (threshold.isNeg())
    throw rowError(rowNumber, name, `Threshold must be 0 or more, got ${describeValue(value)}`);
  if (type !== "%")
    throw rowError(rowNumber, name, `Threshold applies only to % fringes; leave it blank for ${type}`);
  if (cutoff !== null && threshold.gte(cutoff))
    throw rowError(
      rowNumber,
      name,
      `Threshold ${describeValue(value)} must be below the Cutoff ${cutoff.toString()}: wages are charged between the two`,
    );
  return threshold;
}

/** Parses one data row; `rowNumber` counts the header as row 1, as the user sees the range. */
function parseRow(cellsOf: Record<Column, unknown>, rowNumber: number): Fringe {
  const rawName = cellsOf.Name;
  if (isEmptyCell(rawName)) throw rowError(rowNumber, "", "Name is blank");
  const name = String(rawName).trim();

  const parsedType = parseType(cellsOf.Type);
  if (!parsedType)
    throw rowError(
      rowNumber,
      name,
      `Type must be %, HOUR, DAY, WEEK or FLAT, got ${describeValue(cellsOf.Type)}`,
    );

  // A blank Rate is a rate the user has yet to fill in (workers' comp, the payroll fee), never 0%:
  // desktop Excel passes the empty cell as 0 and the web as blank, so a 0 means the same (a fringe
  // that costs nothing is a row to delete).
  const cutoff = readCutoff(cellsOf.Cutoff, rowNumber, name, parsedType.type);
  const threshold = readThreshold(cellsOf.Threshold, rowNumber, name, parsedType.type, cutoff);
  if (isEmptyCell(cellsOf.Rate)) {
    return {
      label: name,
      type: parsedType.type,
      rate: ZERO,
      cutoff,
      threshold,
      daysPerWeek: parsedType.daysPerWeek,
      confirmed: true,
      source: "fringe table",
      missingRate: {
        who: `table row ${rowNumber} (${name})`,
        how: FILL_IN_HOW,
        todo: "type it in your fringe table",
      },
    };
  }
  const rate = inRow(rowNumber, name, () => toDecimal(cellsOf.Rate, "Rate"));
  if (rate.isNeg())
    throw rowError(rowNumber, name, `Rate must be 0 or more, got ${describeValue(cellsOf.Rate)}`);
  // A percent fringe above 100% is always a typing slip (6.2 meant as 6.2%): say so rather than
  // charge 620%.
  if (parsedType.type === "%" && rate.gt(1))
    throw rowError(
      rowNumber,
      name,
      `Rate ${describeValue(cellsOf.Rate)} is over 100%: write a percent fringe as 0.062 or 6.2%`,
    );

  return {
    label: name,
    type: parsedType.type,
    rate,
    cutoff,
    threshold,
    daysPerWeek: parsedType.daysPerWeek,
    confirmed: true,
    source: "fringe table",
    missingRate: null,
  };
}

/** What a row with a blank Rate tells the user to do. */
const FILL_IN_HOW =
  "has no rate yet: type it in the Rate column (a % fringe as 4.8% or 0.048, the other types in dollars)";

/** A row's Cutoff: blank (or desktop's 0) is no cap; only a % fringe may have one. */
function readCutoff(value: unknown, rowNumber: number, name: string, type: FringeType): Decimal | null {
  if (isEmptyCell(value)) return null;
  const cutoff = inRow(rowNumber, name, () => toDecimal(value, "Cutoff"));
  if (cutoff.isNeg())
    throw rowError(rowNumber, name, `Cutoff must be 0 or more, got ${describeValue(value)}`);
  // Only a percent fringe has a wage cap (reference.md 3.4); a cap on a flat fringe would be
  // silently meaningless.
  if (type !== "%")
    throw rowError(rowNumber, name, `Cutoff applies only to % fringes; leave it blank for ${type}`);
  return cutoff;
}

/**
 * Parses a fringe table (header row first) into fringes, in row order.
 * - Header: `Name | Type | Rate | Cutoff`, any case and spacing, any column order; other
 *   columns (a description, a source) are ignored. A missing column is an error.
 * - Type: `%`, `HOUR`, `DAY`, `WEEK` (or `WEEK/6` for a six-day week), `FLAT`.
 * - Rate: for `%` a fraction (0.062) or percent (a 6.2% cell, or the text "6.2%"); dollars for
 *   the others; blank (or 0) = a rate the user has yet to fill in. Cutoff: blank = no cap.
 * - An optional Threshold column: per-person wages below which a % fringe charges nothing.
 * - Empty rows are skipped. A bad row is a #VALUE! error naming the row and the fringe.
 *
 * @param rows - the range as Excel passes it, header first
 */
export function parseFringeTable(rows: readonly (readonly unknown[])[]): readonly Fringe[] {
  const header = rows[0] ?? [];
  const index = {} as Record<Column, number>;
  for (const column of FRINGE_TABLE_HEADER) {
    const at = header.findIndex((cell) => headerKey(cell) === column.toLowerCase());
    if (at < 0)
      throw errors.invalid(
        "fringes",
        `table has no ${column} column: its first row must be the header ${FRINGE_TABLE_HEADER.join(" | ")}`,
      );
    index[column] = at;
  }

  const thresholdAt = header.findIndex((cell) => headerKey(cell) === THRESHOLD_COLUMN.toLowerCase());

  const fringes: Fringe[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((row, i) => {
    const rowNumber = i + 2;
    const cellsOf = {} as Record<Column, unknown>;
    for (const column of FRINGE_TABLE_HEADER) cellsOf[column] = row[index[column]];
    cellsOf.Threshold = thresholdAt < 0 ? null : row[thresholdAt];
    if (FRINGE_TABLE_HEADER.every((column) => isEmptyCell(cellsOf[column]))) return;
    const fringe = parseRow(cellsOf, rowNumber);
    const upper = fringe.label.toUpperCase();
    const first = seen.get(upper);
    if (first !== undefined)
      throw rowError(rowNumber, fringe.label, `the name is already used on row ${first}`);
    seen.set(upper, rowNumber);
    fringes.push(fringe);
  });
  if (fringes.length === 0) throw errors.invalid("fringes", "table has no fringes below its header row");
  return Object.freeze(fringes);
}

/**
 * The columns of a fringe table PROD writes: the four PROD.FRINGE reads, then what the library
 * says about each fringe, so the user can see where a rate comes from and whether it is confirmed.
 */
export const FRINGE_TABLE_COLUMNS = [
  ...FRINGE_TABLE_HEADER,
  THRESHOLD_COLUMN,
  "In force",
  "Confirmed",
  "Source",
  "Description",
] as const;

/** What the Confirmed column and the pane say of a figure, in a payroll accountant's words. */
export function confirmedWords(confirmed: boolean): string {
  return confirmed ? "confirmed" : "not confirmed: check with your payroll company";
}

/**
 * What the Confirmed column and the pane say of a library entry: confirmed, not confirmed, or a
 * rate the user fills in.
 */
export function statusWords(d: Pick<FringeDefinition, "rate" | "confirmed">): string {
  return d.rate === null
    ? "fill in: type your own rate in Rate (the description says where to get it)"
    : confirmedWords(d.confirmed);
}

/** What one column holds for a library fringe; null for a column the library has nothing for. */
function columnValue(header: unknown, d: FringeDefinition): string | number | null {
  switch (headerKey(header)) {
    case "name":
      return d.name;
    case "type":
      return d.type;
    case "rate":
      return d.rate === null ? null : Number(d.rate);
    case "cutoff":
      return d.cutoff === null ? null : Number(d.cutoff);
    case "threshold":
      return d.threshold === undefined ? null : Number(d.threshold);
    case "inforce":
      return periodWords(d);
    case "confirmed":
      return statusWords(d);
    case "source":
      return d.source === "" ? d.sourceName : `${d.sourceName}: ${d.source}`;
    case "description":
      return d.description;
    default:
      return null;
  }
}

/**
 * Library definitions as data rows of a fringe table with these headers (any order, case and
 * spacing; a column the library has nothing for, such as the user's Notes, is blank), for the
 * task pane to write into the workbook: rates as numbers (format the Rate cells of % rows as
 * percent), no cutoff as a blank (null).
 *
 * @param definitions - library fringes, one row each
 * @param headers - the table's header row; default {@link FRINGE_TABLE_COLUMNS}
 */
export function fringeTableRows(
  definitions: readonly FringeDefinition[],
  headers: readonly unknown[] = FRINGE_TABLE_COLUMNS,
): (string | number | null)[][] {
  return definitions.map((d) => headers.map((h) => columnValue(h, d)));
}
