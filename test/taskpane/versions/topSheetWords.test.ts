import { Decimal } from "../../../src/engine/money";
import type { BudgetVersion, TopSheetFigure } from "../../../src/engine/versions";
import { topSheetWords } from "../../../src/taskpane/versions/runVersions";

const figure = (row: number, label: string, total: string): TopSheetFigure => ({
  row,
  label,
  total: new Decimal(total),
});
/** A version of three lines of 10.005 (30.02, added and rounded once) with a Top Sheet. */
const version = (topSheet: TopSheetFigure[]): BudgetVersion => ({
  id: 1,
  name: "Studio approved",
  savedOn: "2026-12-04",
  layout: "FEATURE",
  lines: ["2501", "2502", "2503"].map((account) => ({
    account,
    description: "",
    total: new Decimal("10.005"),
  })),
  topSheet,
});

describe("which Top Sheet figure a saved total is", () => {
  it("names the row before charges and the Grand total that adds them", () => {
    // The Top Sheet's cells add the lines unrounded and show them to the cent: 30.015 shows 30.02.
    const top = [
      figure(5, "Set Operations", "30.015"),
      figure(7, "Total Production", "30.015"),
      figure(10, "Total Above + Below-the-line", "30.015"),
      figure(12, "Contingency", "3.00"),
      figure(14, "Grand total", "33.015"),
    ];
    expect(topSheetWords(version(top))).toBe(
      "the Top Sheet's Total Above + Below-the-line; its Grand total, $33.02, adds the charges",
    );
  });

  it("names the Grand total when there are no charges", () => {
    const top = [figure(10, "Total Above + Below-the-line", "30.015"), figure(14, "Grand total", "30.015")];
    expect(topSheetWords(version(top))).toBe("the Top Sheet's Grand total");
  });

  it("says so when no figure of the Top Sheet is the saved total", () => {
    const top = [figure(10, "Total Above + Below-the-line", "30.03"), figure(14, "Grand total", "33.03")];
    expect(topSheetWords(version(top))).toBe("not a total the Top Sheet shows (its Grand total, $33.03)");
  });

  it("says nothing for a budget range, which has no Top Sheet", () => {
    expect(topSheetWords(version([]))).toBe("");
  });
});
