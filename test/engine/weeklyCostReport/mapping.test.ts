import fc from "fast-check";
import { findHeaderRow, guessColumns } from "../../../src/engine/import";
import {
  amountFromNumber,
  amountFromText,
  amountToDecimal,
  dateSerial,
  VOCABULARIES,
  headerSignature,
  mapBudgetRows,
  mapLedgerRows,
  mapPoRows,
  parseDate,
  serialToIso,
} from "../../../src/engine/weeklyCostReport";
import { AmountSum } from "../../../src/engine/weeklyCostReport/amount";
import { comparePeriods } from "../../../src/engine/weeklyCostReport/cutoff";
import { DETAIL_HEADER } from "../../../src/taskpane/templates/buildPlan";

const asText = (a: ReturnType<typeof amountFromNumber> | undefined) =>
  a === undefined ? undefined : amountToDecimal(a).toFixed(2);

describe("ledger amounts", () => {
  it.each([
    ["1234.56", "1234.56"],
    ["-1,234.56", "-1234.56"],
    ["(1,234.50)", "-1234.50"],
    ["$12", "12.00"],
    ["-$12.5", "-12.50"],
    [" 0.1 ", "0.10"],
    ["1e3", "1000.00"],
    ["12.345", "12.35"],
  ])("reads %s as %s", (text, expected) => {
    expect(asText(amountFromText(text))).toBe(expected);
  });

  it.each(["", "abc", "1,2", "(12", "--5", "12.3.4"])("does not read %j as a number", (text) => {
    expect(amountFromText(text)).toBeUndefined();
  });

  it("keeps whole cents as integers and other amounts exact", () => {
    expect(amountFromNumber(0.1 + 0.2)).toBe(30);
    expect(amountFromNumber(-1234.56)).toBe(-123456);
    expect(amountToDecimal(amountFromNumber(0.125)).toString()).toBe("0.125");
    expect(amountToDecimal(amountFromText("0.005") as never).toString()).toBe("0.005");
  });

  it("adds any mix of cents and decimals exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })),
        fc.array(fc.integer({ min: -999, max: 999 })),
        (cents, mills) => {
          const s = new AmountSum();
          for (const c of cents) s.add(amountFromText((c / 100).toFixed(2)) as number);
          for (const m of mills) s.add(amountFromNumber(m / 1000));
          const inMills = cents.reduce((a, c) => a + c * 10, 0) + mills.reduce((a, m) => a + m, 0);
          expect(s.total().times(1000).toNumber()).toBe(inMills);
        },
      ),
    );
  });
});

describe("ledger dates", () => {
  const nov20 = dateSerial(2026, 11, 20);
  it.each([
    ["2026-11-20", "MDY"],
    ["2026-11-20T09:30:00", "MDY"],
    ["11/20/2026", "MDY"],
    ["20/11/2026", "DMY"],
    ["11/20/26", "MDY"],
    [46346.75, "MDY"],
  ] as const)("reads %s (%s) as 2026-11-20", (value, order) => {
    expect(parseDate(value, order)).toBe(nov20);
  });

  it("has Excel's serial for 2026-11-20 and writes it back as ISO", () => {
    expect(nov20).toBe(46346);
    expect(serialToIso(46346)).toBe("2026-11-20");
  });

  it.each(["2026-02-30", "13/01/2026", "soon", ""])("does not read %j as a date", (value) => {
    expect(parseDate(value, "MDY")).toBeUndefined();
  });

  it("orders periods by number, and labels naturally", () => {
    expect(comparePeriods(2, "10")).toBe(-1);
    expect(comparePeriods("P2", "P10")).toBe(-1);
    expect(comparePeriods("2026-11", "2026-11")).toBe(0);
  });
});

describe("reading a ledger through a column mapping", () => {
  const rows = [
    ["Acct", "Date", "Vendor", "Description", "Debit", "Credit", "PO #"],
    ["25-01", "11/18/2026", "Grip Co", '=HYPERLINK("x")', "1,200.00", "", "PO-7"],
    ["2501", "11/19/2026", "Grip Co", "Refund", "", "200.00", ""],
    ["", "", "", "", "", "", ""],
    ["3301", "someday", "Camera", "Lens", "50", "", ""],
    ["3302", "11/19/2026", "Camera", "Tape", "n/a", "", ""],
  ];
  const mapped = mapLedgerRows(rows, {
    columns: { account: 0, date: 1, vendor: 2, description: 3, debit: 4, credit: 5, po: 6 },
    headerRows: 1,
  });

  it("takes debit − credit as the line's cost and keeps ledger text as it is", () => {
    expect(mapped.lines.map((l) => [l.row, l.account, asText(l.amount), l.description, l.po])).toEqual([
      [2, "25-01", "1200.00", '=HYPERLINK("x")', "PO-7"],
      [3, "2501", "-200.00", "Refund", ""],
    ]);
  });

  it("leaves out and lists a line with an unreadable amount or date: never counted to date quietly", () => {
    expect(mapped.problems.map((p) => ({ ...p, amount: p.amount?.toFixed(2) }))).toEqual([
      {
        row: 5,
        message: 'the date "someday" is not a date; the line is left out',
        excluded: true,
        amount: "50.00",
      },
      {
        row: 6,
        message: 'the amount "n/a" is not a number written 1,234.56; the line is left out',
        excluded: true,
        amount: undefined,
      },
    ]);
    expect(mapped.check).toMatchObject({ leftOut: 2, notLines: 0 });
    expect(mapped.check.leftOutAmount.toFixed(2)).toBe("50.00");
    expect(mapped.check.linesTotal.toFixed(2)).toBe("1000.00");
  });

  it("reads a signed amount column and periods", () => {
    const m = mapLedgerRows(
      [
        ["2501", 12, -15.5],
        ["2501", "P12", 15.5],
      ],
      { columns: { account: 0, period: 1, amount: 2 }, headerRows: 0 },
    );
    expect(m.lines.map((l) => [l.period, asText(l.amount)])).toEqual([
      [12, "-15.50"],
      ["P12", "15.50"],
    ]);
  });
});

describe("budget and open POs", () => {
  it("skips budget rows without an account and reads amounts from numbers or text", () => {
    const m = mapBudgetRows(
      [
        ["Acct", "Description", "Total"],
        ["2501", "Key grip", 12000],
        ["", "Subtotal", 12000],
        ["2502", "Best boy", "$8,500.25"],
        ["2503", "Dolly", "TBD"],
      ],
      { columns: { account: 0, description: 1, amount: 2 }, headerRows: 1 },
    );
    expect(m.lines.map((l) => [l.account, l.amount.toFixed(2)])).toEqual([
      ["2501", "12000.00"],
      ["2502", "8500.25"],
    ]);
    expect(m.problems.map((p) => [p.row, p.message, p.excluded, p.notALine])).toEqual([
      [3, 'a subtotal line of the export (not a line): "Subtotal | 12000"', true, true],
      [5, 'the amount "TBD" is not a number written 1,234.56; the line is left out', true, undefined],
    ]);
  });

  it("reports a budget line whose account is not an account code instead of dropping its money", () => {
    const m = mapBudgetRows(
      [
        ["Acct", "Description", "Total"],
        ["2501", "Key grip", 12000],
        ["Misc", "Contingency", 5000],
        ["2501A", "Grip package", "$5,000.00"],
        ["ABOVE THE LINE", "", ""],
        ["", "Fringes", "2,100.00"],
        ["", "STORY & RIGHTS", ""],
      ],
      { columns: { account: 0, description: 1, amount: 2 }, headerRows: 1 },
    );
    expect(m.lines.map((l) => l.account)).toEqual(["2501"]);
    // A heading with no money loses nothing and is not a problem; lines with money are named,
    // with no account as with one that is not an account code.
    expect(m.problems.map((p) => [p.row, p.message, p.amount?.toFixed(2)])).toEqual([
      [3, 'the account "Misc" is not an account code; the line is left out', "5000.00"],
      [4, 'the account "2501A" is not an account code; the line is left out', "5000.00"],
      [6, 'the amount "2,100.00" has no account; the line is left out', "2100.00"],
    ]);
  });

  it("names a row with no account whose amount it cannot read, with what it held, instead of skipping it", () => {
    // An export as people send it: title lines, a blank row, headings, subtotals, a European
    // figure pasted into a US budget, a TBD and a letter O typed for a zero.
    const rows = [
      ["My Film: budget draft 3"],
      ["Printed 12/4/2026"],
      [],
      ["Acct", "Description", "Total"],
      ["", "ABOVE THE LINE", ""],
      [1101, "Writer", 1000],
      ["", "Fringes", "1.234,56"],
      ["", "Contingency", "TBD"],
      ["", "Misc", "$1,2O0"],
      ["", "Nothing yet", 0],
      ["", "Total Above the line", 1000],
      [],
      ["", "BELOW THE LINE", null],
      [2501, "Key grip", "1,500.00"],
    ];
    const m = mapBudgetRows(rows, {
      columns: { account: 0, description: 1, amount: 2 },
      headerRows: 4,
      headers: ["Acct", "Description", "Total"],
    });
    expect(m.lines.map((l) => [l.row, l.account, l.amount.toFixed(2)])).toEqual([
      [6, "1101", "1000.00"],
      [14, "2501", "1500.00"],
    ]);
    expect(m.problems.map((p) => [p.row, p.message, p.excluded, p.notALine])).toEqual([
      [
        7,
        'the amount "1.234,56" has no account and is not a number written 1,234.56; the line is left out',
        true,
        undefined,
      ],
      [
        8,
        'the amount "TBD" has no account and is not a number written 1,234.56; the line is left out',
        true,
        undefined,
      ],
      [
        9,
        'the amount "$1,2O0" has no account and is not a number written 1,234.56; the line is left out',
        true,
        undefined,
      ],
      [11, 'a subtotal line of the export (not a line): "Total Above the line | 1000"', true, true],
    ]);
  });

  it("reads open POs", () => {
    const m = mapPoRows([["PO-7", "2501", "Grip Co", 18000]], {
      columns: { po: 0, account: 1, vendor: 2, amount: 3 },
      headerRows: 0,
    });
    expect(m.lines).toEqual([
      expect.objectContaining({ row: 1, po: "PO-7", account: "2501", vendor: "Grip Co", description: "" }),
    ]);
    expect(m.lines[0].amount.toFixed(2)).toBe("18000.00");
  });
});

describe("guessing columns from the header", () => {
  it("maps a typical GL detail export (reference.md 5.4)", () => {
    const header = [
      "Company",
      "Period",
      "Date",
      "Transaction #",
      "Source",
      "Vendor/Payee",
      "Description",
      "Account",
      "Episode",
      "Amount",
      "PO #",
    ];
    expect(guessColumns(header, VOCABULARIES.ledger)).toEqual({
      period: 1,
      date: 2,
      reference: 3,
      vendor: 5,
      description: 6,
      account: 7,
      amount: 9,
      po: 10,
    });
  });

  it("finds debit and credit columns and headers that start with a hint", () => {
    expect(guessColumns(["Account Code", "Debit", "Credit"], VOCABULARIES.ledger)).toEqual({
      account: 0,
      debit: 1,
      credit: 2,
    });
  });

  it("gives the same signature to the same header however it is spaced", () => {
    expect(headerSignature([" Account ", "Amount"])).toBe(headerSignature(["account", "AMOUNT"]));
  });
});

describe("finding a budget's columns and a file's header row", () => {
  it("takes a budget detail sheet's Total as the money, not its Amount (a quantity)", () => {
    // The header the Templates panel writes, so the two cannot drift apart.
    const header = [...DETAIL_HEADER];
    expect(guessColumns(header, VOCABULARIES.budget)).toEqual({ account: 0, description: 1, amount: 9 });
  });

  it("skips title lines above the header", () => {
    const rows = [
      ["GL detail, run 2026-11-21"],
      [],
      ["Account", "Vendor", "Debit", "Credit"],
      ["2501", "x", 1, 0],
    ];
    expect(findHeaderRow(rows, VOCABULARIES.ledger)).toBe(2);
    expect(findHeaderRow([["a", "b"]], VOCABULARIES.ledger)).toBeUndefined();
  });
});
