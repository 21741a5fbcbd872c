import {
  comparisonSteps,
  bidLayout,
  guessMapping,
  headerSignature,
  missingRoles,
  readBidRows,
  readDays,
  readTerms,
  lineCost,
  weekDayColumns,
  type BidLine,
  type ColumnMapping,
  type TermsText,
} from "../../../src/engine/bids";
import { DECIMAL_COMMA, DECIMAL_POINT } from "../../../src/engine/import";
import { Decimal } from "../../../src/engine/money";
import { ProdError } from "../../../src/engine/errors";
import { PLAIN_TERMS } from "./compareAll";

describe("guessing the column mapping from headers", () => {
  it.each<[string, unknown[], ColumnMapping]>([
    [
      "a plain rental-house export",
      ["Item", "Qty", "Days", "Day Rate", "Taxable", "Notes"],
      { item: 0, qty: 1, days: 2, dayRate: 3, taxable: 4, notes: 5 },
    ],
    [
      "other words and units in headers",
      ["Equipment Description", "Quantity", "Rental Days", "Daily Rate (USD)", "Tax (Y/N)"],
      { item: 0, qty: 1, days: 2, dayRate: 3, taxable: 4 },
    ],
    [
      "a day-rate header with units and no days column",
      ["Description", "Day Rate (USD)"],
      { item: 0, dayRate: 1 },
    ],
    ["a price column only", ["Name", "Price", "Comments"], { item: 0, dayRate: 1, notes: 2 }],
    ["unknown headers", ["Foo", "Bar"], {}],
  ])("maps %s", (_name, headers, expected) => {
    expect(guessMapping(headers)).toEqual(expected);
  });

  it("keys a layout by its normalized headers, ignoring trailing blanks", () => {
    expect(headerSignature(["Item", "Day Rate ", null, ""])).toBe(headerSignature(["ITEM", "day-rate"]));
    expect(headerSignature(["Item", "Rate"])).not.toBe(headerSignature(["Rate", "Item"]));
  });

  it("finds the header row under a title line, and -1 for an empty sheet", () => {
    expect(headerRowOf([["Quote #1234 — Acme Grip"], [], ["Item", "Day rate"], ["Dolly", 300]])).toBe(2);
    expect(headerRowOf([[], [null, ""]])).toBe(-1);
    expect(headerRowOf([["just text"], ["a", "b"]])).toBe(0);
  });
});

/** The header row the import module finds for a bid (-1 for an empty sheet). */
const headerRowOf = (rows: unknown[][]) => {
  const layout = bidLayout(rows);
  return layout.empty ? -1 : layout.headerRow;
};

describe("reading bid rows", () => {
  const mapping: ColumnMapping = { item: 0, qty: 1, days: 2, dayRate: 3, taxable: 4, notes: 5 };

  it("reads currency, percent-free text, per-week days and yes/no", () => {
    const { lines, problems } = readBidRows(
      [
        ["Alexa 35 pkg", "1", "5+5+2", "$2,500.00", "Y", "Avail. 3/4"],
        ["C-Stand", 10, 12, 12.5, false, ""],
        ["Dolly", "", "", "N/C", "", null],
      ],
      mapping,
    );
    expect(problems).toEqual([]);
    expect(
      lines.map((l) => [
        l.item,
        l.qty.toString(),
        l.days === undefined
          ? undefined
          : "held" in l.days
            ? l.days.held.toString()
            : l.days.byWeek.join("+"),
        l.dayRate.toString(),
        l.taxable,
        l.notes,
        l.row,
      ]),
    ).toEqual([
      ["Alexa 35 pkg", "1", "5+5+2", "2500", true, "Avail. 3/4", 2],
      ["C-Stand", "10", "12", "12.5", false, undefined, 3],
      ["Dolly", "1", undefined, "0", undefined, undefined, 4],
    ]);
    // "N/C" is a bid at no charge; a bare 0 rate is not (an incomplete bid, compare.ts).
    expect(lines.map((l) => l.noCharge)).toEqual([undefined, undefined, true]);
    const zero = readBidRows([["Dolly", 1, 5, "$0.00", "", ""]], mapping);
    expect(zero.lines[0].noCharge).toBeUndefined();
  });

  it("keeps the vendor's item wording and notes exactly as written: a leading tab or carriage return stays", () => {
    const { lines } = readBidRows(
      [
        ["\tAlexa 35 pkg ", 1, 5, 2500, "", "\r=avail. 3/4"],
        ["  C-Stand", 1, 5, 12, "", " see note "],
      ],
      mapping,
    );
    expect(lines.map((l) => [l.item, l.notes])).toEqual([
      ["\tAlexa 35 pkg ", "\r=avail. 3/4"],
      ["  C-Stand", " see note "],
    ]);
  });

  it.each([
    // Plain words a production manager reads (issue 20): the row, the item, the cell and its value.
    [["Dolly", 1, 5, "call", ""], 'Row 2, "Dolly": the day rate "call" is not a number.'],
    [["Dolly", 1, 5, "", ""], 'Row 2, "Dolly": the day rate is blank.'],
    [["Dolly", 1, 5, "-300", ""], 'Row 2, "Dolly": the day rate "-300" is less than 0.'],
    [["Dolly", 1, 5, -300, ""], 'Row 2, "Dolly": the day rate -300 is less than 0.'],
    [["Dolly", 1, 5, "1e400", ""], 'Row 2, "Dolly": the day rate "1e400" is too large a number.'],
    [["Dolly", 1, 5, true, ""], 'Row 2, "Dolly": the day rate TRUE is not a number.'],
    [["Dolly", "two", 5, 300, ""], 'Row 2, "Dolly": the quantity "two" is not a number.'],
    [
      ["Dolly", 1, "a week", 300, ""],
      'Row 2, "Dolly": the days "a week" are not a number of days, like 12, or the days of each week, 0 to 7 each, like 5+5+2.',
    ],
    [
      ["Dolly", 1, "8+2", 300, ""],
      'Row 2, "Dolly": the days "8+2" are not a number of days, like 12, or the days of each week, 0 to 7 each, like 5+5+2.',
    ],
    [["Dolly", 1, 5, 300, "maybe"], 'Row 2, "Dolly": the Taxable cell "maybe" is not yes or no.'],
    [["", 1, 5, 300, ""], "Row 2: the item is blank, so the line cannot be matched to the other bids."],
  ])("leaves out a bad row with a message: %j", (row, message) => {
    const { lines, problems } = readBidRows([row, ["Crane", 1, 2, 1000, "y"]], mapping);
    expect(problems).toEqual([{ row: 2, message }]);
    expect(lines.map((l) => l.item)).toEqual(["Crane"]);
  });

  it.each([
    ['the text "-0"', "-0"],
    ["the number -0", -0],
  ])("reads a Qty of %s as 0 units, as every other 0-or-more rule does", (_name, qty) => {
    const { lines, problems } = readBidRows([["Dolly", qty, 5, 300, ""]], mapping);
    expect(problems).toEqual([]);
    expect(lines.map((l) => l.qty.isZero())).toEqual([true]);
  });

  it("reads a row of spaces as a blank row, not as a line with a blank Item", () => {
    const { lines, problems } = readBidRows(
      [
        ["  ", " ", "", "   "],
        ["Dolly", 1, 1, 5],
      ],
      mapping,
    );
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.item, l.row])).toEqual([["Dolly", 3]]);
  });

  it("reads cells of spaces as empty: Qty 1, the schedule's days, the vendor's tax default", () => {
    const { lines, problems } = readBidRows([["Dolly", "  ", " ", 300, "  ", " "]], mapping);
    expect(problems).toEqual([]);
    expect(lines.map((l) => [l.qty.toString(), l.days, l.taxable, l.notes])).toEqual([
      ["1", undefined, undefined, undefined],
    ]);
  });

  it("finds the header row under a title line and a row of spaces", () => {
    expect(headerRowOf([["  ", " "], ["Quote 12"], ["Item", "Day rate"]])).toBe(2);
    expect(
      headerRowOf([
        ["  ", " "],
        ["a", "b"],
      ]),
    ).toBe(1);
  });

  it("skips blank rows silently and numbers rows from where the data starts", () => {
    const { lines, problems } = readBidRows([[], ["", null], ["Dolly", 1, 1, 5]], mapping, 7);
    expect(problems).toEqual([]);
    expect(lines[0].row).toBe(9);
  });

  it("refuses a mapping without an Item or Day rate column", () => {
    expect(missingRoles({ item: 0 })).toEqual(["Day rate"]);
    expect(() => readBidRows([["x"]], { qty: 1 })).toThrow(ProdError);
    expect(() => readBidRows([["x"]], { qty: 1 })).toThrow("Column mapping has no Item or Day rate column");
  });

  it("reads nothing from an empty file", () => {
    expect(readBidRows([], mapping)).toEqual({ lines: [], problems: [] });
  });
});

describe("reading a vendor's terms as typed in the pane", () => {
  const typed = {
    weekDays: "3",
    discount: "10",
    lossDamage: "8%",
    taxRate: "9.5%",
    delivery: "$600.00",
    pickup: "",
    taxableByDefault: true,
  };

  it("reads percent fields with or without %, money with $ and commas, blanks as 0", () => {
    const t = readTerms(typed, "Acme");
    expect([t.weekDays, t.discount, t.lossDamage, t.taxRate, t.delivery, t.pickup].map(String)).toEqual([
      "3",
      "0.1",
      "0.08",
      "0.095",
      "600",
      "0",
    ]);
  });

  it.each([
    [{ discount: "ten" }, 'Acme: discount must be a number, got "ten"'],
    [{ weekDays: "four" }, 'Acme: days billed per week must be a number, got "four"'],
  ])("names the vendor and the field of text that is not a number: %j", (change, message) => {
    expect(() => readTerms({ ...typed, ...change }, "Acme")).toThrow(message);
  });

  /** A comparison of Acme's terms as typed against a plain second vendor, up to its first step. */
  const compareTyped = (change: Partial<TermsText>) => {
    const line: BidLine = { item: "Dolly", qty: new Decimal(1), dayRate: new Decimal(300) };
    const other = readTerms({ ...typed, delivery: "" }, "Other");
    return comparisonSteps({
      vendors: [
        { id: "a", name: "Acme", terms: readTerms({ ...typed, ...change }, "Acme"), lines: [line] },
        { id: "o", name: "Other", terms: other, lines: [line] },
      ],
      schedule: readDays("5"),
    }).next();
  };

  it.each([
    [{ delivery: "-50" }, "Acme: delivery must be 0 or more, got -50"],
    [{ pickup: "($25)" }, "Acme: pickup must be 0 or more, got -25"],
    [{ weekDays: "2.5" }, "Acme: days billed per week must be a whole number from 1 to 7, got 2.5"],
    [{ taxRate: "-1%" }, 'Acme: sales tax rate must be 0 or more, got "-1%"'],
    [{ lossDamage: "-8" }, 'Acme: loss & damage must be 0 or more, got "-8%"'],
    [{ discount: "150" }, "Acme: discount must be from 0% to 100%, got 150%"],
    [{ discount: "-5%" }, "Acme: discount must be from 0% to 100%, got -5%"],
  ])("stops the comparison on a figure out of range, naming the vendor and field: %j", (change, message) => {
    expect(() => compareTyped(change)).toThrow(message);
  });

  it.each([["discount"], ["lossDamage"], ["taxRate"], ["delivery"]] as const)(
    'takes "-0" typed as the %s as 0, as the other 0-or-more rules do',
    (key) => {
      expect(() => compareTyped({ [key]: "-0" })).not.toThrow();
    },
  );
});

describe("reading the schedule or a days cell", () => {
  it.each([
    ["12", { held: "12" }],
    [12, { held: "12" }],
    ["5+5+2", { byWeek: "5,5,2" }],
    ["5, 5, 2", { byWeek: "5,5,2" }],
    ["", undefined],
    ["   ", undefined],
  ])("reads %j", (input, expected) => {
    const days = readDays(input);
    const shown =
      days === undefined
        ? undefined
        : "held" in days
          ? { held: days.held.toString() }
          : { byWeek: days.byWeek.join(",") };
    expect(shown).toEqual(expected);
  });
});

describe("a European file: the number format is the file's, found or asked, never guessed", () => {
  const mapping: ColumnMapping = { item: 0, qty: 1, dayRate: 2 };

  it("asks when every amount could be read two ways: 1.000 is one thousand or one", () => {
    const rows = [
      ["Item", "Qty", "Day rate"],
      ["Camera package", "1", "1.000"],
    ];
    const layout = bidLayout(rows);
    expect(layout.numberFormat).toBeUndefined();
    expect(layout.questions.map((q) => q.kind)).toEqual(["numberFormat"]);
    expect(layout.questions[0].message).toMatch(/"1\.000" \(row 2\): one thousand, or one\?/);
  });

  it("reads 1.000 as 1,000.00 once the file is known to write 1.234,56", () => {
    const rows = [["Camera package", "1", "1.000"]];
    expect(readBidRows(rows, mapping, 2, DECIMAL_COMMA).lines[0].dayRate.toString()).toBe("1000");
    expect(readBidRows(rows, mapping, 2, DECIMAL_POINT).lines[0].dayRate.toString()).toBe("1");
  });

  it("finds the format where one amount proves it: 2.500,50 and 1.000 are both in euros-style", () => {
    const rows = [
      ["Item", "Qty", "Day rate"],
      ["Camera package", "1", "1.000"],
      ["Dolly", "1", "2.500,50"],
    ];
    const layout = bidLayout(rows);
    expect(layout.questions).toEqual([]);
    expect(layout.numberFormat).toEqual(DECIMAL_COMMA);
    const read = readBidRows(rows.slice(1), layout.columns, 2, layout.numberFormat);
    expect(read.lines.map((l) => l.dayRate.toString())).toEqual(["1000", "2500.5"]);
  });

  it("refuses a US-written number in a 1.234,56 file instead of reading it the other way", () => {
    const read = readBidRows([["Dolly", "1", "2,500.50"]], mapping, 2, DECIMAL_COMMA);
    expect(read.lines).toEqual([]);
    expect(read.problems[0].message).toBe(
      'Row 2, "Dolly": the day rate "2,500.50" is not written 1.234,56 like the file\'s other numbers.',
    );
  });
});

// Issue 17: vendors send the schedule as one day column per week ("Week 1 days", "Week 2 days",
// ...). Those columns map as the days used in each week, billed week by week under the vendor's
// week convention (the rental engine's, PROD.RENTAL's).
describe("a schedule given as one days column per week", () => {
  const headers = ["Item", "Qty", "Week 1 days", "Week 2 days", "Week 3 days", "Day rate"];

  it.each<[string, unknown[], number[] | undefined]>([
    ["Week N days", headers, [2, 3, 4]],
    ["Wk N, out of order", ["Item", "Wk 2", "Wk 1", "Rate"], [2, 1]],
    ["Days (week N)", ["Item", "Rate", "Days (week 1)", "Days (week 2)"], [2, 3]],
    ["W1 days", ["Item", "Rate", "W1 days", "W2 days", "W3 days"], [2, 3, 4]],
    ["a week missing: not guessed", ["Item", "Rate", "Week 1 days", "Week 3 days"], undefined],
    ["no week columns", ["Item", "Days", "Rate"], undefined],
  ])("finds %s", (_case, row, weeks) => {
    expect(weekDayColumns(row)).toEqual(weeks);
  });

  it("guesses them as the days, in week order, and no single Days column", () => {
    expect(guessMapping(headers)).toEqual({ item: 0, qty: 1, weekColumns: [2, 3, 4], dayRate: 5 });
    expect(guessMapping(["Item", "Days wk 1", "Days wk 2", "Rate"])).toEqual({
      item: 0,
      weekColumns: [1, 2],
      dayRate: 3,
    });
    expect(bidLayout([headers]).columns).toEqual({ item: 0, qty: 1, weekColumns: [2, 3, 4], dayRate: 5 });
  });

  it("reads the days of each week; a blank week is 0 days, a line with none uses the schedule", () => {
    const { lines, problems } = readBidRows(
      [
        ["Camera package", 1, 5, 5, 2, 2500],
        ["Dolly", 1, "5", "", "3", 300],
        ["Slider", 1, "", "", "", 40],
        ["Crane", 1, 5, 8, 0, 900],
      ],
      guessMapping(headers),
    );
    const weeks = (line: BidLine) =>
      line.days && "byWeek" in line.days ? line.days.byWeek.map((d) => d.toNumber()) : line.days;
    expect(lines.map(weeks)).toEqual([[5, 5, 2], [5, 0, 3], undefined]);
    expect(problems).toEqual([
      { row: 5, message: 'Row 5, "Crane": the days of each week (5, 8, 0) are not 0 to 7 days each.' },
    ]);
  });

  it("bills reference.md 6.5's 5 + 5 + 2 weeks from the columns on a 3-day week: $20,000 gross", () => {
    const [line] = readBidRows([["Camera package", 1, 5, 5, 2, 2500]], guessMapping(headers)).lines;
    const cost = lineCost(line, { ...PLAIN_TERMS, weekDays: 3 });
    expect(cost.gross.toFixed(2)).toBe("20000.00");
  });
});
