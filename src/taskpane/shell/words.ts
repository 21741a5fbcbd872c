/* Words the pane writes about counts: "1 row", "3 rows", never "row(s)". */

/** `n` with its noun, singular for exactly one: count(1, "row") is "1 row", count(3, "row") "3 rows". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
