/**
 * Account codes of the report's inputs as one canonical key, through the shared account reader
 * (src/engine/accounts.ts: "2501", "25-01", "2501-00" are all 2501).
 */
import { accountKey, tryParseAccount } from "../accounts";

/**
 * The canonical key of an account cell, or undefined when the cell holds no account or
 * something that is not an account code ("Total", "misc"): such ledger lines are uncoded and
 * the report lists them; such budget lines are reported by mapBudgetRows.
 */
export function accountKeyOf(raw: unknown): string | undefined {
  const account = tryParseAccount(raw);
  return account === undefined ? undefined : accountKey(account);
}
