/**
 * Account-code normalization until the shared account module lands (spec/taskpane.md 4:
 * `2501`, `25-01`, `2501-00` match). Returns undefined for a blank or unreadable code.
 */
export function normalizeAccount(raw: unknown): string | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? String(Math.trunc(raw)) : undefined;
  if (typeof raw !== "string") return undefined;
  const text = raw.trim().toUpperCase();
  if (text === "") return undefined;
  const groups = text.split(/[-. /]+/).filter((g) => g !== "");
  if (groups.length === 0 || !groups.every((g) => /^[0-9A-Z]+$/.test(g))) return undefined;
  if (groups[0].length >= 4 || groups.length === 1) return groups[0];
  return groups[0] + groups[1];
}
