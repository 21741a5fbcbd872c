/*
 * The incentive tags each template writes on its detail lines (issue 22): class from the account
 * by the chart, W2 for payroll lines and VENDOR for expenses, the phase incentives.md's exclusions
 * read, the uplift flags, and the shooting location a new budget starts with.
 */
import { TEMPLATES, type Period } from "../../src/engine/templates";
import { lineTagDefaults, presetLocation } from "../../src/engine/templates/incentiveTags";
import { budgetLines } from "../../src/engine/incentives/tags";
import type { LayoutId } from "../../src/engine/chart";

/** The tags of an account's line in a template, as the detail shows them. */
function tags(id: LayoutId, code: string, period: Period | null = null) {
  const template = TEMPLATES[id];
  const account = template.accounts.find((a) => a.code === code);
  if (!account) throw new Error(`${id} has no account ${code}`);
  const t = lineTagDefaults(template, account, period);
  return [t.cls, t.payForm, t.phase, t.flags];
}

describe("incentive tags a template writes", () => {
  it("gives the feature's above-the-line accounts their class by the chart, their staff crew", () => {
    expect(tags("FEATURE", "1101")).toEqual(["NONLABOUR", "VENDOR", "DEVELOPMENT", ""]);
    expect(tags("FEATURE", "1111")).toEqual(["WRITER", "W2", "DEVELOPMENT", ""]);
    expect(tags("FEATURE", "1121", "shoot")).toEqual(["CREW", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1201", "prep")).toEqual(["PRODUCER", "W2", "PREP", ""]);
    expect(tags("FEATURE", "1231", "shoot")).toEqual(["PRODUCER", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1251", "wrap")).toEqual(["CREW", "W2", "WRAP", ""]);
    expect(tags("FEATURE", "1271", "prep")).toEqual(["CREW", "W2", "PREP", ""]);
    expect(tags("FEATURE", "1301", "shoot")).toEqual(["DIRECTOR", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1305", "shoot")).toEqual(["DIRECTOR", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1401", "shoot")).toEqual(["PERFORMER", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1407", "shoot")).toEqual(["PERFORMER", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "1450")).toEqual(["NONLABOUR", "VENDOR", "PRODUCTION", ""]);
    expect(tags("FEATURE", "1510")).toEqual(["NONLABOUR", "VENDOR", "SHOOT", ""]);
  });

  it("makes background background, crew crew, and dates expenses by how the template counts them", () => {
    expect(tags("FEATURE", "2101", "shoot")).toEqual(["BACKGROUND", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "2105", "shoot")).toEqual(["BACKGROUND", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "2001", "prep")).toEqual(["CREW", "W2", "PREP", ""]);
    expect(tags("FEATURE", "2001", "wrap")).toEqual(["CREW", "W2", "WRAP", ""]);
    expect(tags("FEATURE", "3301", "shoot")).toEqual(["CREW", "W2", "SHOOT", ""]);
    expect(tags("FEATURE", "2250")).toEqual(["NONLABOUR", "VENDOR", "PRODUCTION", ""]);
    expect(tags("FEATURE", "3350")).toEqual(["NONLABOUR", "VENDOR", "SHOOT", ""]);
    expect(tags("FEATURE", "3610")).toEqual(["NONLABOUR", "VENDOR", "SHOOT", ""]);
  });

  it("puts post in POST with its flags, publicity in DISTRIBUTION, fees and bank in FINANCING", () => {
    expect(tags("FEATURE", "5001", "shoot")).toEqual(["CREW", "W2", "POST", ""]);
    expect(tags("FEATURE", "5101", "wrap")).toEqual(["CREW", "W2", "POST", "MUSIC"]);
    expect(tags("FEATURE", "5150")).toEqual(["NONLABOUR", "VENDOR", "POST", ""]);
    expect(tags("FEATURE", "5350")).toEqual(["NONLABOUR", "VENDOR", "POST", "VFX"]);
    expect(tags("FEATURE", "6501")).toEqual(["NONLABOUR", "VENDOR", "DISTRIBUTION", ""]);
    expect(tags("FEATURE", "6801")).toEqual(["NONLABOUR", "VENDOR", "PRODUCTION", ""]);
    expect(tags("FEATURE", "7501")).toEqual(["NONLABOUR", "VENDOR", "FINANCING", ""]);
    expect(tags("FEATURE", "7510")).toEqual(["NONLABOUR", "VENDOR", "FINANCING", ""]);
  });

  it("tags TV, the AICP form and the documentary by their own charts", () => {
    expect(tags("TV", "1101")).toEqual(["WRITER", "W2", "DEVELOPMENT", ""]);
    expect(tags("TV", "1105", "prep")).toEqual(["CREW", "W2", "PREP", ""]);
    expect(tags("TV", "1406", "shoot")).toEqual(["PERFORMER", "W2", "SHOOT", ""]);
    expect(tags("AICP", "A1", "prep")).toEqual(["CREW", "W2", "PREP", ""]);
    expect(tags("AICP", "B52", "shoot")).toEqual(["CREW", "W2", "SHOOT", ""]);
    expect(tags("AICP", "L227", "shoot")).toEqual(["DIRECTOR", "W2", "SHOOT", ""]);
    expect(tags("AICP", "M234", "shoot")).toEqual(["PERFORMER", "W2", "SHOOT", ""]);
    expect(tags("AICP", "D114")).toEqual(["NONLABOUR", "VENDOR", "SHOOT", ""]);
    expect(tags("AICP", "P")).toEqual(["NONLABOUR", "VENDOR", "PRODUCTION", ""]);
    expect(tags("AICP", "X")).toEqual(["NONLABOUR", "VENDOR", "POST", "VFX"]);
    expect(tags("DOC", "1101", "prep")).toEqual(["CREW", "W2", "PREP", ""]);
    expect(tags("DOC", "1150")).toEqual(["NONLABOUR", "VENDOR", "DEVELOPMENT", ""]);
    expect(tags("DOC", "1201", "shoot")).toEqual(["PRODUCER", "W2", "SHOOT", ""]);
    expect(tags("DOC", "1301", "wrap")).toEqual(["DIRECTOR", "W2", "WRAP", ""]);
    expect(tags("DOC", "5501")).toEqual(["NONLABOUR", "VENDOR", "POST", ""]);
    expect(tags("DOC", "7510")).toEqual(["NONLABOUR", "VENDOR", "FINANCING", ""]);
  });

  it("writes only tags the incentive functions read, on every line of every template", () => {
    for (const template of Object.values(TEMPLATES)) {
      for (const account of template.accounts) {
        for (const period of account.kind === "labor" && !account.paidBy
          ? (account.periods ?? ["shoot"])
          : [null]) {
          const t = lineTagDefaults(template, account, period);
          const [line] = budgetLines([[1]], [["GA", "Someone", null, t.cls, t.payForm, t.phase, t.flags, 1]]);
          expect(line.cls).toBe(t.cls);
        }
      }
    }
  });

  it("starts a budget in its payroll preset's state, or nowhere when the preset is not one state's", () => {
    expect(presetLocation("PAYROLL-CA")).toBe("CA");
    expect(presetLocation("PAYROLL-NY")).toBe("NY");
    expect(presetLocation("PAYROLL-GA")).toBe("GA");
    expect(presetLocation("PAYROLL-US")).toBe("");
    expect(presetLocation("PAYROLL-CANADA")).toBe("");
  });
});
