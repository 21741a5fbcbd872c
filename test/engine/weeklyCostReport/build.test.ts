import fc from "fast-check";
import { Decimal } from "../../../src/engine/money";
import {
  amountFromNumber,
  buildCostReport,
  dateSerial,
  type AccountRow,
  type CostReportInput,
  type CostReportSettings,
  type LedgerLine,
  type OpenPo,
  type ReportRow,
  type TotalRow,
} from "../../../src/engine/weeklyCostReport";

const d = (v: string | number) => new Decimal(v);
const END = dateSerial(2026, 11, 20) as number;
const START = END - 6;
const settings: CostReportSettings = {
  layout: "FEATURE",
  cutoff: { kind: "date", start: START, end: END },
  convention: "UNDER",
  efcChangeThreshold: d(2500),
};

let row = 0;
function line(account: string, date: number, dollars: number, extra: Partial<LedgerLine> = {}): LedgerLine {
  row++;
  return {
    row,
    account,
    date,
    vendor: "Vendor",
    description: "Line",
    amount: amountFromNumber(dollars),
    po: "",
    ...extra,
  };
}

const money = (x: Decimal | undefined) => (x === undefined ? undefined : x.toFixed(2));
function figuresOf(r: ReportRow | undefined) {
  if (!r) throw new Error("row missing");
  const f = r.figures;
  return {
    budget: money(f.budget),
    thisPeriod: money(f.thisPeriod),
    actualToDate: money(f.actualToDate),
    openPos: money(f.openPos),
    committed: money(f.committed),
    etc: money(f.etc),
    efc: money(f.efc),
    variance: money(f.variance),
    priorEfc: money(f.priorEfc),
    change: money(f.change),
  };
}
const accountRow = (rows: ReportRow[], account: string) =>
  rows.find((r): r is AccountRow => r.kind === "account" && r.account === account);
const totalRow = (rows: ReportRow[], kind: TotalRow["kind"], code: string) =>
  rows.find((r): r is TotalRow => r.kind === kind && r.code === code);

describe("the weekly cost report, reference.md 5.1 worked example", () => {
  // Budget 100,000; actual to date 62,000 (12,000 of it this week); open POs 18,000; the
  // accountant's ETC of 25,000 from last week; last week's EFC 102,000.
  const input: CostReportInput = {
    budget: [{ account: "2501", description: "Key grip", amount: d(100000) }],
    ledger: [line("2501", START - 20, 50000), line("25-01", START + 2, 12000), line("2501", END + 1, 999)],
    openPos: [
      { row: 1, account: "2501-00", po: "PO-7", vendor: "Grip Co", description: "Dolly", amount: d(18000) },
    ],
    prior: [{ account: "2501", etc: d(25000), efc: d(102000), etcEdited: true }],
    settings,
  };
  const report = buildCostReport(input);

  it("gives EFC 105,000, variance −5,000 (over) and a +3,000 change", () => {
    expect(figuresOf(accountRow(report.rows, "2501"))).toEqual({
      budget: "100000.00",
      thisPeriod: "12000.00",
      actualToDate: "62000.00",
      openPos: "18000.00",
      committed: "80000.00",
      etc: "25000.00",
      efc: "105000.00",
      variance: "-5000.00",
      priorEfc: "102000.00",
      change: "3000.00",
    });
    expect(accountRow(report.rows, "2501")?.figures.percentSpent?.toString()).toBe("0.62");
  });

  it("says the ETC was carried from the previous report", () => {
    expect(accountRow(report.rows, "2501")?.etcSource).toBe("carried");
    expect(report.carriedEtcs).toBe(1);
  });

  it("flags over budget and an EFC move above the threshold", () => {
    expect(accountRow(report.rows, "2501")?.flags).toEqual(["overBudget", "efcChange"]);
  });

  it("shows variance as EFC − budget under the Over/(Under) convention", () => {
    const over = buildCostReport({ ...input, settings: { ...settings, convention: "OVER" } });
    expect(money(accountRow(over.rows, "2501")?.figures.variance)).toBe("5000.00");
  });

  it("rolls the account up to Set Operations, Production and the grand total", () => {
    expect(report.rows.map((r) => `${r.kind}:${r.kind === "account" ? r.account : r.code}`)).toEqual([
      "account:2501",
      "category:2500",
      "level:PRODUCTION",
      "belowTheLine:BTL",
      "total:TOTAL",
    ]);
    expect(totalRow(report.rows, "category", "2500")?.name).toBe("Set Operations");
    expect(figuresOf(totalRow(report.rows, "total", "TOTAL"))).toEqual(
      figuresOf(accountRow(report.rows, "2501")),
    );
  });

  it("leaves the line after the period end date out, and counts it", () => {
    expect(report.reconciliation.laterLines).toBe(1);
    expect(money(report.reconciliation.laterTotal)).toBe("999.00");
  });
});

describe("a multi-account report with a previous report", () => {
  const input: CostReportInput = {
    budget: [
      { account: "1101", description: "Story purchase", amount: d(250000) },
      { account: "2001", description: "Line producer", amount: d(40000) },
      { account: "2001", description: "Line producer (overtime)", amount: d(2000.5) },
      { account: "3301", description: "Camera package", amount: d(60000) },
      { account: "3302", description: "Camera expendables", amount: d(5000) },
      { account: "5001", description: "Editor", amount: d(30000) },
    ],
    ledger: [
      line("1101", START - 30, 250000),
      line("2001", START - 7, 8000.25),
      line("2001", START, 4000.25),
      line("3301", START + 1, 45000),
      line("3301", START + 3, -1500, { description: "Credit: returned lens" }),
      line("3302", START + 4, 1200.1),
      line("3399", START + 5, 300, { vendor: "Gaffer tape world" }),
      line("", START + 5, 75.5, { vendor: "Petty cash" }),
      line("5001", END + 3, 5000),
    ],
    openPos: [
      {
        row: 1,
        account: "3301",
        po: "PO-101",
        vendor: "Camera house",
        description: "Week 6",
        amount: d(20000),
      },
      { row: 2, account: "3302", po: "PO-102", vendor: "Expendables", description: "Stock", amount: d(4000) },
    ],
    prior: [
      { account: "1101", etc: d(0), efc: d(250000), etcEdited: false },
      // The accountant raised 2001's ETC to 35,000 last week.
      { account: "2001", etc: d(35000), efc: d(43000.25), etcEdited: true },
      // 3301's ETC was the default last week: it is recomputed, not carried.
      { account: "3301", etc: d(11500), efc: d(60000), etcEdited: false },
      { account: "3302", efc: d(5000), etcEdited: false },
      // An account only the previous report knows, with an ETC the accountant typed.
      { account: "4101", etc: d(1500), efc: d(1500), etcEdited: true },
    ],
    settings,
  };
  const report = buildCostReport(input);

  it.each([
    // account, budget, this period, ATD, POs, committed, ETC, EFC, variance, prior EFC, change
    [
      "1101",
      "250000.00",
      "0.00",
      "250000.00",
      "0.00",
      "250000.00",
      "0.00",
      "250000.00",
      "0.00",
      "250000.00",
      "0.00",
    ],
    [
      "2001",
      "42000.50",
      "4000.25",
      "12000.50",
      "0.00",
      "12000.50",
      "35000.00",
      "47000.50",
      "-5000.00",
      "43000.25",
      "4000.25",
    ],
    [
      "3301",
      "60000.00",
      "43500.00",
      "43500.00",
      "20000.00",
      "63500.00",
      "0.00",
      "63500.00",
      "-3500.00",
      "60000.00",
      "3500.00",
    ],
    [
      "3302",
      "5000.00",
      "1200.10",
      "1200.10",
      "4000.00",
      "5200.10",
      "0.00",
      "5200.10",
      "-200.10",
      "5000.00",
      "200.10",
    ],
    ["3399", "0.00", "300.00", "300.00", "0.00", "300.00", "0.00", "300.00", "-300.00", "0.00", "300.00"],
    ["4101", "0.00", "0.00", "0.00", "0.00", "0.00", "1500.00", "1500.00", "-1500.00", "1500.00", "0.00"],
    ["5001", "30000.00", "0.00", "0.00", "0.00", "0.00", "30000.00", "30000.00", "0.00", "0.00", "30000.00"],
  ])("account %s: hand-computed figures", (account, ...expected) => {
    const keys = [
      "budget",
      "thisPeriod",
      "actualToDate",
      "openPos",
      "committed",
      "etc",
      "efc",
      "variance",
      "priorEfc",
      "change",
    ];
    expect(figuresOf(accountRow(report.rows, account))).toEqual(
      Object.fromEntries(keys.map((k, i) => [k, expected[i]])),
    );
  });

  it("carries the accountant's ETCs and recomputes the defaults", () => {
    const sources = report.rows
      .filter((r): r is AccountRow => r.kind === "account")
      .map((r) => [r.account, r.etcSource]);
    expect(sources).toEqual([
      ["1101", "default"],
      ["2001", "carried"],
      ["3301", "default"],
      ["3302", "default"],
      ["3399", "default"],
      ["4101", "carried"],
      ["5001", "default"],
      ["", "default"],
    ]);
  });

  it("keeps the ETCs typed into the same date's report it replaces, over last week's", () => {
    // The report for this date was built, then the accountant typed 2001 = 30,000 and
    // 3301 = 7,250.50 into it; 3302's ETC there is an untouched default.
    const again = buildCostReport({
      ...input,
      replaced: [
        { account: "2001", etc: d(30000), efc: d(42000.5), etcEdited: true },
        { account: "3301", etc: d(7250.5), efc: d(70750.5), etcEdited: true },
        { account: "3302", etc: d(0), efc: d(5200.1), etcEdited: false },
      ],
    });
    const shown = (account: string) => {
      const r = accountRow(again.rows, account);
      return [r?.etcSource, money(r?.figures.etc), money(r?.figures.efc), money(r?.figures.priorEfc)];
    };
    expect(shown("2001")).toEqual(["kept", "30000.00", "42000.50", "43000.25"]);
    expect(shown("3301")).toEqual(["kept", "7250.50", "70750.50", "60000.00"]);
    expect(shown("3302")).toEqual(["default", "0.00", "5200.10", "5000.00"]);
    // 4101 was carried from last week and not touched in the replaced report: still carried.
    expect(shown("4101")).toEqual(["carried", "1500.00", "1500.00", "1500.00"]);
    expect([again.keptEtcs, again.carriedEtcs]).toEqual([2, 1]);
  });

  it("rolls up per category, level and total in top-sheet order", () => {
    expect(report.rows.map((r) => `${r.kind}:${r.kind === "account" ? r.account : r.code}`)).toEqual([
      "account:1101",
      "category:1100",
      "level:ATL",
      "account:2001",
      "category:2000",
      "account:3301",
      "account:3302",
      "account:3399",
      "category:3300",
      "account:4101",
      "category:4100",
      "level:PRODUCTION",
      "account:5001",
      "category:5000",
      "level:POST",
      "belowTheLine:BTL",
      "account:",
      "total:TOTAL",
    ]);
    expect(figuresOf(totalRow(report.rows, "category", "3300"))).toEqual({
      budget: "65000.00",
      thisPeriod: "45000.10",
      actualToDate: "45000.10",
      openPos: "24000.00",
      committed: "69000.10",
      etc: "0.00",
      efc: "69000.10",
      variance: "-4000.10",
      priorEfc: "65000.00",
      change: "4000.10",
    });
  });

  it("lists unbudgeted and uncoded ledger lines apart and keeps them in the totals", () => {
    expect(report.exceptions.unbudgeted.map((l) => l.vendor)).toEqual(["Gaffer tape world"]);
    expect(report.exceptions.uncoded.map((l) => l.vendor)).toEqual(["Petty cash"]);
    expect(accountRow(report.rows, "3399")?.flags).toContain("unbudgeted");
    expect(money(accountRow(report.rows, "")?.figures.actualToDate)).toBe("75.50");
  });

  it("flags POs larger than what is left of the budget", () => {
    expect(accountRow(report.rows, "3301")?.flags).toContain("poOverRemaining");
    // 5,000 budget − 1,200.10 spent leaves 3,799.90, less than the 4,000 PO.
    expect(accountRow(report.rows, "3302")?.flags).toContain("poOverRemaining");
    expect(accountRow(report.rows, "2001")?.flags).not.toContain("poOverRemaining");
  });

  it("reconciles: total actual to date equals the ledger to the cut-off", () => {
    const r = report.reconciliation;
    expect(money(r.reportToDate)).toBe("307076.10");
    expect(money(r.ledgerToDate)).toBe("307076.10");
    expect(money(r.reportThisPeriod)).toBe(money(r.ledgerThisPeriod));
    expect(money(r.reportOpenPos)).toBe("24000.00");
    expect(r.laterLines).toBe(1);
  });

  it("puts the largest category variances first", () => {
    expect(report.largestVariances.map((v) => [v.code, v.variance.toFixed(2)])).toEqual([
      ["2000", "-5000.00"],
      ["3300", "-4000.10"],
      ["4100", "-1500.00"],
    ]);
  });
});

describe("cut by accounting period", () => {
  it("counts the current period as this period and earlier ones to date", () => {
    const report = buildCostReport({
      budget: [{ account: "2501", description: "Grip", amount: d(1000) }],
      ledger: [
        line("2501", NaN, 100, { date: undefined, period: "P2" }),
        line("2501", NaN, 10, { date: undefined, period: "P10" }),
        line("2501", NaN, 1, { date: undefined, period: "P11" }),
      ],
      openPos: [],
      settings: { ...settings, cutoff: { kind: "period", period: "P10" } },
    });
    const f = figuresOf(accountRow(report.rows, "2501"));
    expect([f.thisPeriod, f.actualToDate]).toEqual(["10.00", "110.00"]);
  });

  it("counts a line without a date to date and lists it to be checked", () => {
    const undated = line("2501", NaN, 5, { date: undefined });
    const report = buildCostReport({
      budget: [{ account: "2501", description: "Grip", amount: d(1000) }],
      ledger: [undated],
      openPos: [],
      settings,
    });
    expect(money(accountRow(report.rows, "2501")?.figures.actualToDate)).toBe("5.00");
    expect(report.exceptions.undated).toEqual([undated]);
  });

  it("refuses a period that starts after it ends", () => {
    expect(() =>
      buildCostReport({
        budget: [],
        ledger: [],
        openPos: [],
        settings: { ...settings, cutoff: { kind: "date", start: END + 1, end: END } },
      }),
    ).toThrow("period start date must be on or before the period end date (2026-11-20)");
  });
});

describe("reconciling sub-cent amounts", () => {
  // Three accounts with sub-cent actuals: each account shows its own cents (10.01, 20.01, 1.00,
  // summing to 31.02) while the ledger's exact total, 31.0149, shows as 31.01.
  const report = buildCostReport({
    budget: [
      { account: "2501", description: "Grip", amount: d(100) },
      { account: "2502", description: "Best boy", amount: d(100) },
      { account: "2503", description: "Dolly", amount: d(100) },
    ],
    ledger: [line("2501", END, 10.005), line("2502", END, 20.005), line("2503", END, 1.0049)],
    openPos: [
      { row: 1, account: "2501", po: "PO-1", vendor: "", description: "", amount: d("0.005") },
      { row: 2, account: "2502", po: "PO-2", vendor: "", description: "", amount: d("0.005") },
    ],
    settings,
  });
  const r = report.reconciliation;

  it("says every line is counted and the cent is rounding, not that the report disagrees", () => {
    expect([money(r.reportToDate), money(r.ledgerToDate)]).toEqual(["31.02", "31.01"]);
    expect(r.agreement.toDate).toBe("rounding");
    expect(r.agreement.thisPeriod).toBe("rounding");
  });

  it("treats open POs the same way: 0.005 + 0.005 shows 0.02 on the accounts and 0.01 read", () => {
    expect([money(r.reportOpenPos), money(r.poTotal)]).toEqual(["0.02", "0.01"]);
    expect(r.agreement.openPos).toBe("rounding");
  });

  it("agrees outright when the cents are the same", () => {
    const whole = buildCostReport({
      budget: [{ account: "2501", description: "Grip", amount: d(100) }],
      ledger: [line("2501", END, 10.25), line("2502", END, 1)],
      openPos: [],
      settings,
    });
    expect(whole.reconciliation.agreement).toEqual({
      toDate: "agrees",
      thisPeriod: "agrees",
      openPos: "agrees",
    });
  });
});

describe("money invariants", () => {
  const accounts = ["1101", "2001", "25-01", "2501-00", "3301", "9999", "", "  "];
  const lineArb = fc.record({
    account: fc.constantFrom(...accounts),
    offset: fc.integer({ min: -40, max: 5 }),
    cents: fc.integer({ min: -5_000_000, max: 50_000_000 }),
  });

  it("the report's totals reconcile with the ledger to the cent, whatever the lines", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const ledger = lines.map((l, i) => ({
          row: i + 1,
          account: l.account,
          date: END + l.offset,
          vendor: "",
          description: "",
          po: "",
          amount: l.cents,
        }));
        const report = buildCostReport({
          budget: [{ account: "2501", description: "Grip", amount: d(1000) }],
          ledger,
          openPos: [],
          settings,
        });
        const toDate = lines.filter((l) => l.offset <= 0).reduce((s, l) => s + l.cents, 0);
        const thisPeriod = lines
          .filter((l) => l.offset <= 0 && l.offset >= -6)
          .reduce((s, l) => s + l.cents, 0);
        const later = lines.filter((l) => l.offset > 0).reduce((s, l) => s + l.cents, 0);
        const r = report.reconciliation;
        expect(r.reportToDate.times(100).toNumber()).toBe(toDate);
        expect(r.reportThisPeriod.times(100).toNumber()).toBe(thisPeriod);
        expect(r.laterTotal.times(100).toNumber()).toBe(later);
        expect(r.ledgerToDate.eq(r.reportToDate)).toBe(true);
        expect(r.agreement).toEqual({ toDate: "agrees", thisPeriod: "agrees", openPos: "agrees" });
      }),
    );
  });

  it("with fractions of a cent, every line is still counted and the totals differ only by rounding", () => {
    const subCent = fc.record({
      account: fc.constantFrom(...accounts),
      mills: fc.integer({ min: -5_000_000, max: 50_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(subCent, { maxLength: 60 }), (lines) => {
        const report = buildCostReport({
          budget: [{ account: "2501", description: "Grip", amount: d(1000) }],
          ledger: lines.map((l, i) => ({
            row: i + 1,
            account: l.account,
            date: END,
            vendor: "",
            description: "",
            po: "",
            amount: d(l.mills).div(1000),
          })),
          openPos: [],
          settings,
        });
        const r = report.reconciliation;
        const exact = lines.reduce((s, l) => s.plus(d(l.mills).div(1000)), d(0));
        expect(r.ledgerToDate.eq(exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP))).toBe(true);
        expect(r.agreement.toDate).not.toBe("differs");
        expect(r.agreement.toDate === "agrees").toBe(r.reportToDate.eq(r.ledgerToDate));
        // At most half a cent per report row (5 distinct accounts and the uncoded row).
        expect(r.reportToDate.minus(r.ledgerToDate).abs().lte(d(6).times("0.005"))).toBe(true);
      }),
    );
  });

  it("EFC = committed + ETC and ETC is never below 0 by default, on every row", () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        (lines, budgetCents) => {
          const report = buildCostReport({
            budget: [{ account: "2001", description: "Staff", amount: d(budgetCents).div(100) }],
            ledger: lines.map((l, i) => ({
              row: i,
              account: l.account,
              date: END,
              vendor: "",
              description: "",
              po: "",
              amount: l.cents,
            })),
            openPos: [],
            settings,
          });
          for (const r of report.rows) {
            expect(r.figures.efc.eq(r.figures.committed.plus(r.figures.etc))).toBe(true);
            expect(r.figures.etc.isNeg()).toBe(false);
          }
        },
      ),
    );
  });
});

/*
 * What accountants asked for in a weekly cost report (issue 16): a PO log relieved by the ledger
 * lines that carry its PO number, notes and "Hold EFC" carried week to week, last week's actual
 * to date and ETC beside this week's, a Below-the-line subtotal, descriptions on unbudgeted rows.
 */
function po(account: string, number: string, vendor: string, amount: number): OpenPo {
  row++;
  return { row, account, po: number, vendor, description: `${vendor} order`, amount: d(amount) };
}
/** The account's row, which must be there. */
function mustRow(rows: ReportRow[], account: string): AccountRow {
  const r = accountRow(rows, account);
  if (!r) throw new Error(`no row for ${account}`);
  return r;
}

describe("the PO log: open POs relieved by the ledger lines that carry their PO number", () => {
  const input: CostReportInput = {
    budget: [
      { account: "3301", description: "Camera package", amount: d(60000) },
      { account: "3302", description: "Camera expendables", amount: d(5000) },
    ],
    ledger: [
      line("3301", START + 1, 7500.25, { po: "PO-101" }),
      // The same PO number written another way still relieves it.
      line("33-01", START + 2, 2499.75, { po: " po-101 " }),
      // Billed over the PO: the PO is used up, the overage is in actuals only.
      line("3302", START + 3, 4500.1, { po: "PO-102" }),
      // After the cut-off: not in this report, so it relieves nothing yet.
      line("3301", END + 2, 1000, { po: "PO-103" }),
      // A PO number the log does not have: an actual like any other.
      line("3301", START + 1, 300, { po: "PO-999" }),
    ],
    openPos: [
      po("3301", "PO-101", "Camera house", 20000),
      po("3302", "PO-102", "Expendables", 4000),
      po("3301", "PO-103", "Lens Co", 1500),
    ],
    settings: { ...settings, relievePos: true },
  };
  const report = buildCostReport(input);

  it("lists each PO with its amount, what the ledger relieved and what is still open, to the cent", () => {
    expect(
      report.poLog.map((p) => [p.po, p.vendor, money(p.amount), money(p.relieved), money(p.open)]),
    ).toEqual([
      ["PO-101", "Camera house", "20000.00", "10000.00", "10000.00"],
      ["PO-102", "Expendables", "4000.00", "4500.10", "0.00"],
      ["PO-103", "Lens Co", "1500.00", "0.00", "1500.00"],
    ]);
  });

  it("counts each relieved dollar once: in actual to date, not again in open POs", () => {
    const camera = mustRow(report.rows, "3301").figures;
    expect(
      [camera.actualToDate, camera.openPos, camera.committed, camera.etc, camera.efc].map(money),
    ).toEqual(["10300.00", "11500.00", "21800.00", "38200.00", "60000.00"]);
    const stock = mustRow(report.rows, "3302").figures;
    expect([stock.actualToDate, stock.openPos, stock.committed, stock.etc, stock.efc].map(money)).toEqual([
      "4500.10",
      "0.00",
      "4500.10",
      "499.90",
      "5000.00",
    ]);
  });

  it("reconciles the POs read, the relief and the open POs in the report", () => {
    const r = report.reconciliation;
    expect([money(r.poTotal), money(r.poRelieved), money(r.reportOpenPos), r.agreement.openPos]).toEqual([
      "25500.00",
      "14000.00",
      "11500.00",
      "agrees",
    ]);
  });

  it("leaves the amounts as they are when the list already gives open balances", () => {
    const asGiven = buildCostReport({ ...input, settings });
    expect(money(mustRow(asGiven.rows, "3301").figures.openPos)).toBe("21500.00");
    expect(asGiven.poLog.map((p) => money(p.relieved))).toEqual(["0.00", "0.00", "0.00"]);
    expect(money(asGiven.reconciliation.poRelieved)).toBe("0.00");
  });
});

describe("notes, Hold EFC and last week's figures, carried week to week", () => {
  const input: CostReportInput = {
    budget: [
      { account: "2001", description: "Line producer", amount: d(42000.5) },
      { account: "2501", description: "Key grip", amount: d(100000) },
      { account: "3301", description: "Camera package", amount: d(60000) },
    ],
    ledger: [line("2001", START - 7, 8000.25), line("2001", START, 4000.25), line("3301", START, 12000.5)],
    openPos: [],
    prior: [
      // Hold EFC: the EFC of last week stays, the ETC shrinks by what was spent since.
      {
        account: "2001",
        etc: d(35000),
        efc: d(43000.25),
        actualToDate: d(8000.25),
        etcEdited: true,
        holdEfc: true,
        note: "Rate raised in week 6",
      },
      // Held below what is now committed: the ETC stops at 0 and the EFC is the committed cost.
      { account: "3301", etc: d(0), efc: d(10000), actualToDate: d(0), etcEdited: false, holdEfc: true },
      { account: "2501", etc: d(25000), efc: d(25000), actualToDate: d(0), etcEdited: true, note: "Dolly" },
    ],
    settings,
  };
  const report = buildCostReport(input);

  it("holds last week's EFC: ETC = held EFC − committed, never below 0", () => {
    const lp = mustRow(report.rows, "2001");
    expect([
      lp.etcSource,
      lp.holdEfc,
      money(lp.figures.etc),
      money(lp.figures.efc),
      money(lp.figures.change),
    ]).toEqual(["held", true, "30999.75", "43000.25", "0.00"]);
    const camera = mustRow(report.rows, "3301");
    expect([camera.etcSource, money(camera.figures.etc), money(camera.figures.efc)]).toEqual([
      "held",
      "0.00",
      "12000.50",
    ]);
    expect(report.heldEfcs).toBe(2);
  });

  it("carries each account's note, and holds the ETC where the EFC is not held", () => {
    expect(mustRow(report.rows, "2001").note).toBe("Rate raised in week 6");
    expect(mustRow(report.rows, "2501").note).toBe("Dolly");
    expect(mustRow(report.rows, "3301").note).toBe("");
    expect([mustRow(report.rows, "2501").etcSource, mustRow(report.rows, "2501").holdEfc]).toEqual([
      "carried",
      false,
    ]);
  });

  it("shows last week's actual to date and ETC beside this week's, in every subtotal too", () => {
    const lp = mustRow(report.rows, "2001").figures;
    expect([lp.priorActualToDate, lp.actualToDate, lp.priorEtc, lp.etc].map(money)).toEqual([
      "8000.25",
      "12000.50",
      "35000.00",
      "30999.75",
    ]);
    const grand = totalRow(report.rows, "total", "TOTAL")?.figures;
    expect([money(grand?.priorActualToDate), money(grand?.priorEtc)]).toEqual(["8000.25", "60000.00"]);
  });

  it("keeps the note and Hold mark of the same date's report it replaces", () => {
    const again = buildCostReport({
      ...input,
      replaced: [
        { account: "2001", etc: d(30999.75), efc: d(43000.25), etcEdited: false, holdEfc: false, note: "" },
        {
          account: "2501",
          etc: d(25000),
          efc: d(25000),
          etcEdited: true,
          holdEfc: true,
          note: "Dolly, 2 wks",
        },
      ],
    });
    // The mark typed this week applies from next week: this week's ETC is still the carried one.
    const grip = mustRow(again.rows, "2501");
    expect([grip.note, grip.holdEfc, grip.etcSource]).toEqual(["Dolly, 2 wks", true, "kept"]);
    // Hold cleared and note cleared in the replaced report: cleared here too. The EFC was held
    // from last week's report, so this week's figure is still held.
    const lp = mustRow(again.rows, "2001");
    expect([lp.note, lp.holdEfc, lp.etcSource, money(lp.figures.efc)]).toEqual([
      "",
      false,
      "held",
      "43000.25",
    ]);
  });
});

describe("rows and subtotals", () => {
  const report = buildCostReport({
    budget: [
      { account: "1101", description: "Story", amount: d(1000) },
      { account: "2001", description: "Staff", amount: d(2000.1) },
      { account: "5001", description: "Editor", amount: d(3000.2) },
    ],
    ledger: [line("3399", START, 250), line("2001", START, 100), line("", START, 5)],
    openPos: [],
    prior: [{ account: "4999", etc: d(10), efc: d(10), etcEdited: true, description: "Set dressing misc" }],
    settings,
  });

  it("adds a Below-the-line subtotal: every level but Above-the-line, outside the grand total", () => {
    const btl = totalRow(report.rows, "belowTheLine", "BTL");
    expect(btl?.name).toBe("Total Below-the-line");
    expect([money(btl?.figures.budget), money(btl?.figures.actualToDate)]).toEqual(["5000.30", "350.00"]);
    const grand = totalRow(report.rows, "total", "TOTAL");
    expect([money(grand?.figures.budget), money(grand?.figures.actualToDate)]).toEqual(["6000.30", "355.00"]);
    const kinds = report.rows.map((r) => r.kind);
    expect(kinds.slice(-3)).toEqual(["belowTheLine", "account", "total"]);
  });

  it("describes an account that is not in the budget: last week's description, else its category", () => {
    expect(mustRow(report.rows, "3399").description).toBe("Camera Operations: not in the budget");
    expect(mustRow(report.rows, "4999").description).toBe("Set dressing misc");
  });
});

describe("money invariants of the PO log and the accountant's columns", () => {
  const numbers = ["PO-1", "PO-2", "PO-3", ""];
  const accounts = ["2501", "3301", "9910", ""];
  const poArb = fc.record({
    account: fc.constantFrom(...accounts),
    po: fc.constantFrom(...numbers),
    cents: fc.integer({ min: 0, max: 5_000_000 }),
  });
  const lineArb = fc.record({
    account: fc.constantFrom(...accounts),
    po: fc.constantFrom(...numbers),
    offset: fc.integer({ min: -20, max: 3 }),
    cents: fc.integer({ min: -100_000, max: 3_000_000 }),
  });
  const priorArb = fc.record({
    account: fc.constantFrom(...accounts),
    etcCents: fc.integer({ min: 0, max: 5_000_000 }),
    efcCents: fc.integer({ min: 0, max: 9_000_000 }),
    etcEdited: fc.boolean(),
    holdEfc: fc.boolean(),
  });

  const build = (
    pos: { account: string; po: string; cents: number }[],
    lines: { account: string; po: string; offset: number; cents: number }[],
    prior: {
      account: string;
      etcCents: number;
      efcCents: number;
      etcEdited: boolean;
      holdEfc: boolean;
    }[] = [],
  ) =>
    buildCostReport({
      budget: [
        { account: "2501", description: "Grip", amount: d(30000) },
        { account: "3301", description: "Camera", amount: d(20000) },
      ],
      ledger: lines.map((l, i) => ({
        row: i + 1,
        account: l.account,
        date: END + l.offset,
        vendor: "",
        description: "",
        po: l.po,
        amount: l.cents,
      })),
      openPos: pos.map((p, i) => ({
        row: i + 1,
        account: p.account,
        po: p.po,
        vendor: "",
        description: "",
        amount: d(p.cents).div(100),
      })),
      prior: prior.map((p) => ({
        account: p.account,
        etc: d(p.etcCents).div(100),
        efc: d(p.efcCents).div(100),
        etcEdited: p.etcEdited,
        holdEfc: p.holdEfc,
      })),
      settings: { ...settings, relievePos: true },
    });

  it("relieving a PO never counts money twice: what is open plus what was relieved of it is the PO", () => {
    fc.assert(
      fc.property(fc.array(poArb, { maxLength: 8 }), fc.array(lineArb, { maxLength: 30 }), (pos, lines) => {
        const report = build(pos, lines);
        let open = d(0);
        for (const p of report.poLog) {
          // Each PO dollar is either still open or spent (in actuals), never both.
          expect(p.open.plus(Decimal.min(p.relieved.isNeg() ? 0 : p.relieved, p.amount)).eq(p.amount)).toBe(
            true,
          );
          expect(p.open.gte(0) && p.open.lte(p.amount)).toBe(true);
          open = open.plus(p.open);
        }
        const total = report.rows[report.rows.length - 1].figures;
        expect(total.openPos.eq(open)).toBe(true);
        // The committed cost never exceeds the actuals plus the POs as raised.
        const raised = pos.reduce((s, p) => s + p.cents, 0);
        expect(total.committed.lte(total.actualToDate.plus(d(raised).div(100)))).toBe(true);
        expect(report.reconciliation.agreement.openPos).not.toBe("differs");
      }),
    );
  });

  it("EFC = actual to date + open POs + ETC on every row, whatever is carried, held or relieved", () => {
    fc.assert(
      fc.property(
        fc.array(poArb, { maxLength: 6 }),
        fc.array(lineArb, { maxLength: 30 }),
        fc.array(priorArb, { maxLength: 4 }),
        (pos, lines, prior) => {
          const report = build(pos, lines, prior);
          for (const r of report.rows) {
            const f = r.figures;
            expect(f.efc.eq(f.actualToDate.plus(f.openPos).plus(f.etc))).toBe(true);
            expect(f.committed.eq(f.actualToDate.plus(f.openPos))).toBe(true);
            expect(f.etc.isNeg()).toBe(false);
          }
        },
      ),
    );
  });
});
