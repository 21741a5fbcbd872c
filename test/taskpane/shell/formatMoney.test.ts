import { Decimal } from "../../../src/engine/money";
import { formatDollars } from "../../../src/taskpane/shell/formatMoney";

describe("money in the pane's own words", () => {
  it.each([
    ["20310", "$20,310.00"],
    // Rounded once, half away from zero, as the sheet rounds (a float 1.005 would show 1.00).
    ["1.005", "$1.01"],
    ["-0.145", "-$0.15"],
    ["62075.004", "$62,075.00"],
  ])("shows %s as %s", (amount, dollars) => {
    expect(formatDollars(new Decimal(amount))).toBe(dollars);
  });
});
