import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { defaultRatesDate, ratesDateProblem } from "../../src/taskpane/panels/TemplatesPanel";
import { answerDialog } from "./dialog";
import { fakeWorkbook } from "./fakePort";

/** Render the pane and wait for the (lazily loaded) Templates panel. */
async function openTemplates(setup?: (env: ReturnType<typeof fakeWorkbook>) => void) {
  const env = fakeWorkbook();
  setup?.(env);
  render(<App port={env.port} />);
  await screen.findByRole("radiogroup", {}, { timeout: 10_000 });
  return env;
}

describe("Templates panel", () => {
  it("inserts the picked template with the globals typed in", async () => {
    const { book } = await openTemplates();
    await userEvent.click(screen.getByRole("radio", { name: "Commercial (AICP bid form)" }));
    const markup = screen.getByLabelText("Markup / fee %");
    await userEvent.clear(markup);
    await userEvent.type(markup, "15");
    await userEvent.click(screen.getByRole("button", { name: "Insert Commercial (AICP bid form)" }));
    expect(await screen.findByText(/Commercial \(AICP bid form\) inserted/)).toBeInTheDocument();
    expect(book.sheets.map((s) => s.name)).toEqual(["Top Sheet", "Budget detail", "Fringes", "Globals"]);
    const markupName = book.names.find((n) => n.name === "Markup_Pct")!;
    const cell = markupName.formula.split("!")[1].replace(/\$/g, "");
    expect(book.cell("Globals", cell)?.content).toBe(0.15);
  });

  it("offers the TV episode count only for TV and creates the Amortization sheet", async () => {
    const { book } = await openTemplates();
    expect(screen.queryByLabelText("Episodes")).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole("radio", { name: "TV one-hour episodic" }));
    const episodes = screen.getByLabelText("Episodes");
    await userEvent.clear(episodes);
    await userEvent.type(episodes, "6");
    await userEvent.click(screen.getByRole("button", { name: "Insert TV one-hour episodic" }));
    await screen.findByText(/TV one-hour episodic inserted/);
    expect(book.hasSheet("Amortization")).toBe(true);
    expect(
      book
        .values("Amortization", 0, 0, 40, 1)
        .flat()
        .filter((v) => typeof v === "number"),
    ).toEqual([1101, 2001, 2301, 5401, 4001, 3801, 1, 2, 3, 4, 5, 6]);
  });

  it("refuses bad globals with a message on the field and a disabled Insert", async () => {
    await openTemplates();
    const shoot = screen.getByLabelText("Shoot (days)");
    await userEvent.clear(shoot);
    await userEvent.type(shoot, "-3");
    expect(screen.getByText("Must be 0 or more.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert Feature film" })).toBeDisabled();
  });

  it("writes the rates date typed in the form into the Rates_Date global, and refuses a date in a year PROD holds no payroll figures for", async () => {
    const { book } = await openTemplates();
    const date = screen.getByLabelText("Rates date (first payroll)");
    await userEvent.clear(date);
    await userEvent.type(date, "2024-09-01");
    expect(
      screen.getByText("PROD holds PAYROLL-CA figures for 2025 and 2026: pick a date in one of those years."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Insert Feature film" })).toBeDisabled();
    await userEvent.clear(date);
    await userEvent.type(date, "2026-08-15");
    await userEvent.click(screen.getByRole("button", { name: "Insert Feature film" }));
    await screen.findByText(/Feature film inserted/);
    const name = book.names.find((n) => n.name === "Rates_Date")!;
    // 2026-08-15 as an Excel date serial.
    expect(book.cell("Globals", name.formula.split("!")[1].replace(/\$/g, ""))?.content).toBe(46249);
  });

  it("offers today as the rates date when PROD holds its year, else 1 January of the latest year held", () => {
    expect(defaultRatesDate([2025, 2026], "2026-12-04")).toBe("2026-12-04");
    expect(defaultRatesDate([2025, 2026], "2027-03-01")).toBe("2026-01-01");
    expect(ratesDateProblem("2026-02-30", "PAYROLL-CA", [2025, 2026])).toBe("Enter a date.");
    expect(ratesDateProblem("", "PAYROLL-CA", [2025, 2026])).toBe("Enter a date.");
    expect(ratesDateProblem("2026-02-28", "PAYROLL-CA", [2025, 2026])).toBeNull();
  });

  it.each([
    ["Create new sheets", true],
    ["Cancel", false],
  ])("asks when the sheets exist; %s", async (answer, created) => {
    const env = await openTemplates((e) => e.book.addSheet("Top Sheet", [["mine"]]));
    await userEvent.click(screen.getByRole("button", { name: "Insert Feature film" }));
    await answerDialog(/will create Top Sheet 2, Budget detail 2, Fringes 2, Globals 2 instead/, answer);
    if (created) await screen.findByText(/Feature film inserted: Top Sheet 2/);
    await waitFor(() => expect(env.book.hasSheet("Top Sheet 2")).toBe(created));
    expect(env.book.values("Top Sheet", 0, 0, 1, 1)).toEqual([["mine"]]);
  });
});
