/**
 * The `fringes` argument of PROD.FRINGE / FRINGERATE / FRINGEDETAIL, turned into fringes
 * (spec/functions.md "Fringes"): a library name, names joined by commas, a preset, a
 * year-suffixed name ("SS-2025"), a dated name ("SAG-AFTRA@2026-08-15"), a range of names, or a range holding a fringe table (with its
 * header row, or the table's data alone in the header's column order).
 */
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
 * How many distinct `fringes` arguments stay resolved. A workbook uses a handful of fringe sets
 * and tables; thousands of FRINGE cells share them (shared/engineering.md: keep per-call work tiny
 * and cache parsed fringe tables by content).
 */
const CACHE_LIMIT = 64;
const cache = new Map<string, readonly Fringe[]>();

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
  // A budget's FRINGE cells mostly read one table, and Excel hands each call a fresh copy of it:
  // comparing cells with the last one asked for is cheaper than writing the cache key.
  if (last && sameCells(last.spec, spec)) return last.fringes;
  const fringes = cachedByContent(spec);
  last = { spec: isRange(spec) ? spec.map((row) => [...row]) : spec, fringes };
  return fringes;
}

/** The last `fringes` argument resolved (its cells copied) and its fringes. */
let last: { spec: unknown; fringes: readonly Fringe[] } | undefined;

/** True when two arguments hold the same values: the same scalar, or ranges equal cell by cell. */
function sameCells(a: unknown, b: unknown): boolean {
  if (!isRange(a) || !isRange(b)) return a === b;
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r];
    const y = b[r];
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

function cachedByContent(spec: unknown): readonly Fringe[] {
  // NaN and Infinity are not JSON (stringify writes them as null, a blank cell): they are keyed as
  // objects, which no cell can hold, so a table with one never shares a blank table's entry.
  const key =
    JSON.stringify(spec, (_key, v: unknown) =>
      typeof v === "number" && !Number.isFinite(v) ? { n: String(v) } : v,
    ) ?? "";
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const fringes = fromSpec(spec);
  cache.set(key, fringes);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return fringes;
}
