/**
 * Issue 16, "Wrong money or lost work", the input side: each case as the accountant met it,
 * read the way the pane reads it (engine/import decides the layout, the ledger reader maps it).
 */
import { readLayout } from "../../../src/engine/import";
import { Decimal } from "../../../src/engine/money";
import {
  buildCostReport,
  dateSerial,
  mapLedgerRows,
  VOCABULARIES,
  type CostReport,
  type LedgerColumns,
  type MappedLedger,
} from "../../../src/engine/weeklyCostReport";

/** Reads a ledger grid as the pane does: the layout decided by the import module, then mapped. */
function readLedger(rows: unknown[][], answers: Parameters<typeof readLayout>[2] = {}) {
  const layout = readLayout(rows, VOCABULARIES.ledger, answers);
  const mapped = mapLedgerRows(rows, {
    columns: layout.columns as LedgerColumns,
    headerRows: layout.headerRow + 1,
    headers: layout.headers,
    dateOrder: layout.dateOrder,
    numberFormat: layout.numberFormat,
  });
  return { layout, mapped };
}

function build(mapped: MappedLedger, start: number, end: number): CostReport {
  return buildCostReport({
    budget: [{ account: "2100", description: "Story", amount: new Decimal(60000) }],
    ledger: mapped.lines,
    openPos: [],
    settings: {
      layout: "FEATURE",
      cutoff: { kind: "date", start, end },
      convention: "UNDER",
      efcChangeThreshold: new Decimal(5000),
    },
  });
}

const END = dateSerial(2026, 11, 20) as number;

describe("a GL export that ends in its own total", () => {
  const rows = [
    ["ACME Productions", null, null, null],
    ["GL detail, run 2026-11-20", null, null, null],
    ["Account", "Date", "Description", "Amount"],
    ["2100", "2026-11-02", "Option payment", "12,000.00"],
    ["2100", "2026-11-18", "Writer week 7", "39,129.48"],
    ["Subtotal 2100", null, null, "51,129.48"],
    [null, null, "Report total", "51,129.48"],
  ];

  it("counts the lines once (51,129.48, not 102,258.96) and reconciles to the stated total", () => {
    const { layout, mapped } = readLedger(rows);
    expect(layout.questions).toEqual([]);
    const report = build(mapped, END - 6, END);
    expect(report.reconciliation.ledgerToDate.toFixed(2)).toBe("51129.48");
    expect(report.reconciliation.reportToDate.toFixed(2)).toBe("51129.48");
    expect(mapped.check.controlTotal?.row).toBe(7);
    expect(mapped.check.controlTotal?.amount.toFixed(2)).toBe("51129.48");
    expect(mapped.check.linesTotal.toFixed(2)).toBe("51129.48");
    expect(mapped.check).toMatchObject({ leftOut: 0, notLines: 2 });
    expect(mapped.problems.map((p) => [p.row, p.notALine])).toEqual([
      [6, true],
      [7, true],
    ]);
    expect(mapped.problems[1].message).toBe(
      'the export\'s total of all its lines (a control total, not a line): "Report total | 51,129.48"',
    );
  });
});

describe("dates that can only be day/month", () => {
  const rows = [
    ["Account", "Date", "Amount"],
    ["2100", "05/03/2026", 500],
    ["2100", "28/03/2026", 1100],
    ["2100", "03/04/2026", 400],
  ];
  const start = dateSerial(2026, 3, 25) as number;
  const end = dateSerial(2026, 3, 31) as number;

  it("are read day/month because the file proves it: 1,600.00 to date, 1,100.00 this period", () => {
    const { layout, mapped } = readLedger(rows);
    expect(layout.dateOrder).toBe("DMY");
    expect(layout.dateFinding.examples).toEqual([{ row: 3, text: "28/03/2026" }]);
    const r = build(mapped, start, end).reconciliation;
    expect([r.ledgerToDate.toFixed(2), r.ledgerThisPeriod.toFixed(2)]).toEqual(["1600.00", "1100.00"]);
  });

  it("chosen month/day against the file's proof: the question comes back, and no date is guessed", () => {
    expect(readLedger(rows, { dateOrder: "MDY" }).layout.questions.map((q) => q.kind)).toEqual(["dateOrder"]);
    const mapped = mapLedgerRows(rows, {
      columns: { account: 0, date: 1, amount: 2 },
      headerRows: 1,
      dateOrder: "MDY",
    });
    expect(mapped.lines.map((l) => l.row)).toEqual([2, 4]);
    expect(mapped.problems).toEqual([
      {
        row: 3,
        message:
          'the date "28/03/2026" can only be day/month/year, but the file\'s dates are read as month/day/year; the line is left out',
        excluded: true,
        amount: new Decimal(1100),
      },
    ]);
  });

  it("that read both ways stop and ask; unanswered, such lines are left out and listed", () => {
    const { layout, mapped } = readLedger([
      ["Account", "Date", "Amount"],
      ["2100", "05/03/2026", 500],
      ["2100", "2026-03-28", 1100],
    ]);
    expect(layout.questions.map((q) => q.kind)).toEqual(["dateOrder"]);
    expect(mapped.lines.map((l) => l.row)).toEqual([3]);
    expect(mapped.check.leftOut).toBe(1);
    expect(mapped.check.leftOutAmount.toFixed(2)).toBe("500.00");
  });
});

describe("amounts with a decimal comma", () => {
  it("are read in the format the file proves", () => {
    const { layout, mapped } = readLedger([
      ["Account", "Date", "Amount"],
      ["2100", "2026-11-02", "1.234,56"],
      ["2100", "2026-11-03", "(1.000,00)"],
      ["2100", "2026-11-04", "12,5"],
    ]);
    expect(layout.numberFormat?.decimal).toBe(",");
    expect(mapped.check.linesTotal.toFixed(2)).toBe("247.06");
    expect(mapped.problems).toEqual([]);
  });

  it("are asked about when they read two ways, and read as answered", () => {
    const rows = [
      ["Account", "Date", "Amount"],
      ["2100", "2026-11-02", "1.000"],
    ];
    expect(readLedger(rows).layout.questions.map((q) => q.kind)).toEqual(["numberFormat"]);
    const answered = readLedger(rows, { numberFormat: { decimal: "," } });
    expect(answered.mapped.check.linesTotal.toFixed(2)).toBe("1000.00");
  });
});

describe("a blank amount", () => {
  it("is listed and left out, not read as 0.00", () => {
    const { mapped } = readLedger([
      ["Account", "Date", "Debit", "Credit"],
      ["2100", "2026-11-02", null, null],
      ["2100", "2026-11-02", "10.00", null],
    ]);
    expect(mapped.lines.map((l) => l.row)).toEqual([3]);
    expect(mapped.problems).toEqual([
      { row: 2, message: "the amount is blank; the line is left out", excluded: true, amount: undefined },
    ]);
  });
});
