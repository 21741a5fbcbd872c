import { Decimal } from "../../../src/engine/money";
import { dateSerial } from "../../../src/engine/weeklyCostReport";
import { ownershipMarkName, PortError, type WorkbookPort } from "../../../src/excel/port";
import {
  runCostReport,
  type ReplaceQuestion,
  type ReportRequest,
} from "../../../src/taskpane/costReport/runReport";
import {
  COST_REPORT_OWNER,
  readPriorReport,
  REPORT_HEADERS,
} from "../../../src/taskpane/costReport/reportSheet";
import {
  firstMapping,
  loadInput,
  mappingMemory,
  type InputKind,
} from "../../../src/taskpane/costReport/sources";
import { OfficeWorkbook } from "../../../src/excel/officeWorkbook";
import { MockBook, mockExcel, type MockName } from "../../excel/mockExcel";
import { countLinkSyncs, fakeWorkbook } from "../fakePort";
import { inThreadChannel, type JobChannel } from "../../../src/taskpane/costReport/reportProtocol";

const END = dateSerial(2026, 11, 20) as number;
const PAYLOADS = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-1+2", '@HYPERLINK("x")', "\tTabbed", "\rReturn"];

function workbook() {
  const wb = fakeWorkbook();
  wb.book.addSheet("Budget detail", [
    ["Acct", "Description", "Amount", "Units", "X", "Rate", "Subtotal", "Fringes set", "Fringes", "Total"],
    [2501, "Key grip", 1, "Week", 10, 10000, 100000, null, null, 100000],
    [3301, "Camera package", 1, "Flat", 1, 60000, 60000, null, null, 60000],
  ]);
  wb.book.addSheet("GL", [
    ["GL detail as of 2026-11-21"],
    ["Account", "Date", "Vendor", "Description", "Debit", "Credit", "PO #"],
    ["25-01", "2026-10-01", "Grip Co", "Prep", 50000, null, "PO-7"],
    ["2501-00", "2026-11-17", "Grip Co", "Week 7", 12000, null, null],
    ["3301", "2026-11-18", "Camera house", "Lens, less credit", 1000, 250, null],
    ["9911", "2026-11-18", PAYLOADS[0], PAYLOADS[1], 0, null, null],
    ["9912", "2026-11-18", PAYLOADS[2], PAYLOADS[3], 0, null, null],
    ["9910", "2026-11-19", PAYLOADS[4], PAYLOADS[5], 80, null, null],
    ["", "2026-11-19", "Petty cash", "Uncoded", 20, null, null],
    ["2501", "2026-11-24", "Grip Co", "Next week", 999, null, null],
  ]);
  wb.book.addSheet("POs", [
    ["PO #", "Account", "Vendor", "Open amount"],
    ["PO-7", "2501", "Grip Co", 18000],
  ]);
  return wb;
}

/** The report sheet's row of an account, by heading: what each cell holds. */
function accountRow(book: MockBook, sheet: string, account: string): Record<string, unknown> {
  const body = book.values(sheet, 4, 0, 100, REPORT_HEADERS.length);
  const row = body.find((r) => r[0] === account);
  if (!row) throw new Error(`no row for account "${account}" on ${sheet}`);
  return Object.fromEntries(REPORT_HEADERS.map((heading, i) => [heading, row[i]]));
}

/** The PO log's rows on the report sheet (under its title and headings), by heading. */
function poLogRows(book: MockBook, sheet: string): Record<string, unknown>[] {
  const column = book.values(sheet, 0, 0, 200, 1).map((r) => String(r[0]));
  const title = column.findIndex((t) => t.startsWith("PO log:"));
  const rows = book.values(sheet, title + 1, 0, 200, 8);
  const headings = rows[0];
  const body = rows.slice(
    1,
    rows.findIndex((r, i) => i > 0 && r[0] === ""),
  );
  return body.map((r) => Object.fromEntries(headings.map((h, i) => [String(h), r[i]])));
}

async function request(port: WorkbookPort, more: Partial<ReportRequest> = {}): Promise<ReportRequest> {
  const memory = mappingMemory(undefined);
  const mapped = async <K extends InputKind>(name: string, kind: K) => {
    const input = await loadInput(port, { kind: "sheet", name }, kind);
    return firstMapping(kind, input, memory);
  };
  return {
    budget: await mapped("Budget detail", "budget"),
    ledger: await mapped("GL", "ledger"),
    pos: await mapped("POs", "pos"),
    layout: "FEATURE",
    cutoff: { kind: "date", start: END - 6, end: END },
    periodEnd: END,
    convention: "UNDER",
    efcChangeThreshold: new Decimal(1000),
    // The fixture's PO list gives open balances, already net of the GL's PO-7 invoice.
    relievePos: false,
    confirmReplace: () => Promise.reject(new Error("asked to replace a report that does not exist")),
    ...more,
  };
}

describe("running the cost report against the workbook", () => {
  it("maps the template's Budget detail (Total column) and a GL sheet with a title line", async () => {
    const { port } = workbook();
    const req = await request(port);
    expect(req.budget.columns).toEqual({ account: 0, description: 1, amount: 9 });
    expect(req.ledger.input.headerRow).toBe(1);
    expect(req.ledger.columns).toMatchObject({
      account: 0,
      date: 1,
      vendor: 2,
      description: 3,
      debit: 4,
      credit: 5,
      po: 6,
    });
  });

  it("writes the report sheet named for the period end date, owned by the pane", async () => {
    const { port, book } = workbook();
    const outcome = await runCostReport(port, await request(port));
    expect(outcome.sheet).toBe("Cost Report 2026-11-20");
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(true);
    expect(book.names.map((n) => n.name)).toContain(
      ownershipMarkName(COST_REPORT_OWNER, "Cost Report 2026-11-20"),
    );
    expect(book.active).toBe("Cost Report 2026-11-20");
    const r = outcome.summary.reconciliation;
    expect([r.reportToDate.toFixed(2), r.ledgerToDate.toFixed(2), r.laterLines]).toEqual([
      "62850.00",
      "62850.00",
      1,
    ]);
    // Row 5 is the first account: 2501, values for the books, formulas for the rest.
    expect(book.cell(outcome.sheet, "A5")).toMatchObject({ kind: "value", content: "2501" });
    expect(book.cell(outcome.sheet, "E5")).toMatchObject({ kind: "value", content: 62000 });
    expect(book.cell(outcome.sheet, "I5")).toMatchObject({ kind: "formula", content: "=G5+H5" });
    // The chart of the largest category variances, over the live subtotal cells.
    expect(book.sheet(outcome.sheet).charts).toEqual([
      expect.objectContaining({ name: "Largest variances", kind: "BarClustered", source: "V4:W5" }),
    ]);
  });

  it("lands ledger text as text, never a formula, whatever it starts with", async () => {
    const { port, book } = workbook();
    const outcome = await runCostReport(port, await request(port));
    const cells = [...book.sheet(outcome.sheet).cells.values()];
    // Surrounding whitespace is trimmed from ledger text; what remains is stored exactly.
    for (const payload of PAYLOADS.map((p) => p.trim())) {
      expect(cells).toContainEqual(expect.objectContaining({ kind: "value", content: payload }));
    }
    expect(
      cells.filter((c) => c.kind === "formula" && /cmd|HYPERLINK|Tabbed/.test(String(c.content))),
    ).toEqual([]);
  });

  it("replaces its own sheet when re-run for the same date, and refuses a sheet it did not make", async () => {
    const { port, book } = workbook();
    await runCostReport(port, await request(port));
    const yes = () => Promise.resolve(true);
    await runCostReport(port, await request(port, { convention: "OVER", confirmReplace: yes }));
    expect(book.sheets.filter((s) => s.name.startsWith("Cost Report"))).toHaveLength(1);
    expect(book.cell("Cost Report 2026-11-20", "J5")).toMatchObject({ kind: "formula", content: "=I5-C5" });

    const other = workbook();
    other.book.addSheet("Cost Report 2026-11-20", [["my own notes"]]);
    await expect(runCostReport(other.port, await request(other.port))).rejects.toMatchObject({
      kind: "sheetExists",
    });
    expect(other.book.cell("Cost Report 2026-11-20", "A1")).toMatchObject({ content: "my own notes" });
  });

  it("asks before building the same date's report again: no changes nothing, yes keeps the ETCs typed into it", async () => {
    const { port, book } = workbook();
    const sheet = "Cost Report 2026-11-20";
    await runCostReport(port, await request(port));
    // The accountant types an ETC for 2501 (row 5) into the report's ETC column (H).
    book.write(sheet, 4, 7, 30000);
    const questions: ReplaceQuestion[] = [];
    const answer = (yes: boolean) => (q: ReplaceQuestion) => {
      questions.push(q);
      return Promise.resolve(yes);
    };
    await expect(
      runCostReport(port, await request(port, { confirmReplace: answer(false) })),
    ).rejects.toMatchObject({ kind: "cancelled" });
    expect(questions).toEqual([{ sheet, keptEtcs: 1, unmarked: false, links: { cells: [], names: [] } }]);
    expect(book.cell(sheet, "H5")).toMatchObject({ kind: "value", content: 30000 });
    expect(book.cell(sheet, "Q5")).toMatchObject({ content: "Budget left" });

    const outcome = await runCostReport(
      port,
      await request(port, { convention: "OVER", confirmReplace: answer(true) }),
    );
    expect(questions).toHaveLength(2);
    expect(outcome.summary.keptEtcs).toBe(1);
    // Replaced (the variance now follows the OVER convention), with the typed ETC kept...
    expect(book.cell(sheet, "J5")).toMatchObject({ kind: "formula", content: "=I5-C5" });
    expect(book.cell(sheet, "H5")).toMatchObject({ kind: "value", content: 30000 });
    expect(book.cell(sheet, "Q5")).toMatchObject({ content: "Kept from the report replaced" });
    // ...and still the accountant's next week, not a default to recompute.
    const used = await port.readUsedRange(sheet);
    const grip = readPriorReport(used?.values ?? [])?.find((r) => r.account === "2501");
    expect([grip?.etc?.toFixed(2), grip?.etcEdited]).toEqual(["30000.00", true]);
    // The untouched default on 3301 was recomputed, not kept.
    expect(accountRow(book, sheet, "3301")["ETC source"]).toBe("Budget left");
  });

  it("names the formulas elsewhere that refer to the report in its question: Cancel changes nothing, in 1 more sync (issue 21)", async () => {
    const { port, book, excel } = workbook();
    const sheet = "Cost Report 2026-11-20";
    await runCostReport(port, await request(port));
    book.addSheet("Top Sheet", [["EFC, grip"]]);
    book.setCell("Top Sheet", "B1", { kind: "formula", content: `='${sheet}'!I5` });
    book.names.push({ name: "GripEfc", formula: `='${sheet}'!$I$5`, visible: true });
    // The syncs the check for links adds to a re-run (Excel's dependents and the names).
    const linkSyncs = countLinkSyncs(port, excel);
    const questions: ReplaceQuestion[] = [];
    const before = JSON.stringify([...book.sheet(sheet).cells]);
    const no = (q: ReplaceQuestion) => {
      questions.push(q);
      return Promise.resolve(false);
    };
    await expect(runCostReport(port, await request(port, { confirmReplace: no }))).rejects.toMatchObject({
      kind: "cancelled",
    });
    expect(questions).toEqual([
      {
        sheet,
        keptEtcs: 0,
        unmarked: false,
        links: { cells: [{ sheet: "Top Sheet", address: "B1" }], names: ["GripEfc"] },
      },
    ]);
    expect(JSON.stringify([...book.sheet(sheet).cells])).toBe(before);
    // Without them, no links are named; the report's own formulas are Excel's dependents: 1 sync too.
    book.setCell("Top Sheet", "B1", { kind: "value", content: 0 });
    book.names = book.names.filter((n) => n.name !== "GripEfc");
    await expect(runCostReport(port, await request(port, { confirmReplace: no }))).rejects.toMatchObject({
      kind: "cancelled",
    });
    expect(questions[1].links).toEqual({ cells: [], names: [] });
    expect(linkSyncs).toEqual([1, 1]);
  });

  it("relieves each PO by the GL lines with its number when the list gives PO amounts", async () => {
    const { port, book } = workbook();
    const outcome = await runCostReport(port, await request(port, { relievePos: true }));
    // PO-7 (18,000) on 2501 meets the GL's 50,000 prep line on PO-7: used up, nothing open.
    expect(poLogRows(book, outcome.sheet).map((p) => [p["PO #"], p.Relieved, p.Open])).toEqual([
      ["PO-7", 50000, 0],
    ]);
    const grip = accountRow(book, outcome.sheet, "2501");
    expect([grip["Actual to date"], grip["Open POs"]]).toEqual([62000, 0]);
    const cells = [...book.sheet(outcome.sheet).cells.values()].map((c) => c.content);
    expect(cells).toContain(
      "PO log: 1 PO, each relieved by the ledger lines to the cut-off with its PO number and account",
    );
  });

  it("builds from the sheets as they are now, not as they were when picked", async () => {
    const { port, book } = workbook();
    const req = await request(port);
    // With the pane open, the accountant fixes a budget line and pastes another GL line.
    book.write("Budget detail", 1, 9, 120000);
    book.write("GL", 10, 0, "3301");
    book.write("GL", 10, 1, "2026-11-19");
    book.write("GL", 10, 4, 500);
    const outcome = await runCostReport(port, req);
    expect(accountRow(book, outcome.sheet, "2501").Budget).toBe(120000);
    const r = outcome.summary.reconciliation;
    expect([r.reportToDate.toFixed(2), r.ledgerToDate.toFixed(2)]).toEqual(["63350.00", "63350.00"]);
  });

  it("asks to map the columns again when a sheet's headings changed after they were mapped", async () => {
    const { port, book } = workbook();
    const req = await request(port);
    book.write("POs", 0, 3, "Committed");
    await expect(runCostReport(port, req)).rejects.toThrow(
      "The headings of sheet POs changed after its columns were mapped. Clear Open purchase orders, pick it again and check its columns.",
    );
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(false);
  });

  const DELETE_OR_RENAME = [
    [
      "deleted",
      (book: MockBook, mark: MockName) => {
        book.sheets = book.sheets.filter((s) => s.name !== "Cost Report 2026-11-20");
        // Excel keeps a name whose sheet is gone, pointing at #REF!.
        mark.formula = "=#REF!$A$1:$T$40";
      },
    ],
    [
      "renamed",
      (book: MockBook, mark: MockName) => {
        book.sheet("Cost Report 2026-11-20").name = "Week 12 as sent";
        // Excel's names follow a renamed sheet.
        mark.formula = mark.formula.replace("'Cost Report 2026-11-20'", "'Week 12 as sent'");
      },
    ],
  ] as const;

  async function reportThenChange(change: (book: MockBook, mark: MockName) => void) {
    const wb = workbook();
    await runCostReport(wb.port, await request(wb.port));
    const mark = wb.book.names.find(
      (n) => n.name === ownershipMarkName(COST_REPORT_OWNER, "Cost Report 2026-11-20"),
    ) as MockName;
    change(wb.book, mark);
    return wb;
  }

  it.each(DELETE_OR_RENAME)(
    "makes a new report sheet, not a replacement, after the user %s the last one",
    async (_how, change) => {
      const { port } = await reportThenChange(change);
      const apply = jest.spyOn(port, "apply").mockResolvedValue();
      await runCostReport(port, await request(port));
      expect(apply.mock.calls[0][0].sheets.map((s) => [s.name, s.mode])).toEqual([
        ["Cost Report 2026-11-20", "create"],
      ]);
    },
  );

  it("asks before taking back its report after the user deleted its mark: no writes nothing, yes re-marks and updates it", async () => {
    const { port, book } = workbook();
    const sheet = "Cost Report 2026-11-20";
    const markName = ownershipMarkName(COST_REPORT_OWNER, sheet);
    await runCostReport(port, await request(port));
    // The mark is hidden, as Excel's Name Manager hides it from users...
    expect(book.names.find((n) => n.name === markName)?.visible).toBe(false);
    // ...but a macro or a name tool can still delete it.
    book.names = book.names.filter((n) => n.name !== markName);
    book.write(sheet, 4, 7, 30000);
    const cells = () => [...book.sheet(sheet).cells].map(([at, cell]) => [at, { ...cell }]);
    const before = cells();
    const questions: ReplaceQuestion[] = [];
    const answer = (yes: boolean) => (q: ReplaceQuestion) => {
      questions.push(q);
      return Promise.resolve(yes);
    };

    await expect(
      runCostReport(port, await request(port, { convention: "OVER", confirmReplace: answer(false) })),
    ).rejects.toMatchObject({ kind: "cancelled" });
    expect(questions).toEqual([{ sheet, keptEtcs: 1, unmarked: true, links: { cells: [], names: [] } }]);
    expect(cells()).toEqual(before);
    expect(before.length).toBeGreaterThan(100);
    expect(book.names.some((n) => n.name === markName)).toBe(false);

    await runCostReport(port, await request(port, { convention: "OVER", confirmReplace: answer(true) }));
    expect(questions).toHaveLength(2);
    // Updated (the OVER convention), the ETC typed into it kept, and PROD's again: marked, hidden.
    expect(book.cell(sheet, "J5")).toMatchObject({ kind: "formula", content: "=I5-C5" });
    expect(book.cell(sheet, "H5")).toMatchObject({ kind: "value", content: 30000 });
    expect(book.names.find((n) => n.name === markName)).toMatchObject({
      formula: `='${sheet}'!$A$1`,
      visible: false,
    });
    expect(book.sheets.filter((s) => s.name.startsWith("Cost Report"))).toHaveLength(1);
    // A third run replaces it by its mark, as before the mark was deleted.
    await runCostReport(port, await request(port, { confirmReplace: answer(true) }));
    expect(questions[2]).toEqual({ sheet, keptEtcs: 1, unmarked: false, links: { cells: [], names: [] } });
  });

  it("never takes a sheet of the user's for its own: same name, not PROD's title and headers", async () => {
    const { port, book } = workbook();
    const sheet = "Cost Report 2026-11-20";
    // The user's own report with PROD's headers but a title of their own.
    book.addSheet(sheet, [["Studio cost report"], [], [], [...REPORT_HEADERS]]);
    await expect(runCostReport(port, await request(port))).rejects.toMatchObject({ kind: "sheetExists" });
    expect(book.cell(sheet, "A1")).toMatchObject({ content: "Studio cost report" });
  });

  it("builds the report again after the user deleted its sheet", async () => {
    const { port, book } = await reportThenChange(DELETE_OR_RENAME[0][1]);
    const outcome = await runCostReport(port, await request(port));
    expect(outcome.sheet).toBe("Cost Report 2026-11-20");
    expect(book.cell("Cost Report 2026-11-20", "A5")).toMatchObject({ content: "2501" });
  });

  it("after the user renamed its sheet, says so and writes nothing (the workbook keeps one mark per report)", async () => {
    const { port, book } = await reportThenChange(DELETE_OR_RENAME[1][1]);
    await expect(runCostReport(port, await request(port))).rejects.toThrow(
      'PROD made "Week 12 as sent" for this before (it may have been renamed), so nothing was written.',
    );
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(false);
  });

  it("carries last week's ETC edits read from the previous report sheet", async () => {
    const { port, book } = workbook();
    // Last week's report, made by the PROD before Notes and Hold EFC: still read by its headings.
    book.addSheet("Cost Report 2026-11-13", [
      ["Weekly cost report"],
      [],
      [],
      [
        ...REPORT_HEADERS.slice(0, REPORT_HEADERS.indexOf("% spent") + 1),
        "ETC source",
        "Flags",
        "ETC as built",
      ],
      [
        "2501",
        "Key grip",
        100000,
        0,
        50000,
        18000,
        68000,
        25000,
        93000,
        7000,
        null,
        null,
        0.5,
        "Budget left",
        null,
        32000,
      ],
      [
        "3301",
        "Camera package",
        60000,
        0,
        0,
        0,
        0,
        60000,
        60000,
        0,
        null,
        null,
        0,
        "Budget left",
        null,
        60000,
      ],
      [null, "Grand total", 160000],
    ]);
    const outcome = await runCostReport(port, await request(port, { priorSheet: "Cost Report 2026-11-13" }));
    expect(
      ["2501", "3301", "9910", "9911", "9912", "Uncoded"].map((account) => {
        const row = accountRow(book, outcome.sheet, account);
        return [account, row["ETC source"], row.ETC, row["Prior EFC"]];
      }),
    ).toEqual([
      ["2501", "Carried from previous report", 25000, 93000],
      ["3301", "Budget left", 59250, 60000],
      ["9910", "Budget left", 0, 0],
      ["9911", "Budget left", 0, 0],
      ["9912", "Budget left", 0, 0],
      ["Uncoded", "Budget left", 0, 0],
    ]);
  });

  it("refuses this date's report as its own previous report, and writes nothing (issue 16)", async () => {
    const { port, book } = workbook();
    await runCostReport(port, await request(port));
    const before = [...book.sheet("Cost Report 2026-11-20").cells.entries()];
    await expect(
      runCostReport(port, await request(port, { priorSheet: "Cost Report 2026-11-20" })),
    ).rejects.toThrow(
      '"Cost Report 2026-11-20" is the report being built: it cannot be its own previous report. Pick last week\'s report, or none.',
    );
    expect([...book.sheet("Cost Report 2026-11-20").cells.entries()]).toEqual(before);
  });

  it("says so when the previous report is not a cost report", async () => {
    const { port } = workbook();
    await expect(runCostReport(port, await request(port, { priorSheet: "POs" }))).rejects.toThrow(
      '"POs" does not look like a cost report',
    );
  });

  it("stops on cancel and leaves no sheet behind", async () => {
    const { port, book } = workbook();
    const controller = new AbortController();
    controller.abort();
    await expect(
      runCostReport(port, await request(port), { signal: controller.signal }),
    ).rejects.toBeInstanceOf(PortError);
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(false);
  });

  describe("Cancel during Build", () => {
    type Step = "reading the ledger again" | "checking the budget's layout" | "reading the previous report";
    const PRIOR = "Cost Report 2026-11-13";

    /**
     * Build over a 300-line GL read 10 rows a sync, Cancel pressed at `step`: what Build did after
     * it (syncs, messages to a report worker), and how it ended.
     */
    async function cancelledAt(step: Step) {
      const book = new MockBook();
      const excel = mockExcel(book);
      const port = new OfficeWorkbook({ run: excel.run, maxReadCells: 60 });
      book.addSheet("Budget detail", [
        ["Acct", "Description", "Total"],
        [2501, "Key grip", 100000],
      ]);
      const gl: (string | number)[][] = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
      for (let i = 0; i < 300; i++) gl.push(["2501", "2026-11-17", "Grip Co", `Line ${i}`, 10, `PO-${i}`]);
      book.addSheet("GL", gl);
      book.addSheet("POs", [["PO #", "Account", "Vendor", "Open amount"]]);
      // Last week's report, to pick as the previous one.
      await runCostReport(
        port,
        await request(port, { periodEnd: END - 7, cutoff: { kind: "date", start: END - 13, end: END - 7 } }),
      );
      const req = await request(port, { priorSheet: PRIOR });

      const controller = new AbortController();
      let syncsAtCancel = 0;
      const cancel = () => {
        syncsAtCancel = excel.state.syncs;
        controller.abort();
      };
      const watched: WorkbookPort = Object.create(port) as WorkbookPort;
      watched.readUsedRange = (sheet, options) => {
        if (
          (step === "reading the ledger again" && sheet === "GL") ||
          (step === "reading the previous report" && sheet === PRIOR)
        )
          cancel();
        return port.readUsedRange(sheet, options);
      };
      const sentAfterCancel: string[] = [];
      const channel = (): JobChannel => {
        const inner = inThreadChannel();
        return {
          ...inner,
          send(message) {
            if (controller.signal.aborted) sentAfterCancel.push(message.type);
            else if (
              step === "checking the budget's layout" &&
              message.type === "layout" &&
              message.kind === "budget"
            )
              cancel();
            inner.send(message);
          },
        };
      };
      const ended = await runCostReport(watched, req, { signal: controller.signal }, channel).catch(
        (e: unknown) => e,
      );
      return { ended, syncsAfterCancel: excel.state.syncs - syncsAtCancel, sentAfterCancel, book };
    }

    it.each<Step>([
      "reading the ledger again",
      "checking the budget's layout",
      "reading the previous report",
    ])(
      "Cancel while %s stops Build there: no more reads from Excel, nothing more to a report worker, no sheet",
      async (step) => {
        const { ended, syncsAfterCancel, sentAfterCancel, book } = await cancelledAt(step);
        expect(ended).toMatchObject({ kind: "cancelled" });
        expect(syncsAfterCancel).toBe(0);
        expect(sentAfterCancel).toEqual([]);
        expect(book.hasSheet("Cost Report 2026-11-20")).toBe(false);
      },
    );
  });

  it("writes a large report in chunks under the payload limit, with progress between them", async () => {
    const book = new MockBook();
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run, maxPayloadBytes: 64 * 1024 });
    book.addSheet("Budget detail", [
      ["Acct", "Description", "Total"],
      [2501, "Key grip", 100000],
    ]);
    const gl: (string | number | null)[][] = [["Account", "Date", "Vendor", "Description", "Amount"]];
    // 3,000 lines on an unbudgeted account: each is listed on the sheet.
    for (let i = 0; i < 3000; i++) gl.push(["9910", "2026-11-18", `Vendor ${i}`, `=line ${i}`, 1.01]);
    book.addSheet("GL", gl);
    book.addSheet("POs", [["PO #", "Account", "Vendor", "Open amount"]]);
    const progress: number[] = [];
    const req = await request(port);
    const outcome = await runCostReport(port, req, { onProgress: (p) => progress.push(p.done) });
    expect(outcome.summary.reconciliation.reportToDate.toFixed(2)).toBe("3030.00");
    expect(excel.state.requestsWithWrites.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(100);
    const descriptions = [...book.sheet(outcome.sheet).cells.values()].filter((c) =>
      String(c.content).startsWith("=line "),
    );
    expect(descriptions).toHaveLength(3000);
    expect(descriptions.every((c) => c.kind === "value")).toBe(true);
  });

  it.each([
    ["date", "date", "Map the ledger's Date column, or cut the ledger by accounting period instead."],
    ["period", "period", "Map the ledger's Period column, or cut the ledger by date instead."],
  ] as const)("asks for the ledger's %s column when cutting by %s", async (_field, kind, message) => {
    const { port, book } = workbook();
    const req = await request(port, kind === "period" ? { cutoff: { kind: "period", period: 12 } } : {});
    delete req.ledger.columns.date;
    await expect(runCostReport(port, req)).rejects.toThrow(message);
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(false);
  });
});
