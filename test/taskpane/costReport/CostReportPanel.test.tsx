import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { defaultPeriodStart, latestPriorReport } from "../../../src/taskpane/panels/CostReportPanel";
import { REPORT_HEADERS } from "../../../src/taskpane/costReport/reportSheet";
import { dateSerial } from "../../../src/engine/weeklyCostReport";
import { fakeWorkbook } from "../fakePort";

const GL = [
  ["2501", "2026-11-02", "Grip Co", "Prep", 50000, ""],
  ["2501", "2026-11-18", "Grip Co", "Week 7", 12000, ""],
  ["9910", "2026-11-18", "=2+2", "Unbudgeted", 75, ""],
];

function workbook(gl: (string | number)[][] = GL) {
  const wb = fakeWorkbook();
  wb.book.addSheet("Budget detail", [
    ["Acct", "Description", "Amount", "Units", "X", "Rate", "Subtotal", "Fringes set", "Fringes", "Total"],
    [2501, "Key grip", 1, "Week", 10, 10000, 100000, null, null, 100000],
  ]);
  wb.book.addSheet("GL", [["Account", "Date", "Vendor", "Description", "Amount", "PO #"], ...gl]);
  wb.book.addSheet("Cost Report 2026-11-13", [["old"]]);
  return wb;
}

async function openPanel(gl?: (string | number)[][]) {
  const wb = workbook(gl);
  render(<App port={wb.port} initialPanel="costReport" />);
  // The template's Budget detail sheet is picked and mapped by itself.
  expect(await screen.findByText(/sheet Budget detail, headings on row 1/)).toBeInTheDocument();
  return wb;
}

describe("the Cost report panel", () => {
  beforeEach(() => localStorage.clear());

  it("offers last week's report as the previous report", () => {
    expect(
      latestPriorReport(
        ["Cost Report 2026-11-06", "Cost Report 2026-11-13", "Cost Report 2026-11-20", "GL"],
        "2026-11-20",
      ),
    ).toBe("Cost Report 2026-11-13");
  });

  it("waits for a budget and a ledger before it can build", async () => {
    await openPanel();
    expect(screen.getByRole("button", { name: "Build cost report" })).toBeDisabled();
    expect(screen.getByText("Pick the budget and the ledger to build the report.")).toBeInTheDocument();
  });

  it("builds the report sheet from picked sheets and says the actuals agree with the ledger", async () => {
    const { book } = await openPanel();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    expect(await screen.findByText(/sheet GL, headings on row 1/)).toBeInTheDocument();
    // The guessed mapping is shown and can be changed.
    expect(screen.getAllByRole("combobox", { name: "Amount (signed)" })[0]).toHaveValue("4");
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Previous cost report/ }), "");
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));

    expect(await screen.findByText(/Cost Report 2026-11-20 is ready/)).toBeInTheDocument();
    const summary = screen.getByLabelText("Last report");
    expect(
      within(summary).getByText(/Actual to date \$62,075\.00 agrees with the ledger \(3 lines\)/),
    ).toBeInTheDocument();
    expect(within(summary).getByText(/Unbudgeted: 1\./)).toBeInTheDocument();
    expect(book.hasSheet("Cost Report 2026-11-20")).toBe(true);
    const vendor = [...book.sheet("Cost Report 2026-11-20").cells.values()].find((c) => c.content === "=2+2");
    expect(vendor?.kind).toBe("value");
    // The confirmed mappings are remembered for next week's files.
    expect(Object.keys(localStorage).some((k) => k.startsWith("prod.costReport.ledger.v1:"))).toBe(true);
  });

  it("relieves the PO log by the ledger's PO numbers unless the list gives open balances", async () => {
    const { book, port } = workbook([["2501", "2026-11-18", "Grip Co", "Week 7", 12000, "PO-7"]]);
    book.addSheet("POs", [
      ["PO #", "Account", "Vendor", "Open amount"],
      ["PO-7", "2501", "Grip Co", 18000],
    ]);
    render(<App port={port} initialPanel="costReport" />);
    expect(await screen.findByText(/sheet Budget detail, headings on row 1/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    expect(await screen.findByText(/sheet GL, headings on row 1/)).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: /relieve it by the ledger lines/ })).toBeNull();
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "Open purchase orders" }),
      "sheet:POs",
    );
    const relieve = await screen.findByRole("checkbox", { name: /relieve it by the ledger lines/ });
    expect(relieve).toBeChecked();
    await userEvent.click(relieve);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Previous cost report/ }), "");
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));
    expect(await screen.findByText(/Cost Report 2026-11-20 is ready/)).toBeInTheDocument();
    const cells = [...book.sheet("Cost Report 2026-11-20").cells.values()].map((c) => c.content);
    expect(cells).toContain("PO log: 1 PO, amounts taken as open balances, not relieved by the ledger");
  });

  it("says actuals off the ledger only by rounding sub-cent amounts agree, and names the rounding", async () => {
    await openPanel([
      ["2501", "2026-11-18", "Grip Co", "Week 7", 10.005, ""],
      ["2502", "2026-11-18", "Grip Co", "Week 7", 20.005, ""],
      ["2503", "2026-11-18", "Grip Co", "Week 7", 1.0049, ""],
    ]);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    await screen.findByText(/sheet GL, headings on row 1/);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Previous cost report/ }), "");
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));

    expect(await screen.findByText(/Cost Report 2026-11-20 is ready/)).toBeInTheDocument();
    expect(
      within(screen.getByLabelText("Last report")).getByText(
        /Actual to date \$31\.02 agrees with the ledger \(\$31\.01; the \$0\.01 difference is rounding each account to the cent\)/,
      ),
    ).toBeInTheDocument();
  });

  it("never says agrees while ledger lines were left out: says how many and how much (issue 16)", async () => {
    // A European export pasted into a sheet: title lines, a blank row and a subtotal inside, its
    // own total at the end, a vendor that would be a formula, and three lines it cannot count.
    const { book, port } = fakeWorkbook();
    book.addSheet("Budget detail", [
      ["Acct", "Description", "Amount", "Units", "X", "Rate", "Subtotal", "Fringes set", "Fringes", "Total"],
      [2501, "Key grip", 1, "Week", 10, 10000, 100000, null, null, 100000],
    ]);
    book.addSheet("GL", [
      ["ACME Productions: GL detail"],
      ["Week 7, all accounts"],
      ["Account", "Date", "Vendor", "Description", "Amount", "PO #"],
      ["2501", "02/11/2026", "Grip Co", "Prep", "1.234,56", ""],
      ["2501", "18/11/2026", "Grip Co", "Week 7", "12.000,00", ""],
      ["", "", "", "", "", ""],
      ["Subtotal 2501", "", "", "", "13.234,56", ""],
      ["2501", "19/11/2026", '=HYPERLINK("http://x","pay")', "Dolly", "75,00", ""],
      ["2501", "31/02/2026", "Grip Co", "Not a date", "250,00", ""],
      ["2501", "19/11/2026", "Grip Co", "No amount", "", ""],
      ["2501", "19/11/2026", "Grip Co", "Letter O for zero", "12,5O", ""],
      ["Report total", "", "", "", "13.559,56", ""],
    ]);
    render(<App port={port} initialPanel="costReport" />);
    expect(await screen.findByText(/sheet Budget detail, headings on row 1/)).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    // The sheet proves both formats: nothing is asked.
    expect(
      await screen.findByText(
        /sheet GL, headings on row 3; amounts 1\.234,56 \("1\.234,56", row 4\); dates day\/month\/year \("18\/11\/2026", row 5\)/,
      ),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    await userEvent.click(await screen.findByRole("button", { name: "Build cost report" }));

    expect(await screen.findByText(/Cost Report 2026-11-20 is ready/)).toBeInTheDocument();
    const summary = within(screen.getByLabelText("Last report"));
    expect(
      summary.getByText(
        "Actual to date $13,309.56 holds the ledger lines read, but 3 ledger lines could not be read and are NOT in it ($250.00 where readable; listed on the sheet) (3 lines).",
      ),
    ).toBeInTheDocument();
    expect(
      summary.getByText(
        "The export states its own total, $13,559.56 (row 12, left out as a line): the lines read ($13,309.56) do NOT agree with it.",
      ),
    ).toBeInTheDocument();
    expect(summary.queryByText(/agrees/)).toBeNull();
    // The lines left out are listed on the sheet with the reason.
    const cells = [...book.sheet("Cost Report 2026-11-20").cells.values()].map((c) => String(c.content));
    expect(cells).toContain("Rows left out, and why");
    expect(cells.filter((c) => c.endsWith("; the line is left out"))).toEqual([
      'the date "31/02/2026" is not a date; the line is left out',
      "the amount is blank; the line is left out",
      'the amount "12,5O" is not a number written 1.234,56; the line is left out',
    ]);
  });

  it("explains in the message bar when the previous report is not a cost report", async () => {
    await openPanel();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    await screen.findByText(/sheet GL, headings on row 1/);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    expect(screen.getByRole("combobox", { name: /Previous cost report/ })).toHaveValue(
      "Cost Report 2026-11-13",
    );
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));
    await waitFor(() => expect(screen.getByText(/does not look like a cost report/)).toBeInTheDocument());
  });

  it("shows an error raised while building right under the Build button, with the focus on it (issue 16)", async () => {
    await openPanel();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    await screen.findByText(/sheet GL, headings on row 1/);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    // The previous report offered is not a cost report: the run refuses it once started.
    const build = screen.getByRole("button", { name: "Build cost report" });
    await userEvent.click(build);
    const message = await screen.findByRole("group", { name: "Check the input" });
    expect(message).toHaveTextContent(/does not look like a cost report/);
    // Its slot is the Build button's: the very next thing after it, not the top of the pane.
    expect(build.nextElementSibling).toBe(message);
    await waitFor(() => expect(message).toHaveFocus());
    // Dismiss gives the focus back to the Build button.
    await userEvent.click(within(message).getByRole("button", { name: "Dismiss message" }));
    expect(build).toHaveFocus();
  });

  it("asks for a period end date in plain words instead of building", async () => {
    const { book } = await openPanel();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    await screen.findByText(/sheet GL, headings on row 1/);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "" } });
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));
    expect(await screen.findByText("Check the input")).toBeInTheDocument();
    expect(screen.getByText(/Enter the period end date/)).toBeInTheDocument();
    expect(book.sheets.map((s) => s.name)).toEqual(["Budget detail", "GL", "Cost Report 2026-11-13"]);
  });

  it("starts this period the day after the previous report", () => {
    const end = dateSerial(2026, 11, 20) as number;
    expect(defaultPeriodStart(end, "Cost Report 2026-11-13")).toBe(dateSerial(2026, 11, 14));
    expect(defaultPeriodStart(end, "")).toBe(end - 6);
    expect(defaultPeriodStart(end, "Cost Report 2026-11-27")).toBe(end - 6);
  });

  it("carries last week's edited ETC and cuts this period from the day after it", async () => {
    const wb = workbook();
    wb.book.sheets = wb.book.sheets.filter((s) => s.name !== "Cost Report 2026-11-13");
    wb.book.addSheet("Cost Report 2026-11-13", [
      ["Weekly cost report"],
      [],
      [],
      [...REPORT_HEADERS],
      [
        "2501",
        "Key grip",
        100000,
        0,
        50000,
        0,
        50000,
        45000,
        95000,
        5000,
        null,
        null,
        0.5,
        "Budget left",
        null,
        50000,
      ],
      [null, "Grand total", 100000],
    ]);
    render(<App port={wb.port} initialPanel="costReport" />);
    await screen.findByText(/sheet Budget detail, headings on row 1/);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Ledger (GL detail)" }), "sheet:GL");
    await screen.findByText(/sheet GL, headings on row 1/);
    fireEvent.change(screen.getByLabelText(/Period end date/), { target: { value: "2026-11-20" } });
    await userEvent.click(screen.getByRole("button", { name: "Build cost report" }));
    expect(await screen.findByText(/ETCs carried from the previous report: 1\./)).toBeInTheDocument();
    expect(wb.book.cell("Cost Report 2026-11-20", "A1")?.content).toBe(
      "Weekly cost report: 2026-11-14 to 2026-11-20",
    );
    // 2501: ETC 45,000 carried; EFC = 62,000 + 45,000.
    expect(wb.book.cell("Cost Report 2026-11-20", "H5")?.content).toBe(45000);
  });
});
