/**
 * Who a line pays, as every per-person rule compares people (issue 21): the budget templates'
 * per-person fringe caps (the detail's hidden Person key, `personKeyFormula` in
 * src/taskpane/templates/buildPlan.ts, built from the constants below) and the incentive programs'
 * per-person caps (`payeeKey` in incentives/tags.ts) read "Star", "Star " and "star" as one person.
 */

/**
 * Excel's UPPER: each character to its one upper-case character, a character with none left as it
 * is. Excel maps text character by character (Windows LCMapStringEx with LCMAP_UPPERCASE), the
 * Unicode simple case mapping (UnicodeData.txt field 12), so "ß" stays "ß" and "ﬁ" stays "ﬁ";
 * JavaScript's toUpperCase applies the full mapping of SpecialCasing.txt ("ß" becomes "SS"), which
 * a key compared with Excel's must not.
 */
export function excelUpper(text: string): string {
  let out = "";
  for (const ch of text) {
    const upper = ch.toUpperCase();
    out += [...upper].length === 1 ? upper : ch;
  }
  return out;
}

/**
 * The white space a Person may carry that is not part of the name: the space, the no-break space
 * of text pasted from a web page or a PDF, a tab, and the line breaks of Alt+Enter.
 */
export const PERSON_SPACES: readonly string[] = [" ", "\u00a0", "\t", "\n", "\r"];

/**
 * The characters Excel's SUMIFS criteria read as wildcards (`~` escapes, `*` and `?`), in the
 * order the key writes them as a space and their index: spaces are out of the key by then, so no
 * two names share a key ("Star*" is "STAR 1", never "Starling").
 */
export const PERSON_WILDCARDS: readonly string[] = ["~", "*", "?"];

/**
 * A person's key: upper case as Excel's UPPER, every {@link PERSON_SPACES} taken out, each
 * {@link PERSON_WILDCARDS} written as text, after "P:"; "" for no person. The same text the
 * template's Person key formula computes in Excel, so the engine and the workbook count the same
 * people: "Star ", " star" and "Star" with a no-break space are one; "Zoé" is not "Zoe".
 */
export function personKey(person: string): string {
  let spaceless = "";
  for (const ch of excelUpper(person)) if (!PERSON_SPACES.includes(ch)) spaceless += ch;
  if (spaceless === "") return "";
  let key = "";
  for (const ch of spaceless) {
    const wildcard = PERSON_WILDCARDS.indexOf(ch);
    key += wildcard < 0 ? ch : ` ${wildcard}`;
  }
  return `P:${key}`;
}
