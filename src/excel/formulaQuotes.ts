/*
 * The quoted runs of a formula's text, by Excel's formula grammar (Microsoft, "Overview of
 * formulas", "Create an external reference"): a text constant in double quotes and a sheet name
 * in single quotes, each with its quote doubled inside it (`"say ""hi"""`, `'O''Brien'!A1`).
 * Nothing inside one is a reference, a name or a function. Every reader of formulas skips them
 * with these two: formulaRefs.ts here, and the preview's structured references, which may import
 * from src/excel (never the other way).
 */

/**
 * Where the quoted run opened at `start` (a `"` or `'`) ends: just past its closing quote, or at
 * the text's end when it is never closed. A doubled quote is one inside it.
 */
export function quotedEnd(formula: string, start: number): number {
  const quote = formula[start];
  let j = start + 1;
  while (j < formula.length) {
    if (formula[j] !== quote) j++;
    else if (formula[j + 1] === quote) j += 2;
    else return j + 1;
  }
  return formula.length;
}

/**
 * The formula with each run outside its quoted runs rewritten, the quoted runs kept as written.
 *
 * @param quotes - which quotes open a run: both by default; `"` alone keeps quoted sheet names
 *   with the code around them
 */
export function outsideQuotes(formula: string, rewrite: (code: string) => string, quotes = `"'`): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < formula.length; i++) {
    if (!quotes.includes(formula[i])) continue;
    const end = quotedEnd(formula, i);
    out += rewrite(formula.slice(from, i)) + formula.slice(i, end);
    from = end;
    i = end - 1;
  }
  return out + rewrite(formula.slice(from));
}
