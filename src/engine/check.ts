/**
 * A short check of text: 32-bit FNV-1a (Fowler-Noll-Vo, IETF draft-eastlake-fnv: offset basis
 * 2166136261, prime 16777619) over its characters, as 8 hex digits. It tells what someone changed
 * by hand from what PROD wrote (a version on the store's sheet, a cell of a comparison); it is not
 * a seal against someone who means to forge one. One copy, for every check PROD keeps.
 */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/**
 * A number as Excel keeps it, for a check: Excel keeps 15 significant digits (Excel
 * specifications and limits, "Number precision"), so a figure written and read back gives the
 * same text.
 */
export function checkedNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}
