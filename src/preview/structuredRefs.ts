/*
 * Excel tables' structured references (`Fringes[#All]`, `Budget[Total]`, `[@Rate]`) turned into
 * the plain A1 ranges they stand for, because HyperFormula has no tables. The preview keeps the
 * formula as written and hands the engine the translation, re-translating when a table resizes,
 * which is what Excel's own references do.
 */
import { outsideQuotes } from "../excel/formulaQuotes";
import { a1Range, sheetRef } from "../excel/port";

/** Where a table sits: header row at (row, column), `rowCount` rows including the header. */
export interface TableArea {
  name: string;
  sheet: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  headers: readonly string[];
}

/** The cell a formula is in (for `[@Column]`, "this row"). */
export interface FormulaCellAt {
  sheet: string;
  row: number;
  column: number;
}

/** Thrown for a structured reference that does not resolve, as Excel refuses such a formula. */
export class StructuredRefError extends Error {}

const SPECIALS = new Set(["#all", "#data", "#headers", "#totals", "#this row"]);

/** `Table[...]`, `[...]` (the table the formula is in) and bare table names, outside quotes. */
const REFERENCE =
  /(^|[^A-Za-z0-9_.!'\]])([A-Za-z_\\][A-Za-z0-9_.]*)?(\[(?:[^[\]]|\[[^\]]*\])*\])|(^|[^A-Za-z0-9_.!'])([A-Za-z_\\][A-Za-z0-9_.]*)(?![A-Za-z0-9_.]*\s*[([!])/g;

/** The parts inside the brackets: `[#All],[Rate]` -> ["#All", "Rate"]; `Rate` -> ["Rate"]. */
function specifiers(inner: string): string[] {
  const body = inner.slice(1, -1).trim();
  if (!body.includes("[")) return [body];
  return [...body.matchAll(/\[([^\]]*)\]|(:)|(@)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolve(table: TableArea, inner: string, at: FormulaCellAt): string {
  const parts = specifiers(inner);
  let rows: "all" | "data" | "headers" | "this" = "data";
  const columns: string[] = [];
  let thisRow = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "@") {
      thisRow = true;
      continue;
    }
    if (part === ":" || part === "") continue;
    const lower = part.toLowerCase();
    if (lower.startsWith("@")) {
      thisRow = true;
      const name = part.slice(1).trim();
      if (name) columns.push(name);
    } else if (SPECIALS.has(lower)) {
      if (lower === "#all") rows = "all";
      else if (lower === "#headers") rows = "headers";
      else if (lower === "#this row") rows = "this";
      else if (lower === "#totals") throw new StructuredRefError(`${table.name} has no totals row.`);
    } else columns.push(part);
  }
  if (thisRow) rows = "this";
  const indexOf = (name: string) => {
    const i = table.headers.findIndex(
      (h) => h.trim().toLowerCase() === name.replace(/'(.)/g, "$1").toLowerCase(),
    );
    if (i < 0) throw new StructuredRefError(`${table.name} has no column "${name}".`);
    return i;
  };
  const first = columns.length > 0 ? indexOf(columns[0]) : 0;
  const last = columns.length > 0 ? indexOf(columns[columns.length - 1]) : table.columnCount - 1;
  const dataRows = Math.max(1, table.rowCount - 1);
  let top: number;
  let count: number;
  if (rows === "all") [top, count] = [table.row, table.rowCount];
  else if (rows === "headers") [top, count] = [table.row, 1];
  else if (rows === "this") {
    if (at.sheet !== table.sheet || at.row <= table.row || at.row >= table.row + table.rowCount) {
      throw new StructuredRefError(
        `[@...] refers to the row of ${table.name} the formula is in, and this formula is not in it.`,
      );
    }
    [top, count] = [at.row, 1];
  } else [top, count] = [table.row + 1, dataRows];
  const range = a1Range(top, table.column + Math.min(first, last), count, Math.abs(last - first) + 1, true);
  return `${sheetRef(table.sheet)}!${range}`;
}

/**
 * The formula with every structured reference replaced by its A1 range.
 * @param tableNamed finds a table by name (any case); `tableAt` the table holding a cell.
 * @throws StructuredRefError for a table or column that does not exist.
 */
export function translateStructuredRefs(
  formula: string,
  at: FormulaCellAt,
  tableNamed: (name: string) => TableArea | undefined,
  tableAt: (cell: FormulaCellAt) => TableArea | undefined,
): string {
  if (!formula.startsWith("=")) return formula;
  return outsideQuotes(formula, (code) =>
    code.replace(
      REFERENCE,
      (
        whole,
        before1: string,
        name: string | undefined,
        inner: string | undefined,
        before2: string,
        bare: string,
      ) => {
        if (inner !== undefined) {
          const table = name ? tableNamed(name) : tableAt(at);
          if (!table) {
            if (name) throw new StructuredRefError(`There is no table "${name}".`);
            throw new StructuredRefError(
              `${inner} refers to a table column, and this formula is not in a table.`,
            );
          }
          return before1 + resolve(table, inner, at);
        }
        const table = tableNamed(bare);
        return table ? before2 + resolve(table, "[#Data]", at) : whole;
      },
    ),
  );
}

/** A column name as a bracketed specifier holds it: Excel escapes [ ] # ' with an apostrophe. */
const escapeColumn = (name: string) => name.replace(/[[\]#']/g, "'$&");
const unescapeColumn = (name: string) => name.trim().replace(/'(.)/g, "$1").toLowerCase();

/**
 * The formula with column `from` of table `table` called `to` in every structured reference to
 * it (`Rates[Hours]`, `[@Hours]`, `Rates[[#This Row],[Hours]]`), as Excel rewrites formulas when
 * a table's header cell is renamed. Other tables' columns of that name are left alone.
 */
export function renameColumnRefs(
  formula: string,
  at: FormulaCellAt,
  tableNamed: (name: string) => TableArea | undefined,
  tableAt: (cell: FormulaCellAt) => TableArea | undefined,
  rename: { table: string; from: string; to: string },
): string {
  if (!formula.startsWith("=")) return formula;
  const from = rename.from.trim().toLowerCase();
  const to = escapeColumn(rename.to);
  return outsideQuotes(formula, (code) =>
    code.replace(REFERENCE, (whole, before1: string, name: string | undefined, inner: string | undefined) => {
      if (inner === undefined) return whole;
      const table = name ? tableNamed(name) : tableAt(at);
      if (table?.name.toLowerCase() !== rename.table.toLowerCase()) return whole;
      const body = inner.slice(1, -1);
      let renamed: string;
      if (body.includes("[")) {
        renamed = body.replace(/\[([^\]]*)\]/g, (part, column: string) =>
          unescapeColumn(column) === from ? `[${to}]` : part,
        );
      } else {
        const thisRow = body.trimStart().startsWith("@");
        const column = thisRow ? body.trimStart().slice(1) : body;
        if (unescapeColumn(column) !== from) return whole;
        // `[@Day rate]` is written `[@[Day rate]]` when the name has more than letters and digits.
        renamed = thisRow ? (/^[A-Za-z0-9_.]+$/.test(to) ? `@${to}` : `@[${to}]`) : to;
      }
      return `${before1}${name ?? ""}[${renamed}]`;
    }),
  );
}

/** True if a formula has anything that looks like a structured reference. */
export function hasStructuredRefs(
  formula: string,
  tableNamed: (name: string) => TableArea | undefined,
): boolean {
  if (!formula.startsWith("=")) return false;
  let found = false;
  outsideQuotes(formula, (code) => {
    for (const m of code.matchAll(REFERENCE)) if (m[3] !== undefined || tableNamed(m[5])) found = true;
    return code;
  });
  return found;
}
