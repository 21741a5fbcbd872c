/**
 * Reading a table someone else laid out (spec/architecture.md, "Reading what people bring"): a
 * vendor's bid, a ledger export, a budget, open POs. {@link readLayout} looks at the top of the
 * grid (or all of it) and decides what it can: the header row, which column holds which field,
 * the number format of the amounts and the order of the dates. What it cannot decide comes back
 * as a {@link Question} for the user, never as a guess; the panel asks, then calls it again with
 * the {@link Answers}. The rows are then sorted line by line with a {@link RowSorter}.
 */
import { isBlankOrSpaces } from "../money";
import { detectDateOrder, ORDER_WORDS, type DateOrder, type DateOrderFinding, type Sample } from "./dates";
import {
  findHeaderRow,
  firstFilledRow,
  guessColumns,
  headerSignature,
  meetsNeeds,
  type Columns,
  type Vocabulary,
} from "./headers";
import { RowSorter } from "./lines";
import {
  DECIMAL_COMMA,
  DECIMAL_POINT,
  detectNumberFormat,
  formatWords,
  type NumberFormat,
  type NumberFormatFinding,
} from "./numbers";

/** What the user has settled (or the pane remembers): it takes the place of a guess. */
export interface Answers<F extends string> {
  /** 0-based header row. */
  headerRow?: number;
  columns?: Columns<F>;
  numberFormat?: NumberFormat;
  dateOrder?: DateOrder;
}

/** Something the reader could not decide, in words, with the choices to offer. */
export type Question<F extends string> =
  | {
      kind: "headerRow";
      message: string;
      /** The first row with anything in it: what to offer. */
      proposed: number;
    }
  | {
      kind: "columns";
      message: string;
      /** Needs of the vocabulary no column was found for (each a list of alternatives). */
      missing: F[][];
    }
  | {
      kind: "numberFormat";
      message: string;
      finding: NumberFormatFinding;
      choices: NumberFormat[];
    }
  | {
      kind: "dateOrder";
      message: string;
      finding: DateOrderFinding;
      choices: DateOrder[];
    }
  | {
      kind: "currency";
      message: string;
      /** The signs and codes found: amounts in several currencies cannot be added. */
      currencies: string[];
    };

/** What was decided about a table, and what is still a question. */
export interface Layout<F extends string> {
  /** True when the grid has nothing in it; then there is nothing else. */
  empty: boolean;
  /** 0-based header row (-1 when empty). */
  headerRow: number;
  /** True when the vocabulary recognised the header row (or the user answered it). */
  headerFound: boolean;
  /** The header row's cells as text. */
  headers: string[];
  /** The key under which a confirmed mapping is remembered. */
  signature: string;
  columns: Columns<F>;
  /** The format to read amounts with; undefined while it is a question. */
  numberFormat?: NumberFormat;
  numberFinding: NumberFormatFinding;
  /** The order to read slash dates with; undefined while it is a question. */
  dateOrder?: DateOrder;
  dateFinding: DateOrderFinding;
  /** Empty when everything is decided. */
  questions: Question<F>[];
}

const quote = (s: readonly Sample[]) =>
  s
    .slice(0, 3)
    .map((x) => `"${x.text}" (row ${x.row})`)
    .join(", ");

/**
 * Decides the layout of a grid. `rows` is the grid or its first rows (a large file's preview):
 * the number format and date order are judged from the rows below the headings that it holds.
 *
 * @param vocabulary - the panel's fields and the header words that suggest them
 * @param answers - what the user settled; a remembered answer that the file contradicts (dates
 *   that prove the other order) is asked again
 */
export function readLayout<F extends string>(
  rows: readonly (readonly unknown[])[],
  vocabulary: Vocabulary<F>,
  answers: Answers<F> = {},
): Layout<F> {
  const questions: Question<F>[] = [];
  const filled = firstFilledRow(rows);
  const none = { status: "notNeeded" as const, examples: [] };
  if (filled === undefined) {
    return {
      empty: true,
      headerRow: -1,
      headerFound: false,
      headers: [],
      signature: "",
      columns: {},
      numberFinding: { ...none, currencies: [] },
      dateFinding: none,
      questions,
    };
  }
  const found = answers.headerRow ?? findHeaderRow(rows, vocabulary);
  const headerRow = found ?? filled;
  if (found === undefined) {
    questions.push({
      kind: "headerRow",
      proposed: filled,
      message: `No row of headings was recognised in the first rows. Check that row ${filled + 1} holds the headings and pick which column holds what.`,
    });
  }
  const headers = (rows[headerRow] ?? []).map((h) => (isBlankOrSpaces(h) ? "" : String(h).trim()));
  const columns = answers.columns ?? guessColumns(headers, vocabulary);
  if (!meetsNeeds(columns, vocabulary)) {
    const missing = vocabulary.headerNeeds.filter((any) => any.every((f) => columns[f] === undefined));
    questions.push({
      kind: "columns",
      missing: missing.map((m) => [...m]),
      message: "Pick which column holds each field the table needs.",
    });
  }

  // The rows below the headings, without total lines: their amounts and dates are the evidence.
  const sorter = new RowSorter({ headerRow, headers, columns, fields: vocabulary.fields });
  const body: { row: readonly unknown[]; n: number }[] = [];
  for (let r = headerRow + 1; r < rows.length; r++)
    if (sorter.sort(rows[r], r) === "data") body.push({ row: rows[r], n: r + 1 });
  const cellsOf = (kind: "money" | "date") => {
    const cells: unknown[] = [];
    const numbers: number[] = [];
    for (const spec of vocabulary.fields) {
      const c = columns[spec.field];
      if (spec.kind !== kind || c === undefined) continue;
      for (const { row, n } of body) {
        cells.push(row[c]);
        numbers.push(n);
      }
    }
    return { cells, numbers };
  };

  const money = cellsOf("money");
  const numberFinding = detectNumberFormat(money.cells, money.numbers);
  let numberFormat: NumberFormat | undefined = answers.numberFormat;
  if (numberFormat === undefined) {
    if (numberFinding.status === "proved") numberFormat = numberFinding.format;
    // Nothing here depends on the format: every amount reads the same either way.
    else if (numberFinding.status === "notNeeded") numberFormat = DECIMAL_POINT;
    else {
      questions.push({
        kind: "numberFormat",
        finding: numberFinding,
        choices: [DECIMAL_POINT, DECIMAL_COMMA],
        message:
          numberFinding.status === "mixed"
            ? `The amounts are written in both formats (${quote(numberFinding.examples)}). Pick the format of the file; amounts in the other are listed as unreadable.`
            : `The amounts can be read two ways (${quote(numberFinding.examples)}: one thousand, or one?). Pick how the file writes amounts: 1,234.56 or 1.234,56.`,
      });
    }
  } else if (numberFinding.status === "proved" && numberFinding.format?.decimal !== numberFormat.decimal) {
    questions.push({
      kind: "numberFormat",
      finding: numberFinding,
      choices: [DECIMAL_POINT, DECIMAL_COMMA],
      message: `The amounts are written ${formatWords(numberFinding.format as NumberFormat)} (${quote(numberFinding.examples)}), not ${formatWords(numberFormat)} as chosen. Pick the format again.`,
    });
    numberFormat = undefined;
  }
  if (numberFinding.currencies.length > 1) {
    questions.push({
      kind: "currency",
      currencies: numberFinding.currencies,
      message: `The amounts are in more than one currency (${numberFinding.currencies.join(", ")}); they cannot be added. Convert them to one currency in the file first.`,
    });
  }

  const dates = cellsOf("date");
  const dateFinding = detectDateOrder(dates.cells, dates.numbers);
  let dateOrder: DateOrder | undefined = answers.dateOrder;
  const proved = dateFinding.status === "proved" ? dateFinding.order : undefined;
  if (dateOrder !== undefined && proved !== undefined && proved !== dateOrder) {
    questions.push({
      kind: "dateOrder",
      finding: dateFinding,
      choices: ["DMY", "MDY"],
      message: `The dates can only be ${ORDER_WORDS[proved]} (${quote(dateFinding.examples)}), not ${ORDER_WORDS[dateOrder]} as chosen. Pick the order again.`,
    });
    dateOrder = undefined;
  } else if (dateOrder === undefined) {
    if (proved !== undefined) dateOrder = proved;
    else if (dateFinding.status === "notNeeded") dateOrder = "MDY";
    else {
      questions.push({
        kind: "dateOrder",
        finding: dateFinding,
        choices: ["DMY", "MDY"],
        message:
          dateFinding.status === "mixed"
            ? `Some dates can only be day/month and others only month/day (${quote(dateFinding.examples)}). Pick the order of the file; dates in the other are listed as unreadable.`
            : `The dates can be read two ways (${quote(dateFinding.examples)}). Pick whether the file writes day/month/year or month/day/year.`,
      });
    }
  }

  return {
    empty: false,
    headerRow,
    headerFound: found !== undefined,
    headers,
    signature: headerSignature(headers),
    columns,
    numberFormat,
    numberFinding,
    dateOrder,
    dateFinding,
    questions,
  };
}
