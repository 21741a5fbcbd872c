import { Decimal } from "../../../src/engine/money";
import { refuseTextAmounts, textAmounts } from "../../../src/engine/versions";

/** Budget lines as mapBudgetRows reads them, row 2 on (row 1 the headings). */
const lines = (...cells: [string, string, string][]) =>
  cells.map(([account, description, amount], i) => ({
    account,
    description,
    amount: new Decimal(amount),
    row: i + 2,
  }));

describe("amounts typed as text", () => {
  it("names the lines whose amount cell is text, by sheet row, and what a live sum would leave out", () => {
    const grid = [
      ["Acct", "Description", "Total"],
      ["1100", "Writer", 100],
      ["1200", "P", " 1.234,50 "],
      ["1300", "D", "(34.50)"],
    ];
    const read = lines(["1100", "Writer", "100"], ["1200", "P", "1234.5"], ["1300", "D", "-34.5"]);
    const found = textAmounts(read, grid, 2, 4);
    expect(found.map((t) => [t.row, t.text])).toEqual([
      [7, "1.234,50"],
      [8, "(34.50)"],
    ]);
    expect(() => refuseTextAmounts("B!A5:C8", found)).toThrow(
      'B!A5:C8 has amounts typed as text, which the comparison\'s live formulas cannot add (Excel\'s SUMIFS leaves text out): row 7 "1.234,50", row 8 "(34.50)". Current would leave out 1200.00.',
    );
    expect(() => refuseTextAmounts("B!A5:C8", [])).not.toThrow();
  });
});
