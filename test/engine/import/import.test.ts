import fc from "fast-check";
import {
  DECIMAL_COMMA,
  DECIMAL_POINT,
  RowSorter,
  canonicalAmount,
  currencyOf,
  detectDateOrder,
  detectNumberFormat,
  findHeaderRow,
  guessColumns,
  parseDate,
  provesOtherOrder,
  readAmount,
  readLayout,
  type Vocabulary,
} from "../../../src/engine/import";
import { ZERO } from "../../../src/engine/money";

/** A ledger's vocabulary, as the cost report passes it. */
const LEDGER: Vocabulary<"account" | "date" | "description" | "amount" | "debit" | "credit"> = {
  fields: [
    { field: "account", headers: ["account", "acct"], key: true },
    { field: "date", headers: ["date", "posting date"], kind: "date", key: true },
    { field: "description", headers: ["description", "memo"] },
    { field: "amount", headers: ["amount", "net amount"], kind: "money" },
    { field: "debit", headers: ["debit"], kind: "money" },
    { field: "credit", headers: ["credit"], kind: "money" },
  ],
  headerNeeds: [["account"], ["amount", "debit"]],
};

describe("amount text in either format", () => {
  it.each([
    ["1,234.56", DECIMAL_POINT, "1234.56"],
    ["1.234,56", DECIMAL_COMMA, "1234.56"],
    ["1 234,56", DECIMAL_COMMA, "1234.56"],
    ["1\u202f234,56", DECIMAL_COMMA, "1234.56"],
    ["1'234.56", DECIMAL_POINT, "1234.56"],
    ["(1,234.56)", DECIMAL_POINT, "-1234.56"],
    ["1.234,56-", DECIMAL_COMMA, "-1234.56"],
    ["-$12.5", DECIMAL_POINT, "-12.5"],
    ["$-12.5", DECIMAL_POINT, "-12.5"],
    ["12,50 €", DECIMAL_COMMA, "12.50"],
    ["EUR 1.000,00", DECIMAL_COMMA, "1000.00"],
    ["USD 1,000", DECIMAL_POINT, "1000"],
    ["12.50- EUR", DECIMAL_POINT, "-12.50"],
    [",5", DECIMAL_COMMA, "0.5"],
    ["1,000", DECIMAL_COMMA, "1.000"],
  ])("reads %j in %j as %s", (text, format, expected) => {
    expect(canonicalAmount(text, format)).toBe(expected);
  });

  it.each([
    ["1,23", DECIMAL_POINT],
    ["1.234,56", DECIMAL_POINT],
    ["1,234.56", DECIMAL_COMMA],
    ["0,500", DECIMAL_POINT],
    ["--5", DECIMAL_POINT],
    ["(-5)", DECIMAL_POINT],
    ["INV123", DECIMAL_POINT],
    ["12.3.4", DECIMAL_POINT],
    ["", DECIMAL_POINT],
    ["1 234,5", DECIMAL_POINT],
  ])("does not read %j in %j", (text, format) => {
    expect(canonicalAmount(text, format)).toBeUndefined();
  });

  it("reads amounts exactly, numbers as Excel shows them, and names the currency", () => {
    expect(readAmount("1.234,56", DECIMAL_COMMA)?.toFixed(2)).toBe("1234.56");
    expect(readAmount(0.1 + 0.2, DECIMAL_COMMA)?.toString()).toBe("0.3");
    expect(readAmount("   ", DECIMAL_POINT)).toBeUndefined();
    expect(currencyOf("12,50 €")).toBe("€");
    expect(currencyOf("US$ 12")).toBe("US$");
  });

  it("reads back any amount written in either format, grouped or not, with any negative", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
        fc.constantFrom(DECIMAL_POINT, DECIMAL_COMMA),
        fc.constantFrom("-", "()", "trailing"),
        fc.boolean(),
        (cents, format, negative, grouped) => {
          const abs = cents < 0n ? -cents : cents;
          let whole = (abs / 100n).toString();
          if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, format.decimal === "." ? "," : ".");
          const body = `${whole}${format.decimal}${(abs % 100n).toString().padStart(2, "0")}`;
          const text =
            cents >= 0n ? body : negative === "-" ? `-${body}` : negative === "()" ? `(${body})` : `${body}-`;
          const read = readAmount(text, format);
          expect(read?.times(100).toFixed(0)).toBe(cents.toString());
        },
      ),
    );
  });

  it("answers hostile text within a second", () => {
    const start = Date.now();
    for (const text of [
      "1,".repeat(50_000),
      "(".repeat(50_000),
      "9".repeat(100_000),
      `${"1.".repeat(30)}x`,
    ]) {
      expect(canonicalAmount(text, DECIMAL_POINT)).toBeUndefined();
      detectNumberFormat([text], [1]);
      detectDateOrder([text], [1]);
    }
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe("the number format of a file", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 2);

  it("is proved by one amount that reads one way only", () => {
    const f = detectNumberFormat(["1.000", "12,50", 7], rows(3));
    expect(f).toMatchObject({
      status: "proved",
      format: DECIMAL_COMMA,
      examples: [{ row: 3, text: "12,50" }],
    });
    expect(detectNumberFormat(["1,000", "2,500.00"], rows(2))).toMatchObject({
      status: "proved",
      format: DECIMAL_POINT,
    });
  });

  it("is ambiguous when every amount reads two ways (1.000: one thousand or one)", () => {
    expect(detectNumberFormat(["1.000", "2.500", 3], rows(3))).toMatchObject({
      status: "ambiguous",
      examples: [
        { row: 2, text: "1.000" },
        { row: 3, text: "2.500" },
      ],
    });
  });

  it("is mixed when amounts prove both formats, and not needed for numbers and plain digits", () => {
    expect(detectNumberFormat(["1,234.56", "1.234,56"], rows(2)).status).toBe("mixed");
    expect(detectNumberFormat([1234.5, "1234", "$12", null], rows(4))).toMatchObject({
      status: "notNeeded",
      currencies: ["$"],
    });
  });
});

describe("the date order of a file", () => {
  it("is proved by a day above 12, either way", () => {
    expect(detectDateOrder(["02/04/2026", "20/04/2026"], [5, 6])).toEqual({
      status: "proved",
      order: "DMY",
      examples: [{ row: 6, text: "20/04/2026" }],
    });
    expect(detectDateOrder(["04/20/2026"], [5])).toMatchObject({ status: "proved", order: "MDY" });
  });

  it("is ambiguous, mixed, or not needed (ISO text, date cells, the same day and month)", () => {
    expect(detectDateOrder(["02/04/2026", "05/05/2026"], [2, 3])).toMatchObject({
      status: "ambiguous",
      examples: [{ row: 2, text: "02/04/2026" }],
    });
    expect(detectDateOrder(["20/04/2026", "04/20/2026"], [2, 3]).status).toBe("mixed");
    expect(detectDateOrder(["2026-04-20", 46132, "05/05/2026", null], [2, 3, 4, 5]).status).toBe("notNeeded");
  });

  it("reads a slash date in the order given, and knows one that only the other order reads", () => {
    expect(parseDate("20/04/2026", "DMY")).toBe(parseDate("2026-04-20"));
    expect(parseDate("20/04/2026", "MDY")).toBeUndefined();
    expect(provesOtherOrder("20/04/2026", "MDY")).toBe(true);
    expect(provesOtherOrder("20/04/2026", "DMY")).toBe(false);
    expect(provesOtherOrder("02/04/2026", "MDY")).toBe(false);
  });
});

describe("headers", () => {
  it("finds the header row under title lines and guesses columns, exact words before prefixes", () => {
    const rows = [
      ["GL Detail report"],
      ["Run 2026-11-20", null],
      ["Acct", "Posting Date", "Memo", "Net Amount (USD)", "Amount"],
    ];
    expect(findHeaderRow(rows, LEDGER)).toBe(2);
    expect(guessColumns(rows[2], LEDGER)).toEqual({ account: 0, date: 1, description: 2, amount: 4 });
  });
});

describe("reading a table's layout", () => {
  it("says a grid with nothing in it is empty", () => {
    expect(readLayout([], LEDGER)).toMatchObject({ empty: true, headerRow: -1, questions: [] });
    expect(readLayout([["", "  "], [null]], LEDGER).empty).toBe(true);
  });

  it("decides a clean export and asks nothing", () => {
    const layout = readLayout(
      [
        ["Account", "Date", "Amount"],
        ["2100", "20/04/2026", "1.234,56"],
      ],
      LEDGER,
    );
    expect(layout).toMatchObject({
      empty: false,
      headerRow: 0,
      headerFound: true,
      columns: { account: 0, date: 1, amount: 2 },
      numberFormat: DECIMAL_COMMA,
      dateOrder: "DMY",
      questions: [],
    });
  });

  it("asks the number format and the date order when the file does not prove them", () => {
    const rows = [
      ["Account", "Date", "Amount"],
      ["2100", "02/04/2026", "1.000"],
      ["2100", "03/04/2026", 12],
    ];
    const layout = readLayout(rows, LEDGER);
    expect(layout.numberFormat).toBeUndefined();
    expect(layout.dateOrder).toBeUndefined();
    expect(layout.questions.map((q) => q.kind)).toEqual(["numberFormat", "dateOrder"]);
    expect(layout.questions[0].message).toContain('"1.000" (row 2)');
    const answered = readLayout(rows, LEDGER, { numberFormat: DECIMAL_COMMA, dateOrder: "DMY" });
    expect(answered).toMatchObject({ numberFormat: DECIMAL_COMMA, dateOrder: "DMY", questions: [] });
  });

  it("asks again when the file proves an answer wrong", () => {
    const layout = readLayout(
      [
        ["Account", "Date", "Amount"],
        ["2100", "20/04/2026", "1,234.56"],
      ],
      LEDGER,
      { dateOrder: "MDY", numberFormat: DECIMAL_COMMA },
    );
    expect(layout.dateOrder).toBeUndefined();
    expect(layout.numberFormat).toBeUndefined();
    expect(layout.questions.map((q) => q.kind)).toEqual(["numberFormat", "dateOrder"]);
  });

  it("asks for the headings when none are recognised, offering the first filled row", () => {
    const layout = readLayout([[null], ["a", "b"], ["1", "2"]], LEDGER);
    expect(layout.headerRow).toBe(1);
    expect(layout.headerFound).toBe(false);
    expect(layout.questions[0]).toMatchObject({ kind: "headerRow", proposed: 1 });
    expect(layout.questions[1]).toMatchObject({
      kind: "columns",
      missing: [["account"], ["amount", "debit"]],
    });
  });

  it("asks when amounts are in more than one currency", () => {
    const layout = readLayout(
      [
        ["Account", "Amount"],
        ["2100", "$1,200.00"],
        ["2100", "EUR 300.00"],
      ],
      LEDGER,
    );
    expect(layout.questions).toEqual([
      expect.objectContaining({ kind: "currency", currencies: ["$", "EUR"] }),
    ]);
  });

  it("judges the format from lines, not from the total lines", () => {
    const layout = readLayout(
      [
        ["Account", "Amount"],
        ["2100", "1.000"],
        ["Total", "1,000.00"],
      ],
      LEDGER,
    );
    expect(layout.questions.map((q) => q.kind)).toEqual(["numberFormat"]);
  });
});

describe("sorting the rows", () => {
  const gl = [
    ["ACME Productions: GL detail"],
    ["Account", "Date", "Description", "Amount"],
    ["2100", "2026-03-02", "Total Rentals Inc, week 1", "1,000.00"],
    ["Subtotal 2100", null, null, "1,000.00"],
    [null, null, null, null],
    ["Account", "Date", "Description", "Amount"],
    ["2200", "2026-03-03", "Grip", "50,129.48"],
    [null, null, "Total 2200", "50,129.48"],
    [null, null, "Report total", "51,129.48"],
  ];

  it("leaves out title, repeated header, subtotal and total lines, and keeps the export's control total", () => {
    const layout = readLayout(gl, LEDGER);
    expect(layout.questions).toEqual([]);
    const sorter = new RowSorter({ ...layout, fields: LEDGER.fields });
    const kinds = gl.map((row, i) => sorter.sort(row, i));
    expect(kinds).toEqual([
      "title",
      "header",
      "data",
      "subtotal",
      "blank",
      "header",
      "data",
      "subtotal",
      "total",
    ]);
    const { leftOut, controlTotal } = sorter.finish();
    expect(controlTotal).toEqual({
      row: 9,
      text: "Report total | 51,129.48",
      amount: expect.anything(),
    });
    expect(controlTotal?.amount.toFixed(2)).toBe("51129.48");
    expect(leftOut.map((l) => [l.row, l.kind, l.amount?.toFixed(2)])).toEqual([
      [1, "title", undefined],
      [4, "subtotal", "1000.00"],
      [6, "header", undefined],
      [8, "subtotal", "50129.48"],
      [9, "total", "51129.48"],
    ]);
    expect(sorter.blankRows).toBe(1);
  });

  it("takes a line's amount the panel's way (debit − credit) and records rows the panel cannot read", () => {
    const rows = [
      ["Account", "Debit", "Credit"],
      ["2100", "100.00", null],
      ["Grand total", "150.00", "50.00"],
    ];
    const layout = readLayout(rows, LEDGER);
    const sorter = new RowSorter({ ...layout, fields: LEDGER.fields }, (a) =>
      a.debit === undefined && a.credit === undefined ? undefined : (a.debit ?? ZERO).minus(a.credit ?? ZERO),
    );
    rows.forEach((row, i) => sorter.sort(row, i));
    sorter.leave(["2300", "x", null], 3, "unreadable", 'the amount "x" is not a number');
    const { leftOut, controlTotal } = sorter.finish();
    expect(controlTotal?.amount.toFixed(2)).toBe("100.00");
    expect(leftOut[1]).toMatchObject({ row: 4, kind: "unreadable", text: "2300 | x" });
  });

  it("has no control total when every total names a group", () => {
    const rows = [
      ["Account", "Amount"],
      ["2100", 5],
      ["Total 2100", 5],
    ];
    const layout = readLayout(rows, LEDGER);
    const sorter = new RowSorter({ ...layout, fields: LEDGER.fields });
    rows.forEach((row, i) => sorter.sort(row, i));
    expect(sorter.finish().controlTotal).toBeUndefined();
  });
});
