/**
 * Test helpers for the bid comparison through the real entry points: the step-wise
 * comparisonSteps (which the pane pulls in slices, src/taskpane/bids/runComparison.ts) and the
 * terms a new vendor starts with in the pane, read as the pane reads them (readTerms).
 */
import {
  comparisonSteps,
  readTerms,
  type Comparison,
  type ComparisonInput,
  type VendorTerms,
} from "../../../src/engine/bids";
import { BLANK_TERMS } from "../../../src/taskpane/bids/vendorDraft";

/** The whole comparison at once: every step of {@link comparisonSteps} pulled in a row. */
export function compareAll(input: ComparisonInput): Comparison {
  const steps = comparisonSteps(input);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Terms with nothing added (no weekly deal, discount, L&D, delivery or tax): a new vendor's. */
export const PLAIN_TERMS: VendorTerms = readTerms(BLANK_TERMS, "Vendor");
