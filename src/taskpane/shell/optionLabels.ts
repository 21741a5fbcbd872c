/*
 * Drop-down choices in words beside their codes ("PAYROLL-CA: California employer payroll
 * taxes"): the code is what a formula takes, the words are what a production user reads.
 */
import { FRINGE_PRESETS } from "../../engine/fringes/library";
import { RULE_PRESETS, RULE_PRESET_NAMES } from "../../engine/pay";
import type { SelectOption } from "./SelectField";

/** A code with the first phrase of its description: up to the first colon or full stop. */
function codeInWords(code: string, description: string): SelectOption {
  const words = description.split(/[:.](?:\s|$)/)[0].trim();
  return { value: code, label: words === "" ? code : `${code}: ${words}` };
}

/** The payroll fringe presets, each with what it holds. */
export const PRESET_OPTIONS: readonly SelectOption[] = Object.entries(FRINGE_PRESETS).map(([name, p]) =>
  codeInWords(name, p.description),
);

/** The overtime rules, each with whom it fits. */
export const RULE_OPTIONS: readonly SelectOption[] = RULE_PRESET_NAMES.map((name) =>
  codeInWords(name, RULE_PRESETS[name].who),
);
