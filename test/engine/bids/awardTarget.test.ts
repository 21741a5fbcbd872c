import { awardTarget } from "../../../src/engine/bids";
import { DETAIL_HEADER } from "../../../src/taskpane/templates/buildPlan";

// The templates' Budget detail: title, note, header, lines (Amount | Units | X | Rate | Subtotal ...).
const HEADER = DETAIL_HEADER;
const sheet = [
  ["Budget detail"],
  ["Fill Rate (and Amount/X where needed)"],
  HEADER,
  ["5100", "Camera package", 6, "Week", 1, 3000, 18000, "", 0, 18000],
  ["5110", "Camera support", 1, "Allow", 1, 0, 0, "", 0, 0],
];

describe("what a budget cell means before an award goes in", () => {
  it("sees a Rate the line multiplies by 6 weeks, and offers the Rate with Amount 1 and X 1", () => {
    const target = awardTarget(sheet, 3, 5);
    expect(target?.role).toBe("rate");
    expect(target?.header).toBe("Rate");
    expect(target?.multiplier?.toString()).toBe("6");
    expect(target?.offer).toEqual({ rateColumn: 5, factorColumns: [2, 4] });
  });

  it("takes a Rate on a line of Amount 1 x X 1 as it is", () => {
    const target = awardTarget(sheet, 4, 5);
    expect(target?.multiplier?.toString()).toBe("1");
    expect(target?.offer).toBeUndefined();
  });

  it.each([
    [2, "amount"],
    [3, "units"],
    [4, "x"],
  ])("offers the Rate instead of column %i (%s)", (column, role) => {
    const target = awardTarget(sheet, 3, column);
    expect(target?.role).toBe(role);
    expect(target?.offer).toEqual({ rateColumn: 5, factorColumns: [2, 4] });
  });

  it.each([
    ["total", 9],
    ["subtotal", 6],
  ])("takes the line's %s column as the place for a total", (role, column) => {
    const target = awardTarget(sheet, 3, column);
    expect(target?.role).toBe(role);
    expect(target?.offer).toBeUndefined();
  });

  it("knows nothing of a cell with no budget header above it", () => {
    expect(awardTarget([["Notes"], ["anything"]], 1, 0)).toBeUndefined();
    expect(awardTarget(sheet, 3, 1)).toBeUndefined();
  });
});
