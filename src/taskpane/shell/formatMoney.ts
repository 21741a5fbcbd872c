/**
 * Money as the pane shows it in its own text (summaries, questions, notes): rounded once, to
 * cents, as the engine rounds what goes into a cell (money.ts toMoney), so the pane and the sheet
 * show the same figure.
 */
import { toMoney, type Decimal } from "../../engine/money";

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** An amount as "$20,310.00", with its currency sign wherever the pane says it. */
export function formatDollars(amount: Decimal): string {
  return dollars.format(toMoney(amount));
}
