/**
 * The `fringes` argument of PROD.FRINGE / FRINGERATE / FRINGEDETAIL, turned into fringes
 * (spec/functions.md "Fringes"): a library name, names joined by commas, a preset, a
 * year-suffixed name ("SS-2025"), a dated name ("SAG-AFTRA@2026-08-15"), a range of names, or a range holding a fringe table (with its
 * header row, or the table's data alone in the header's column order).
 */
import { ContentCache } from "../contentCache";
import { errors, describeValue } from "../errors";
import { isRange } from "../ranges";
import { fromDefinition, type Fringe } from "./fringe";
import { FRINGE_PRESETS, KNOWN_FRINGE_NAMES, LIBRARY_NAMES, findLibraryFringe, splitWhen } from "./library";
import {
  FRINGE_TABLE_COLUMNS,
  FRINGE_TABLE_HEADER,
  isEmptyCell,
  isFringeTableHeader,
  isHeaderlessFringeRow,
  parseFringeTable,
} from "./table";

/** A fringe and the name it is known by when checking for one listed twice ("SS", "MPI"). */
interface Named {
  key: string;
  fringe: Fringe;
}

/** One typed name (maybe a preset, maybe with a year or a date) as library fringes. */
function expandName(token: string): Named[] {
  const { name, when } = splitWhen(token);
  const preset = FRINGE_PRESETS[name];
  if (preset) {
    return preset.fringes.map((member) => ({
      key: member,
      fringe: fromDefinition(findLibraryFringe(member, when)),
    }));
  }
  if (!LIBRARY_NAMES.includes(name)) throw errors.unknownName("fringe", token, KNOWN_FRINGE_NAMES);
  return [{ key: name, fringe: fromDefinition(findLibraryFringe(name, when)) }];
}

function fromNames(values: readonly unknown[]): Named[] {
  const out: Named[] = [];
  for (const value of values) {
    if (isEmptyCell(value)) continue;
    if (typeof value !== "string")
      throw errors.invalid(
        "fringes",
        `must be fringe names (like "PAYROLL-CA" or "SS,MEDICARE") or a fringe table, got ${describeValue(value)}`,
      );
    for (const token of value.split(",")) {
      if (token.trim() !== "") out.push(...expandName(token.trim()));
    }
  }
  return out;
}

function fromTable(rows: readonly (readonly unknown[])[]): Named[] {
  return parseFringeTable(rows).map((fringe) => ({ key: fringe.label.toUpperCase(), fringe }));
}

function fromSpec(spec: unknown): readonly Fringe[] {
  let named: Named[];
  if (isRange(spec)) {
    const rows = spec;
    if (rows.length > 0 && isFringeTableHeader(rows[0])) {
      named = fromTable(rows);
    } else if (rows.length > 0 && isHeaderlessFringeRow(rows[0])) {
      // The table's data without its header (an Excel table referenced by name): its columns are
      // in the header's order, as the task pane writes them. Row numbers in messages still count
      // the header as row 1, as on the sheet.
      // A table the pane wrote has all its columns (Threshold fifth); one of the four alone may
      // have other columns after them, which are ignored.
      const header =
        rows[0].length >= FRINGE_TABLE_COLUMNS.length ? FRINGE_TABLE_COLUMNS : FRINGE_TABLE_HEADER;
      named = fromTable([header, ...rows]);
    } else if (rows.length === 1 || rows.every((row) => row.length === 1)) {
      named = fromNames(rows.flat());
    } else {
      throw errors.invalid(
        "fringes",
        "is a range of several rows and columns, so it must be a fringe table with the columns Name | Type | Rate | Cutoff (header row first)",
      );
    }
  } else {
    named = fromNames([spec]);
  }
  if (named.length === 0) throw errors.required("fringes");

  // A fringe listed twice ("PAYROLL-US,SS") would be charged twice: always a mistake.
  const seen = new Set<string>();
  for (const { key } of named) {
    if (seen.has(key)) throw errors.invalid("fringes", `lists ${key} twice: each fringe may appear once`);
    seen.add(key);
  }
  return Object.freeze(named.map((n) => n.fringe));
}

/**
 * The parsed `fringes` arguments. A workbook uses a handful of fringe sets and tables; thousands of
 * FRINGE cells share them, so 64 distinct ones stay parsed.
 */
const parsed = new ContentCache<readonly Fringe[]>(64);

/**
 * The fringes a `fringes` argument names, in order. Results are cached by the argument's content
 * (a bounded cache, least recently used dropped first), so the same table is parsed once.
 *
 * Throws #N/A for an unknown name (with close names) and #VALUE! for a bad table (naming the row),
 * a fringe listed twice, or an empty argument.
 *
 * @param spec - the argument as Excel passed it: a single value or a 2-D range
 */
export function resolveFringes(spec: unknown): readonly Fringe[] {
  return parsed.get([spec], () => fromSpec(spec));
}
