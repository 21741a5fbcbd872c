/**
 * Money as the pane shows it in its own text (summaries, questions, notes): rounded once, to
 * cents, as the engine rounds what goes into a cell (money.ts toMoney), so the pane and the sheet
 * show the same figure.
 */
import { toMoney, type Decimal } from "../../engine/money";

const plain = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** An amount as "20,310.00": figures in a report's words, where every figure is money. */
export function formatAmount(amount: Decimal): string {
  return plain.format(toMoney(amount));
}

/** An amount as "$20,310.00": a single figure in a sentence. */
export function formatDollars(amount: Decimal): string {
  return dollars.format(toMoney(amount));
}
