/**
 * The one reader of tables other people laid out (spec/architecture.md, "Reading what people
 * bring"). Every panel that imports a table (cost report inputs, vendor bids) uses it and maps the
 * result to its own meaning; none guesses formats on its own.
 *
 * Use:
 * 1. `readLayout(rows, vocabulary, answers?)` on the grid (or a large file's first rows): header
 *    row, columns (`guessColumns`), number format and date order, and `questions` for what the
 *    file does not decide. `empty` says the grid has nothing in it.
 * 2. Ask each question (its `message` and `choices`) and call `readLayout` again with the
 *    `answers` (a confirmed mapping from the pane's column memory goes in `answers.columns`).
 * 3. Sort the rows with `new RowSorter(layout, amountOf?)`: `sort(row, index)` says "data" or
 *    why not (blank, title, header, total, subtotal); read the data rows with `readAmount(cell,
 *    layout.numberFormat)` and `parseDate(cell, layout.dateOrder)`; `leave(...)` records a row
 *    the panel cannot read; `finish()` gives every row left out (row, text, amount, reason) and
 *    the export's own control total, to reconcile to.
 */
export {
  normalizeHeader,
  headerSignature,
  guessColumns,
  findHeaderRow,
  meetsNeeds,
  HEADER_SEARCH_ROWS,
  type Columns,
  type FieldKind,
  type FieldSpec,
  type Vocabulary,
} from "./headers";
export {
  DECIMAL_COMMA,
  DECIMAL_POINT,
  canonicalAmount,
  currencyOf,
  detectNumberFormat,
  formatEvidence,
  formatWords,
  readAmount,
  type NumberFormat,
  type NumberFormatFinding,
} from "./numbers";
export {
  dateSerial,
  detectDateOrder,
  ORDER_WORDS,
  parseDate,
  provesOtherOrder,
  serialToIso,
  type DateOrder,
  type DateOrderFinding,
  type Sample,
} from "./dates";
export { RowSorter, rowText, type ControlTotal, type LeftOut, type LeftOutKind, type RowKind } from "./lines";
export { readLayout, type Answers, type Layout, type Question } from "./table";
