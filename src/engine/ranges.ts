/**
 * Shapes of values from Excel. A custom function gets a single cell as a scalar and a range as a
 * 2-D array (rows of cells); PROD functions that accept "a column or a row" treat both the same.
 */

/** A value as Excel passes it to a custom function: a scalar or a 2-D range. */
export type CellValue = number | string | boolean | null | undefined;

/**
 * True when `value` is a 2-D range rather than a single cell: rows of cells, every row there and
 * of one length, as Excel always passes a range. Anything else (a row missing from a sparse
 * array, rows of different lengths) is not a range: it is read as one value, which no function
 * takes, so the answer is a #VALUE! naming the argument, never a ragged spill or a crash.
 */
export function isRange(value: unknown): value is unknown[][] {
  if (!Array.isArray(value)) return false;
  // An index loop, not every(): every() skips the holes of a sparse array.
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    if (!Array.isArray(row) || row.length !== (value[0] as unknown[]).length) return false;
  }
  return true;
}

/**
 * The cells of a single row or column (or a single cell) as one list, in reading order.
 * A range of several rows and columns is read row by row.
 */
export function cells(value: unknown): unknown[] {
  if (!isRange(value)) return [value];
  if (value.length === 1) return value[0];
  const out: unknown[] = [];
  for (const row of value) for (const cell of row) out.push(cell);
  return out;
}
