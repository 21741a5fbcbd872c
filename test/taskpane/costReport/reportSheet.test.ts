import { HyperFormula } from "hyperformula";
import type { Cell, CellValue, SheetPlan } from "../../../src/excel/port";
import { Decimal } from "../../../src/engine/money";
import {
  amountFromNumber,
  buildCostReport,
  dateSerial,
  type CostReportInput,
  type LedgerLine,
} from "../../../src/engine/weeklyCostReport";
import {
  readPriorReport,
  reportSheet,
  reportSheetName,
  REPORT_HEADERS,
  type ReportSheetInput,
} from "../../../src/taskpane/costReport/reportSheet";

const d = (v: number) => new Decimal(v);
const END = dateSerial(2026, 11, 20) as number;
const line = (row: number, account: string, dollars: number, more: Partial<LedgerLine> = {}): LedgerLine => ({
  row,
  account,
  date: END - 1,
  vendor: "V",
  description: "D",
  po: "",
  amount: amountFromNumber(dollars),
  ...more,
});

const input: CostReportInput = {
  budget: [
    { account: "2501", description: "Key grip", amount: d(100000) },
    { account: "2502", description: "Best boy grip", amount: d(20000) },
    { account: "3301", description: "Camera package", amount: d(60000) },
  ],
  ledger: [
    line(2, "2501", 62000),
    line(3, "2502", 5000),
    line(4, "3301", 1000),
    line(5, "3399", 250, { vendor: '=HYPERLINK("http://evil","x")', description: "@SUM(A1)" }),
    line(6, "", 40, { vendor: "+cmd", description: "-2+3" }),
  ],
  openPos: [
    { row: 2, account: "2501", po: "PO-7", vendor: "Grip Co", description: "Dolly", amount: d(18000) },
  ],
  prior: [
    { account: "2501", etc: d(25000), efc: d(102000), etcEdited: true },
    { account: "2502", etc: d(15000), efc: d(20000), etcEdited: false },
  ],
  settings: {
    layout: "FEATURE",
    cutoff: { kind: "date", start: END - 6, end: END },
    convention: "UNDER",
    efcChangeThreshold: d(2500),
  },
};
const report = buildCostReport(input);
const sheetInput: ReportSheetInput = {
  report,
  periodEnd: END,
  periodLabel: "week ending 2026-11-20",
  convention: "UNDER",
  efcChangeThreshold: d(2500),
  sources: { budget: "Budget detail", ledger: "gl.csv", openPos: "POs", prior: "Cost Report 2026-11-13" },
  problems: [
    {
      source: "Ledger",
      problem: { row: 9, message: 'the amount "x" is not a number; the line is left out', excluded: true },
    },
  ],
  mode: "create",
  relievePos: false,
};
const sheet = reportSheet(sheetInput);

/** The plan's cells as a grid, the way Excel would hold them after the write. */
function grid(plan: SheetPlan): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  for (const b of plan.blocks) {
    b.cells.forEach((row, r) =>
      row.forEach((cell: Cell, c) => {
        const rr = (out[b.row + r] ??= []);
        rr[b.column + c] =
          cell === null || typeof cell === "boolean"
            ? null
            : typeof cell === "object"
              ? "formula" in cell
                ? cell.formula
                : cell.text
              : cell;
      }),
    );
  }
  return Array.from(out, (r) => Array.from(r ?? [], (v) => v ?? null));
}

/** Computes the sheet's formulas with a real formula engine. */
function computed(plan: SheetPlan, edit?: (g: (string | number | null)[][]) => void): CellValue[][] {
  const g = grid(plan);
  // Text cells go in as text: a "=..." vendor must not be evaluated, so quote it like Excel's apostrophe.
  const textCells = new Set<string>();
  for (const b of plan.blocks)
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell !== null && typeof cell === "object" && "text" in cell)
          textCells.add(`${b.row + r},${b.column + c}`);
      }),
    );
  const safe = g.map((row, r) =>
    row.map((v, c) => (textCells.has(`${r},${c}`) && typeof v === "string" ? `'${v}` : v)),
  );
  edit?.(safe);
  const hf = HyperFormula.buildFromArray(safe, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0) as CellValue[][];
  hf.destroy();
  return values.map((row) => row.map((v) => (v === null ? "" : v)));
}

const HEADER = 3;
const rowOf = (values: CellValue[][], acctOrName: string) =>
  values.find((r, i) => i > HEADER && (r[0] === acctOrName || r[1] === acctOrName)) as CellValue[];

describe("the cost-report sheet", () => {
  it("is named for the period end date", () => {
    expect(sheet.name).toBe("Cost Report 2026-11-20");
    expect(reportSheetName(END)).toBe(sheet.name);
    expect(sheet.mode).toBe("create");
  });

  it("computes the reference.md 5.1 example through its own formulas", () => {
    const v = computed(sheet);
    expect(v[HEADER]).toEqual([...REPORT_HEADERS, "", "Category", "Variance"]);
    const r = rowOf(v, "2501");
    // Budget | This period | ATD | POs | committed | ETC | EFC | variance | prior | change | % spent
    expect(r.slice(2, 13)).toEqual([
      100000, 62000, 62000, 18000, 80000, 25000, 105000, -5000, 102000, 3000, 0.62,
    ]);
    expect(r[16]).toBe("Carried from previous report");
    expect(r[17]).toBe("Over budget, EFC moved");
  });

  it("has subtotals and a grand total that foot to the engine's figures", () => {
    const v = computed(sheet);
    const total = report.rows[report.rows.length - 1].figures;
    const g = rowOf(v, "Grand total");
    expect(g.slice(2, 10)).toEqual(
      [
        total.budget,
        total.thisPeriod,
        total.actualToDate,
        total.openPos,
        total.committed,
        total.etc,
        total.efc,
        total.variance,
      ].map((x) => x.toNumber()),
    );
    expect(g[4]).toBe(68290);
    expect(rowOf(v, "Total 2500 Set Operations").slice(2, 5)).toEqual([120000, 67000, 67000]);
  });

  it("follows an ETC the accountant types: EFC, variance and totals move with it", () => {
    const before = rowOf(computed(sheet), "Grand total")[8] as number;
    const v = computed(sheet, (g) => {
      const r = g.findIndex((row, i) => i > HEADER && row[0] === "'3301");
      g[r][7] = 70000;
    });
    expect(rowOf(v, "3301")[8]).toBe(71000);
    expect(rowOf(v, "3301")[9]).toBe(-11000);
    expect(rowOf(v, "Grand total")[8]).toBe(before - 59000 + 70000);
  });

  it("shows the engine's flags on every row through live formulas, which follow an edited ETC", () => {
    const words = {
      overBudget: "Over budget",
      efcChange: "EFC moved",
      unbudgeted: "Unbudgeted",
      poOverRemaining: "POs over what is left",
    };
    const v = computed(sheet);
    report.rows.forEach((r, i) => {
      expect([r.kind, v[HEADER + 1 + i][17]]).toEqual([r.kind, r.flags.map((f) => words[f]).join(", ")]);
    });
    const edited = computed(sheet, (g) => {
      const r = g.findIndex((row, i) => i > HEADER && row[0] === "'3301");
      g[r][7] = 70000;
    });
    expect(rowOf(edited, "3301")[17]).toBe("Over budget, EFC moved");
  });

  it("writes ledger vendor and description as text cells, never formulas", () => {
    const cells = sheet.blocks.flatMap((b) => b.cells.flat());
    for (const payload of ['=HYPERLINK("http://evil","x")', "@SUM(A1)", "+cmd", "-2+3"]) {
      expect(cells).toContainEqual({ text: payload });
      expect(cells).not.toContainEqual({ formula: payload });
      expect(cells).not.toContain(payload);
    }
    const v = computed(sheet);
    expect(v.flat()).toContain('=HYPERLINK("http://evil","x")');
  });

  it("lists unbudgeted and uncoded lines, the reconciliation and unreadable rows", () => {
    const v = computed(sheet);
    const col0 = v.map((r) => r[0]);
    expect(col0).toContain("Ledger lines on accounts not in the budget (in the report on budget-0 rows): 1");
    expect(col0).toContain(
      "Uncoded ledger lines (in the report on the Uncoded row): code them in the ledger: 1",
    );
    expect(rowOf(v, "Report actual to date").slice(1, 4)).toEqual([
      "Report actual to date",
      68290,
      "Agrees with the lines read; rows left out (not in it): 1",
    ]);
    expect(col0).toContain("Rows left out, and why");
  });

  it("hands a listing of 12,001 lines to the workbook in blocks of at most 5,000 rows, every line in order", () => {
    const many = Array.from({ length: 12_001 }, (_, i) =>
      line(10 + i, "9910", 1, { description: `Line ${i}` }),
    );
    const plan = reportSheet({
      ...sheetInput,
      report: buildCostReport({ ...input, ledger: many }),
      problems: [],
    });
    const title = "Ledger lines on accounts not in the budget (in the report on budget-0 rows): 12001";
    const top = plan.blocks.find((b) => b.cells[0][0] === title && !b.bold)!;
    const listing = plan.blocks.filter((b) => !b.bold && b.row >= top.row && b.row < top.row + 12_003);
    // Title, headings and 12,001 lines: 5,000 + 5,000 + 2,003 rows, one under the other.
    expect(listing.map((b) => [b.row - top.row, b.cells.length])).toEqual([
      [0, 5000],
      [5000, 5000],
      [10000, 2003],
    ]);
    expect(listing.every((b) => b.columnFormats === top.columnFormats)).toBe(true);
    const descriptions = grid(plan)
      .slice(top.row + 2, top.row + 12_003)
      .map((r) => r[5]);
    expect(descriptions).toEqual(many.map((l) => l.description));
    // The title and headings are bold, as one block.
    expect(plan.blocks.filter((b) => b.bold && b.row === top.row).map((b) => b.cells.length)).toEqual([2]);
  });

  it("says actuals that differ from the ledger only by rounding sub-cent amounts agree, and why", () => {
    // 10.005 + 20.005 + 1.0049 read from the ledger is 31.0149, shown 31.01; the accounts show
    // 10.01 + 20.01 + 1.00 = 31.02. Every line is in the report: the cent is rounding.
    const subCent = buildCostReport({
      ...input,
      ledger: [line(2, "2501", 10.005), line(3, "2502", 20.005), line(4, "3301", 1.0049)],
      openPos: [],
      prior: undefined,
    });
    const v = computed(reportSheet({ ...sheetInput, report: subCent, problems: [] }));
    const rounding = "Agrees; the 0.01 difference is rounding (each account is rounded to the cent)";
    expect(rowOf(v, "Ledger total to the cut-off").slice(1, 3)).toEqual([
      "Ledger total to the cut-off",
      31.01,
    ]);
    expect(rowOf(v, "Report actual to date").slice(1, 4)).toEqual(["Report actual to date", 31.02, rounding]);
    expect(rowOf(v, "Report this period").slice(1, 4)).toEqual(["Report this period", 31.02, rounding]);
  });

  it("charts the largest category variances from the live subtotal cells", () => {
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        kind: "BarClustered",
        source: "V4:W6",
        title: "Largest variances by category, Under/(Over)",
      }),
    ]);
    const v = computed(sheet);
    expect([v[4].slice(21, 23), v[5].slice(21, 23)]).toEqual([
      ["Set Operations", -5000],
      ["Camera Operations", -250],
    ]);
  });
});

describe("the accountant's columns and the sheet's layout", () => {
  const withPrior = buildCostReport({
    ...input,
    prior: [
      {
        account: "2501",
        etc: d(25000),
        efc: d(102000),
        actualToDate: d(50000),
        etcEdited: true,
        note: "Dolly extended",
      },
      { account: "2502", etc: d(15000), efc: d(20000), actualToDate: d(0), etcEdited: false, holdEfc: true },
    ],
  });
  const plan = reportSheet({ ...sheetInput, report: withPrior });
  const v = computed(plan);

  it("shows last week's actual to date and ETC beside this week's, with the Hold EFC mark and notes", () => {
    // Prior actual to date | Prior ETC | Hold EFC | ETC source | Flags | Notes
    expect(rowOf(v, "2501").slice(13, 19)).toEqual([
      50000,
      25000,
      "",
      "Carried from previous report",
      "Over budget, EFC moved",
      "Dolly extended",
    ]);
    // 2502's EFC of 20,000 is held: ETC = 20,000 − 5,000 committed.
    expect([rowOf(v, "2502")[7], rowOf(v, "2502")[8]]).toEqual([15000, 20000]);
    expect(rowOf(v, "2502").slice(15, 17)).toEqual(["Yes", "EFC held: previous EFC less committed"]);
    expect(rowOf(v, "Grand total").slice(13, 15)).toEqual([50000, 40000]);
  });

  it("reads the notes, the Hold EFC marks and the actuals back for next week", () => {
    const edited = computed(plan, (g) => {
      const r = g.findIndex((row, i) => i > HEADER && row[0] === "'2501");
      g[r][15] = "y";
      g[r][18] = "Dolly to wrap";
    });
    const prior = readPriorReport(edited) ?? [];
    expect(prior.slice(0, 2).map((p) => [p.account, p.note, p.holdEfc, p.actualToDate?.toNumber()])).toEqual([
      ["2501", "Dolly to wrap", true, 62000],
      ["2502", "", true, 5000],
    ]);
  });

  it("adds a Below-the-line subtotal of every level but Above-the-line, outside the grand total", () => {
    const btl = rowOf(v, "Total Below-the-line");
    expect(btl.slice(2, 5)).toEqual([180000, 68250, 68250]);
    expect(rowOf(v, "Grand total")[4]).toBe(68290);
  });

  it("formats counts as counts, not money", () => {
    const recon = plan.blocks.find((b) => b.cells.some((r) => r[0] === "Ledger lines read"));
    const formatOf = (label: string) => {
      const i = recon?.cells.findIndex((r) => r[0] === label) ?? -1;
      return recon?.cellFormats?.[i]?.[1] ?? recon?.columnFormats?.[1];
    };
    expect(formatOf("Ledger lines read")).toBe("#,##0");
    expect(formatOf("ETCs carried from the previous report")).toBe("#,##0");
    expect(formatOf("Ledger lines after the cut-off (not in this report)")).toBe("#,##0");
    expect(formatOf("Report actual to date")).toBe("#,##0.00_);(#,##0.00)");
  });

  it("cuts no heading or reconciliation label off", () => {
    const widths = plan.columnWidths ?? [];
    REPORT_HEADERS.forEach((h, i) => {
      if (h !== "ETC as built") expect([h, widths[i] >= h.length * 7]).toEqual([h, true]);
    });
    expect(widths[REPORT_HEADERS.indexOf("ETC as built")]).toBe(0);
    const labels = plan.blocks
      .filter((b) => b.column === 1)
      .flatMap((b) => b.cells.map((r) => String(r[0] ?? "")));
    expect(labels).toContain("Relieved by ledger lines with their PO number");
    for (const label of labels) expect([label, widths[1] >= label.length * 7]).toEqual([label, true]);
  });

  it("lists the PO log: each PO relieved by the ledger lines with its number, and reconciles", () => {
    const relieved = buildCostReport({
      ...input,
      ledger: [...input.ledger, line(7, "2501", 3000, { po: "PO-7" })],
      settings: { ...input.settings, relievePos: true },
    });
    const w = computed(reportSheet({ ...sheetInput, report: relieved, relievePos: true }));
    expect(w.map((r) => r[0])).toContain(
      "PO log: 1 PO, each relieved by the ledger lines to the cut-off with its PO number and account",
    );
    expect(w.find((r) => r[2] === "PO-7")?.slice(1, 8)).toEqual([
      "2501",
      "PO-7",
      "Grip Co",
      "Dolly",
      18000,
      3000,
      15000,
    ]);
    expect(rowOf(w, "Report open POs").slice(1, 4)).toEqual([
      "Report open POs",
      15000,
      "Agrees with the PO log",
    ]);
    expect(rowOf(w, "2501")[5]).toBe(15000);
  });

  it("describes rows for accounts not in the budget", () => {
    expect(rowOf(v, "3399")[1]).toBe("Camera Operations: not in the budget");
  });
});

describe("reading the previous report back", () => {
  it("carries the accountant's edits and the carried ETCs, and recomputes untouched defaults", () => {
    const v = computed(sheet, (g) => {
      const r = g.findIndex((row, i) => i > HEADER && row[0] === "'3301");
      g[r][7] = 70000;
    });
    const prior = readPriorReport(v);
    expect(prior?.map((p) => [p.account, p.etc?.toNumber(), p.efc?.toNumber(), p.etcEdited])).toEqual([
      ["2501", 25000, 105000, true],
      ["2502", 15000, 20000, false],
      ["3301", 70000, 71000, true],
      ["3399", 0, 250, false],
    ]);
  });

  it("carries next week exactly the ETCs this week's report had for them", () => {
    const prior = readPriorReport(computed(sheet)) ?? [];
    const next = buildCostReport({ ...input, ledger: [], openPos: [], prior });
    const a2501 = next.rows.find((r) => r.kind === "account" && r.account === "2501");
    expect(a2501?.figures.etc.toNumber()).toBe(25000);
    expect(a2501?.kind === "account" && a2501.etcSource).toBe("carried");
    expect(a2501?.figures.priorEfc?.toNumber()).toBe(105000);
  });

  it("counts a cleared ETC as 0 this week, flags it, and carries 0 next week: one rule", () => {
    const clear = (g: (string | number | null)[][]) => {
      const r = g.findIndex((row, i) => i > HEADER && row[0] === "'3301");
      g[r][7] = null;
    };
    const v = computed(sheet, clear);
    // This week: Excel's arithmetic, committed 1,000 + blank = 1,000, and a flag that says so.
    expect(rowOf(v, "3301")[8]).toBe(1000);
    expect(rowOf(v, "3301")[17]).toBe("ETC blank: counted as 0");
    // Next week: the same 0, carried as the accountant's, not the budget left (59,000).
    const prior = readPriorReport(v) ?? [];
    expect(prior.find((p) => p.account === "3301")).toMatchObject({ etcEdited: true });
    const next = buildCostReport({ ...input, ledger: [line(4, "3301", 1000)], openPos: [], prior });
    const camera = next.rows.find((r) => r.kind === "account" && r.account === "3301");
    expect([camera?.figures.etc.toFixed(2), camera?.figures.efc.toFixed(2)]).toEqual(["0.00", "1000.00"]);
    expect([camera?.kind === "account" && camera.etcSource, camera?.figures.change?.toFixed(2)]).toEqual([
      "carried",
      "0.00",
    ]);
  });

  it("is not fooled by a sheet that is not a cost report", () => {
    expect(
      readPriorReport([
        ["Name", "Amount"],
        ["x", 1],
      ]),
    ).toBeUndefined();
  });
});
