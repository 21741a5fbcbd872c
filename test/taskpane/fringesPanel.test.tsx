import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { TEMPLATES } from "../../src/engine/templates";
import { FRINGE_LIBRARY } from "../../src/engine/fringes/library";
import { rateLabel } from "../../src/taskpane/panels/FringesPanel";
import {
  DETAIL_COLUMNS,
  DETAIL_MARK_KEY,
  TEMPLATES_OWNER,
  buildTemplatePlan,
  namesForCopy,
} from "../../src/taskpane/templates/buildPlan";
import { ownershipMarkName, parseA1 } from "../../src/excel/port";
import { answerDialog, dialogButtons } from "./dialog";
import { fakeWorkbook } from "./fakePort";
import { cellKey } from "../excel/mockExcel";

async function openFringes(setup?: (env: ReturnType<typeof fakeWorkbook>) => void | Promise<void>) {
  const env = fakeWorkbook();
  await setup?.(env);
  render(<App port={env.port} initialPanel="fringes" />);
  await screen.findByRole("heading", { name: "Day pay calculator" }, { timeout: 10_000 });
  return env;
}

describe("Fringes panel: calculator", () => {
  it("turns $750 for a 10-hour day into $954.55 for 12 hours under CA (reference.md 4.2)", async () => {
    await openFringes();
    const results = screen.getByRole("group", { name: "Calculator results" });
    expect(
      within(results)
        .getAllByText(/./)
        .map((e) => e.textContent),
    ).toEqual([
      "Paid hours",
      "14",
      "Hourly rate",
      "$68.1818",
      "Day pay",
      "$954.55",
      "Overtime premium",
      "$136.36",
    ]);
  });

  it("says what is wrong with a bad rule instead of showing numbers", async () => {
    await openFringes();
    await userEvent.selectOptions(screen.getByLabelText("Overtime rule"), "custom");
    const custom = screen.getByLabelText("Custom rule");
    await userEvent.clear(custom);
    await userEvent.type(custom, "abc");
    expect(custom).toHaveAccessibleDescription(
      "PROD cannot read this rule. Type hours:multiplier pairs, for example 10:1.5,14:2 (1.5x after 10 hours, 2x after 14).",
    );
    expect(custom).toBeInvalid();
    expect(screen.queryByRole("group", { name: "Calculator results" })).not.toBeInTheDocument();
  });
  // Issue 20: the problem in words a production user reads, on the field it is about (not the
  // engine's 'Day rate must be a number, got "1,2,3"').
  it.each([
    ["Day rate ($)", "1,2,3", "Type the day rate as a number, for example 750."],
    ["Day rate ($)", "0x1F", "Type the day rate as a number, for example 750."],
    ["Day rate ($)", "ten", "Type the day rate as a number, for example 750."],
    ["Hours worked", "12h", "Type the hours worked as a number, for example 12."],
    ["Hours worked", "-2", "The hours worked cannot be less than 0."],
    ["Guaranteed hours", "", "Type the guaranteed hours, for example 10."],
    ["Guaranteed hours", "0", "The guaranteed hours must be more than 0, for example 10."],
  ])("says on the field what to type when %s is %p", async (label, typed, message) => {
    await openFringes();
    const input = screen.getByLabelText(label);
    await userEvent.clear(input);
    if (typed) await userEvent.type(input, typed);
    expect(input).toHaveAccessibleDescription(message);
    expect(input).toBeInvalid();
    expect(screen.getByRole("alert")).toHaveTextContent(message);
    expect(screen.queryByRole("group", { name: "Calculator results" })).not.toBeInTheDocument();
  });

  it("says whom each rule fits: CA is not for union crews, IATSE is not confirmed", async () => {
    await openFringes();
    const select = screen.getByLabelText("Overtime rule");
    expect(screen.getByText(/^Non-union crew in California\. Not for union crews/)).toBeInTheDocument();
    await userEvent.selectOptions(select, "IATSE");
    expect(
      screen.getByText(/^IATSE hourly \(daily\) crew.*not confirmed: check with your payroll company/),
    ).toBeInTheDocument();
    const results = screen.getByRole("group", { name: "Calculator results" });
    // $750/10 under IATSE: 750 / 11 an hour; 12 hours = 14 paid hours, as under CA.
    expect(results).toHaveTextContent("Day pay$954.55");
  });

  it("figures a SAG-AFTRA day performer over the money break on the break (sagaftra.org/overtime)", async () => {
    await openFringes();
    await userEvent.selectOptions(screen.getByLabelText("Overtime rule"), "SAG-DAY");
    const rate = screen.getByLabelText("Day rate ($)");
    await userEvent.clear(rate);
    await userEvent.type(rate, "5000");
    await userEvent.type(screen.getByLabelText("Money break ($)"), "2400");
    // 12 hours: the day rate covers 10, then 2 x 1.5 x 2,400 / 8 = 900.
    const results = screen.getByRole("group", { name: "Calculator results" });
    expect(
      within(results)
        .getAllByText(/./)
        .map((e) => e.textContent),
    ).toEqual(["Day pay", "$5,900.00", "Overtime", "$900.00"]);
    expect(screen.getByText(/^Over the money break/)).toBeInTheDocument();
    await userEvent.clear(rate);
    await userEvent.type(rate, "1200");
    const worked = screen.getByLabelText("Hours worked");
    await userEvent.clear(worked);
    await userEvent.type(worked, "11");
    // reference.md 4.5 ex. 3: under the break, 11 hours = 1,950.
    expect(screen.getByRole("group", { name: "Calculator results" })).toHaveTextContent("Day pay$1,950.00");
  });

  it("reads a day rate typed as money, $1,500.00", async () => {
    await openFringes();
    const input = screen.getByLabelText("Day rate ($)");
    await userEvent.clear(input);
    await userEvent.type(input, "$1,500.00");
    const results = screen.getByRole("group", { name: "Calculator results" });
    expect(results).toHaveTextContent("Day pay$1,909.09"); // 2 x 954.545... (reference.md 4.2 example)
  });
});

describe("Fringes panel: library", () => {
  it("shows each fringe's dates, source, rate, cap and whether it is confirmed, in words", async () => {
    await openFringes();
    const table = screen.getByRole("table", { name: "Fringe library, 2026" });
    // What a fringe covers is written out, not only in a hover title a keyboard cannot reach.
    const ss = within(table).getByRole("row", { name: /^SS-2026Social Security.*In force/ });
    expect(ss).toHaveTextContent("In force 2026 (calendar year)");
    expect(ss).toHaveTextContent("Source: Social Security Administration");
    expect(ss).toHaveTextContent("6.2%");
    expect(ss).toHaveTextContent("$184,500.00");
    expect(ss).toHaveTextContent("confirmed");
    const unconfirmed = FRINGE_LIBRARY.filter(
      (f) => f.from <= "2026-12-31" && f.to >= "2026-01-01" && !f.confirmed && f.rate !== null,
    );
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(within(table).getAllByText("not confirmed: check with your payroll company")).toHaveLength(
      unconfirmed.length,
    );
  });

  it("shows both of a guild's contract years in a year: SAG-AFTRA to June 30 and from July 1", async () => {
    await openFringes();
    const table = screen.getByRole("table", { name: "Fringe library, 2026" });
    expect(within(table).getByRole("row", { name: /^SAG-AFTRA@2022-07-01\S.*In force/ })).toHaveTextContent(
      "In force Jul 1, 2022 to Jun 30, 2026",
    );
    const july = within(table).getByRole("row", { name: /^SAG-AFTRA@2026-07-01\S.*In force/ });
    expect(july).toHaveTextContent("22%");
    expect(july).toHaveTextContent("not confirmed: check with your payroll company");
  });

  it.each([
    [{ type: "%", rate: "0.0145" }, "1.45%"],
    [{ type: "HOUR", rate: "14.63" }, "$14.63/hour"],
    [{ type: "DAY", rate: "137" }, "$137.00/day"],
    [{ type: "%", rate: null }, "your rate (%)"],
    [{ type: "DAY", rate: null }, "your rate ($/day)"],
  ] as const)("labels the rate %p as %s", (d, label) => {
    expect(rateLabel({ ...FRINGE_LIBRARY[0], ...d })).toBe(label);
  });
});

describe("Fringes panel: rates the user fills in (issue 14)", () => {
  it("lists workers' comp as a rate to fill in, with where to get it", async () => {
    await openFringes();
    const table = screen.getByRole("table", { name: "Fringe library, 2026" });
    const wc = within(table).getByRole("row", { name: /^WORKERS-COMP-2026\S.*In force/ });
    expect(wc).toHaveTextContent("your rate (%)");
    expect(wc).toHaveTextContent(
      "fill in: type your own rate in Rate (the description says where to get it)",
    );
    expect(wc).toHaveTextContent("Source: your carrier or payroll company");
  });

  it("shows CPP's band, from its basic exemption to its ceiling, not confirmed", async () => {
    await openFringes();
    const table = screen.getByRole("table", { name: "Fringe library, 2026" });
    const cpp = within(table).getByRole("row", { name: /^CPP-2026\S.*In force/ });
    expect(cpp).toHaveTextContent("$3,500.00 to $74,600.00");
    expect(cpp).toHaveTextContent("not confirmed: check with your payroll company");
  });

  it("warns in words about a workbook table whose rate is still blank", async () => {
    await openFringes(({ book }) => {
      book.addSheet("Rates", [
        ["Name", "Type", "Rate", "Cutoff"],
        ["CA-SUI", "%", 0.034, 7000],
        ["WC 9610 crew", "%", null, null],
      ]);
      book.tables.push({ name: "MyRates", sheet: "Rates", address: "A1:D3" });
    });
    expect(
      await screen.findByText(/^Table MyRates on Rates: table row 3 \(WC 9610 crew\) has no rate yet/),
    ).toHaveTextContent(
      "Until you type it, a budget made from a PROD template leaves it out of its totals (its Top Sheet says so), and PROD.FRINGE cells of your own that read the whole table show #VALUE!.",
    );
  });

  it("says nothing about a table whose rates are all filled in", async () => {
    await openFringes(({ book }) => {
      book.addSheet("Rates", [
        ["Name", "Type", "Rate", "Cutoff"],
        ["WC 9610 crew", "%", 0.048, null],
      ]);
      book.tables.push({ name: "MyRates", sheet: "Rates", address: "A1:D2" });
    });
    await waitFor(() => expect(screen.getByLabelText("Into")).toHaveValue("MyRates"));
    expect(screen.queryByText(/has no rate yet/)).not.toBeInTheDocument();
  });
});

describe("Fringes panel: copy a preset", () => {
  it("creates a Fringes sheet with the preset when the workbook has no fringe table", async () => {
    const { book } = await openFringes();
    const copy = await screen.findByRole("button", { name: "Copy PAYROLL-CA" });
    await waitFor(() => expect(copy).toBeEnabled());
    await userEvent.click(copy);
    await screen.findByText(/PAYROLL-CA 2026 copied into the table Fringes/);
    expect(book.tables.map((t) => t.name)).toEqual(["Fringes"]);
    expect(book.values("Fringes", 3, 0, 5, 4)).toEqual([
      ["SS", "%", 0.062, 184500],
      ["MEDICARE", "%", 0.0145, ""],
      ["FUTA-CA", "%", 0.021, 7000],
      ["CA-SUI", "%", 0.034, 7000],
      ["CA-ETT", "%", 0.001, 7000],
    ]);
  });

  it("offers the year of the workbook's budget, not the library's latest", async () => {
    await openFringes(({ book }) => {
      book.addSheet("Globals", [["Fringe year", 2025]]);
      book.names.push({ name: "Fringe_Year", formula: "=Globals!$B$1", visible: true });
      book.addSheet("Fringes", [
        ["Name", "Type", "Rate", "Cutoff"],
        ["SS", "%", 0.062, 176100],
      ]);
      book.tables.push({ name: "Fringes", sheet: "Fringes", address: "A1:D2" });
    });
    await waitFor(() => expect(screen.getByLabelText("Into")).toHaveValue("Fringes"));
    const copy = screen.getByRole("region", { name: "Copy into the workbook" });
    await waitFor(() => expect(within(copy).getByLabelText("Year")).toHaveValue("2025"));
  });

  it("moves the budget's rates date and preset with the figures copied into its Fringes table", async () => {
    const template = TEMPLATES.FEATURE;
    const layout = buildTemplatePlan(
      template,
      { ...template.defaults, ratesDate: "2025-08-15" },
      namesForCopy(template, 1).sheets,
    );
    const { book } = await openFringes(async ({ port }) => port.apply(layout.plan));
    const copy = screen.getByRole("region", { name: "Copy into the workbook" });
    await waitFor(() => expect(screen.getByLabelText("Into")).toHaveValue("Fringes"));
    await waitFor(() => expect(within(copy).getByLabelText("Year")).toHaveValue("2025"));
    await userEvent.selectOptions(within(copy).getByLabelText("Preset"), "PAYROLL-NY");
    await userEvent.selectOptions(within(copy).getByLabelText("Year"), "2026");
    await userEvent.click(screen.getByRole("button", { name: "Copy PAYROLL-NY" }));
    await answerDialog(
      /The table Fringes on Fringes has 9 rows\. They will be replaced by \d+ fringes/,
      "Replace rows",
    );
    await screen.findByText(
      "PAYROLL-NY 2026 copied into the table Fringes. The budget's rates date (Rates_Date) is now 2026-08-15.",
    );
    const at = (name: string) => parseA1(layout.plan.names!.find((n) => n.name === name)!.address);
    const global = (name: string) => book.values("Globals", at(name).row, at(name).column, 1, 1)[0][0];
    // The same day a year on (an Excel date serial): 2026-08-15.
    expect(global("Rates_Date")).toBe(46249);
    expect(global("Fringe_Preset")).toBe("PAYROLL-NY");
  });

  it.each([
    ["Replace rows", true],
    ["Cancel", false],
  ])("asks before replacing the user's rows: %s", async (answer, replaced) => {
    const { book } = await openFringes(({ book }) => {
      book.addSheet("Rates", [
        ["Name", "Type", "Rate", "Cutoff"],
        ["MY-FRINGE", "%", 0.05, null],
      ]);
      book.tables.push({ name: "MyRates", sheet: "Rates", address: "A1:D2" });
    });
    await userEvent.selectOptions(screen.getByLabelText("Preset"), "PAYROLL-US");
    const copy = screen.getByRole("button", { name: "Copy PAYROLL-US" });
    await waitFor(() => expect(screen.getByLabelText("Into")).toHaveValue("MyRates"));
    await userEvent.click(copy);
    // The dialog opens on the answer that keeps the rows (issue 20).
    expect(await dialogButtons(/The table MyRates on Rates has 1 row\./)).toEqual(["Cancel", "Replace rows"]);
    await answerDialog(/The table MyRates on Rates has 1 row\./, answer);
    if (replaced) {
      await screen.findByText(/PAYROLL-US 2026 copied into the table MyRates/);
      expect(book.values("Rates", 1, 0, 3, 1)).toEqual([["SS"], ["MEDICARE"], ["FUTA"]]);
      expect(book.tables[0].address).toBe("A1:D4");
    } else {
      await waitFor(() => expect(screen.queryByText(/The table MyRates on Rates/)).not.toBeInTheDocument());
      expect(book.values("Rates", 1, 0, 1, 1)).toEqual([["MY-FRINGE"]]);
    }
  });
});

describe("Fringes panel: apply a set to selected lines", () => {
  const DETAIL = "Budget detail";
  const column = DETAIL_COLUMNS.fringeSet;

  /** A DOC budget in the workbook; `lines` are the 0-based rows of the Detail_Acct range. */
  async function withDetail(setup?: (env: ReturnType<typeof fakeWorkbook>) => void) {
    const template = TEMPLATES.DOC;
    const layout = buildTemplatePlan(template, template.defaults, namesForCopy(template, 1).sheets);
    const env = await openFringes(async (e) => {
      await e.port.apply(layout.plan);
      setup?.(e);
    });
    const acct = parseA1(layout.plan.names!.find((n) => n.name === "Detail_Acct")!.address);
    return { ...env, layout, lines: { first: acct.row, last: acct.row + acct.rowCount - 1 } };
  }

  async function apply(set: string) {
    const input = screen.getByLabelText("Fringes set");
    await userEvent.clear(input);
    await userEvent.type(input, set);
    await userEvent.click(screen.getByRole("button", { name: "Apply to selection" }));
  }

  it("says a set names the budget's own table and library names, never promising another table", async () => {
    // A line's formulas read the budget's own table (Fringes) and library names only: another
    // table's name typed in the set is read as a library name (#N/A), so the hint does not offer it.
    await withDetail();
    const hint = screen.getByLabelText("Fringes set").getAttribute("aria-describedby")!;
    expect(document.getElementById(hint)?.textContent).toBe(
      "The budget's own fringe table (Fringes), library names such as SAG-AFTRA,PAYROLL-CA, or both: Fringes,SAG-AFTRA. Empty removes fringes.",
    );
  });

  it("puts the set on the selected budget lines only, leaving headings alone", async () => {
    const { book, layout } = await withDetail();
    const first = layout.detailLines[0].row; // a line right under the first heading
    book.selection = { sheet: DETAIL, address: `A${first}:N${first + 2}` }; // heading + 2 lines
    await apply("=SAG-AFTRA");
    await screen.findByText(
      /put on 2 selected lines of Budget detail\. The other selected rows were left alone: headings/,
    );
    expect(book.values(DETAIL, first - 1, column, 3, 1)).toEqual([[""], ["=SAG-AFTRA"], ["=SAG-AFTRA"]]);
    expect(book.cell(DETAIL, `H${first + 1}`)?.kind).toBe("value");
  });

  it("leaves the title, note and column header alone when the selection starts at A1", async () => {
    const { book, layout, lines } = await withDetail();
    const above = book.values(DETAIL, 0, 0, lines.first, 14);
    expect(above[lines.first - 1][column]).toBe("Fringes set");
    book.selection = { sheet: DETAIL, address: "A1:N12" };
    await apply("SAG-AFTRA");
    const changed = layout.detailLines.filter((l) => l.row < 12).length;
    await screen.findByText(new RegExp(`put on ${changed} selected lines?`));
    expect(book.values(DETAIL, 0, 0, lines.first, 14)).toEqual(above);
    expect(book.values(DETAIL, lines.first, column, 12 - lines.first, 1)).toEqual(
      Array.from({ length: 12 - lines.first }, (_, i) =>
        layout.detailLines.some((l) => l.row === lines.first + i) ? ["SAG-AFTRA"] : [""],
      ),
    );
  });

  it("leaves the user's rows below the detail alone", async () => {
    const { book, lines } = await withDetail();
    const below = lines.last + 2;
    book.write(DETAIL, below, 0, "Note");
    book.write(DETAIL, below, column, "mine");
    book.selection = { sheet: DETAIL, address: `A${lines.last - 1}:N${below + 1}` };
    await apply("SAG-AFTRA");
    await screen.findByText(/No budget lines in the selection on Budget detail: nothing changed/);
    expect(book.values(DETAIL, below, 0, 1, column + 1)[0]).toEqual(["Note", "", "", "", "", "", "", "mine"]);
  });

  it.each([
    ["the whole Fringes set column is", "H:H"],
    ["whole rows are", "$1:$400"],
  ])("puts the set on every budget line when %s selected", async (_what, address) => {
    const { port, book, layout, lines } = await withDetail();
    // Excel reports a click on a column or row heading as H:H or 1:400, not as a cell block.
    port.getSelection = () => Promise.resolve({ sheet: DETAIL, address });
    await apply("SAG-AFTRA");
    await screen.findByText(new RegExp(`put on ${layout.detailLines.length} selected lines`));
    expect(book.cell(DETAIL, "H3")?.content).toBe("Fringes set");
    const set = book
      .values(DETAIL, 0, column, lines.last + 10, 1)
      .flatMap(([v], row) => (v === "SAG-AFTRA" ? [row] : []));
    expect(set).toEqual(layout.detailLines.map((l) => l.row));
  });

  it("answers in words when the selection is several blocks", async () => {
    const { port } = await withDetail();
    port.getSelection = () => Promise.resolve({ sheet: DETAIL, address: "A5:N6,A9:N9" });
    await apply("SAG-AFTRA");
    // The message is a group named by its title, under the Apply button.
    const alert = await screen.findByRole("group", { name: "Check the input" });
    expect(alert).toHaveTextContent(/Check the input.*not one block of cells: select the lines in one piece/);
    expect(alert).not.toHaveTextContent(/Something went wrong/);
  });

  it("asks before taking back a detail whose hidden mark a user deleted: no writes nothing, yes marks it again without rewriting it", async () => {
    const { book, layout } = await withDetail();
    const mark = ownershipMarkName(TEMPLATES_OWNER, DETAIL_MARK_KEY);
    expect(book.names.find((n) => n.name === mark)).toMatchObject({ visible: false });
    book.names = book.names.filter((n) => n.name !== mark);
    const first = layout.detailLines[0].row;
    book.write(DETAIL, first, DETAIL_COLUMNS.rate, 1234);
    const cells = () => [...book.sheet(DETAIL).cells].map(([at, cell]) => [at, { ...cell }]);
    const before = cells();
    book.selection = { sheet: DETAIL, address: `H${first + 1}` };

    await apply("SAG-AFTRA");
    await answerDialog(
      /"Budget detail" looks like a budget detail sheet PROD made, but the hidden mark/,
      "Cancel",
    );
    await screen.findByText(/Nothing more was written/);
    expect(cells()).toEqual(before);
    expect(book.names.some((n) => n.name === mark)).toBe(false);

    await apply("SAG-AFTRA");
    // The question every panel asks before it takes a sheet back (takeBackQuestion), focus on Cancel.
    const question =
      /^"Budget detail" looks like a budget detail sheet PROD made, but the hidden mark PROD keeps on its own sheets is gone from it, so PROD cannot be sure the sheet is its own\. Take it back only if it is PROD's: PROD marks it as its own again and changes nothing else on it, then puts the fringe set on the selected lines\.$/;
    expect(await dialogButtons(question)).toEqual(["Cancel", "Take it back"]);
    await answerDialog(question, "Take it back");
    await screen.findByText(/Fringes set "SAG-AFTRA" put on 1 selected line of Budget detail/);
    // Only the fringe set changed: the rate typed, the formulas and the title are as they were.
    const after = cells();
    const changed = after.filter(
      ([at, cell]) => JSON.stringify(before.find(([b]) => b === at)?.[1]) !== JSON.stringify(cell),
    );
    expect(changed.map(([at]) => at)).toEqual([cellKey(first, DETAIL_COLUMNS.fringeSet)]);
    expect(book.cell(DETAIL, `F${first + 1}`)?.content).toBe(1234);
    expect(book.names.find((n) => n.name === mark)).toMatchObject({
      formula: "='Budget detail'!$A$1",
      visible: false,
    });
    // PROD's again: the next apply asks nothing.
    await apply("DGA-PENSION");
    await screen.findByText(/Fringes set "DGA-PENSION" put on 1 selected line/);
    expect(book.cell(DETAIL, `H${first + 1}`)?.content).toBe("DGA-PENSION");
  });

  it("never takes a copy of a detail sheet that is not the budget's, mark or no mark", async () => {
    const { book } = await withDetail();
    book.names = book.names.filter((n) => !n.name.startsWith("PROD_OWN."));
    // The user's copy of the detail: PROD's title and headers, but no Detail_Acct range on it.
    book.addSheet("My detail", book.values(DETAIL, 0, 0, 10, 16));
    book.selection = { sheet: "My detail", address: "H5:H8" };
    await apply("SAG-AFTRA");
    expect(await screen.findByText(/budget detail sheet made by the Templates panel/)).toBeInTheDocument();
    expect(book.cell("My detail", "H5")?.content).not.toBe("SAG-AFTRA");
  });

  it("refuses a selection that is not on a budget detail sheet PROD made", async () => {
    await openFringes(({ book }) => {
      book.addSheet("Notes", [["x"]]);
      book.selection = { sheet: "Notes", address: "A1" };
    });
    await userEvent.click(screen.getByRole("button", { name: "Apply to selection" }));
    expect(await screen.findByText(/budget detail sheet made by the Templates panel/)).toBeInTheDocument();
  });
});
