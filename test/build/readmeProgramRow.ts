/** The README's row for one incentive rule set (issue 22): its name, dates, currency and settings. */
import { programPeriodWords, type ProgramDefinition } from "../../src/engine/incentives/programs";

export function readmeProgramRow(p: ProgramDefinition): string {
  const settings = Object.keys(p.settings);
  return `| \`${p.name}\` | ${p.title} | ${programPeriodWords(p)} (${p.trigger}) | ${p.currency} | ${settings.length === 0 ? "none" : settings.map((s) => `\`${s}\``).join(", ")} |`;
}
