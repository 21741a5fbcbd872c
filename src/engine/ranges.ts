/**
 * Shapes of values from Excel. A custom function gets a single cell as a scalar and a range as a
 * 2-D array (rows of cells); PROD functions that accept "a column or a row" treat both the same.
 */

/** A value as Excel passes it to a custom function: a scalar or a 2-D range. */
export type CellValue = number | string | boolean | null | undefined;

/** True when `value` is a 2-D range rather than a single cell. */
export function isRange(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
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
