/**
 * Account codes of the report's inputs as one canonical key, through the shared account reader
 * (src/engine/accounts.ts: "2501", "25-01", "2501-00" are all 2501).
 */
import { accountKey, parseAccount } from "../accounts";
import { ProdError } from "../errors";

/**
 * The canonical key of an account cell, or undefined when the cell holds no account or
 * something that is not an account code ("Total", "misc"): such lines are uncoded, and the
 * report lists them rather than dropping them.
 */
export function accountKeyOf(raw: unknown): string | undefined {
  try {
    const account = parseAccount(raw, "account");
    return account === undefined ? undefined : accountKey(account);
  } catch (e) {
    if (e instanceof ProdError) return undefined;
    throw e;
  }
}
