import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { TEMPLATES } from "../../src/engine/templates";
import { FRINGE_LIBRARY } from "../../src/engine/fringes/library";
import { rateLabel } from "../../src/taskpane/panels/FringesPanel";
import { rowsForHeaders } from "../../src/taskpane/fringes/fringeTables";
import { DETAIL_COLUMNS, buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";
import { answerDialog } from "./dialog";
import { fakeWorkbook } from "./fakePort";

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
      "68.1818",
      "Day pay",
      "954.55",
      "Overtime premium",
      "136.36",
    ]);
  });

  it("says what is wrong with a bad rule instead of showing numbers", async () => {
    await openFringes();
    await userEvent.selectOptions(screen.getByLabelText("Overtime rule"), "custom");
    const custom = screen.getByLabelText("Custom rule");
    await userEvent.clear(custom);
    await userEvent.type(custom, "abc");
    expect(screen.getByRole("alert")).toHaveTextContent(/rule/);
    expect(screen.queryByRole("group", { name: "Calculator results" })).not.toBeInTheDocument();
  });
});

describe("Fringes panel: library", () => {
  it("shows each fringe's year, rate, cap and whether it is confirmed", async () => {
    await openFringes();
    const table = screen.getByRole("table", { name: "Fringe library, 2026" });
    const ss = within(table).getByRole("row", { name: /^SS / });
    expect(ss).toHaveTextContent("6.2%");
    expect(ss).toHaveTextContent("$184,500.00");
    expect(ss).toHaveTextContent("confirmed");
    const unconfirmed = FRINGE_LIBRARY.filter((f) => f.year === 2026 && !f.confirmed);
    expect(within(table).getAllByText("not confirmed")).toHaveLength(unconfirmed.length);
  });

  it.each([
    [{ type: "%", rate: "0.0145" }, "1.45%"],
    [{ type: "HOUR", rate: "14.63" }, "$14.63/hour"],
    [{ type: "DAY", rate: "137" }, "$137.00/day"],
  ] as const)("labels the rate %p as %s", (d, label) => {
    expect(rateLabel({ ...FRINGE_LIBRARY[0], ...d })).toBe(label);
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
    await answerDialog(/The table MyRates on Rates has 1 row\(s\)/, answer);
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
  it("puts the set on the selected budget lines only, leaving headings alone", async () => {
    const template = TEMPLATES.DOC;
    const layout = buildTemplatePlan(template, template.defaults, namesForCopy(template, 1).sheets);
    const { book } = await openFringes(async ({ port }) => port.apply(layout.plan));
    const first = layout.detailLines[0].row; // a line right under the first heading
    book.selection = { sheet: "Budget detail", address: `A${first}:N${first + 2}` }; // heading + 2 lines
    const input = screen.getByLabelText("Fringes set");
    await userEvent.clear(input);
    await userEvent.type(input, "=SAG-AFTRA");
    await userEvent.click(screen.getByRole("button", { name: "Apply to selection" }));
    await screen.findByText(/put on 2 line\(s\) of Budget detail/);
    const column = DETAIL_COLUMNS.fringeSet;
    expect(book.values("Budget detail", first - 1, column, 3, 1)).toEqual([
      [""],
      ["=SAG-AFTRA"],
      ["=SAG-AFTRA"],
    ]);
    expect(book.cell("Budget detail", `H${first + 1}`)?.kind).toBe("value");
  });

  it("refuses a selection that is not on a budget detail sheet PROD made", async () => {
    await openFringes(({ book }) => {
      book.addSheet("Notes", [["x"]]);
      book.selection = { sheet: "Notes", address: "A1" };
    });
    await userEvent.click(screen.getByRole("button", { name: "Apply to selection" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /budget detail sheet made by the Templates panel/,
    );
  });
});

describe("fringe table rows", () => {
  it("fills the table's own columns in its own order, leaving unknown ones blank", () => {
    const ss = FRINGE_LIBRARY.find((f) => f.name === "SS" && f.year === 2026)!;
    expect(rowsForHeaders(["Cutoff", "Notes", "Name", "rate", "Type"], [ss])).toEqual([
      [184500, null, "SS", 0.062, "%"],
    ]);
  });
});
