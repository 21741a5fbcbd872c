import { Decimal } from "../../../src/engine/money";
import {
  refuseTextAmounts,
  refuseTotalsAmongLines,
  textAmounts,
  totalsAmongLines,
} from "../../../src/engine/versions";

/** Budget lines as mapBudgetRows reads them, row 2 on (row 1 the headings). */
const lines = (...cells: [string, string, string][]) =>
  cells.map(([account, description, amount], i) => ({
    account,
    description,
    amount: new Decimal(amount),
    row: i + 2,
  }));

describe("totals among a budget's lines", () => {
  it("finds a category's total over an account's total over its sub-accounts, each once", () => {
    const found = totalsAmongLines(
      lines(
        ["2500", "SET OPERATIONS", "1500.10"],
        ["2501", "Key grip", "1000.10"],
        ["2501-01", "Prep", "400.05"],
        ["2501-02", "Shoot", "600.05"],
        ["2502", "Best boy", "500"],
        ["D", "LOCATION", "40"],
        ["D114", "Fee", "40"],
      ),
      10,
    );
    expect(found.map((f) => [f.row, f.account, f.adds])).toEqual([
      [12, "2500", [14, 15, 16]],
      [13, "2501", [14, 15]],
      [17, "D", [18]],
    ]);
    expect(() => refuseTotalsAmongLines("Export!A11:C18", found)).toThrow(
      "Export!A11:C18 has a total among its lines: row 12 (2500 SET OPERATIONS, 1500.10) is the sum of rows 14 to 16 (and 2 more such rows), so counting it as a line would count them twice.",
    );
  });

  it("keeps equal lines of one account, the studio spelling 25-01 of 2501, and a zero category line", () => {
    expect(
      totalsAmongLines(
        lines(
          ["2501", "Grip", "500"],
          ["2501", "Grip", "500"],
          ["25-01", "Grip", "500"],
          ["3300", "Camera", "0"],
          ["3301", "Operator", "0"],
        ),
        0,
      ),
    ).toEqual([]);
  });
});

it("names the rows a total adds up where other lines sit between them", () => {
  const found = totalsAmongLines(
    lines(
      ["1100", "STORY", "150"],
      ["1101", "Writer", "100"],
      ["1200", "Producer", "7"],
      ["1102", "Rights", "50"],
    ),
    0,
  );
  expect(() => refuseTotalsAmongLines("B!A1:C5", found)).toThrow(
    "row 2 (1100 STORY, 150.00) is the sum of rows 3 and 5, so counting",
  );
});

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
