/*
 * The What-if panel in the pane, over the Office.js adapter and the mock Excel: what it reads
 * when it opens, and again when the user comes back to the pane from the workbook; the scenario
 * store it keeps protected, and takes back after a question when its hidden mark was deleted.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { TEMPLATES } from "../../src/engine/templates";
import { DETAIL_COLUMNS, buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";
import { answerDialog, dialogButtons } from "./dialog";
import { fakeWorkbook } from "./fakePort";
import { a1, ownershipMarkName } from "../../src/excel/port";
import { findBudgets, writeScenarios } from "../../src/taskpane/whatif/whatifWorkbook";

/** A workbook holding the Feature template's budget, inserted as the Templates panel does. */
async function withFeatureBudget() {
  const workbook = fakeWorkbook();
  const template = TEMPLATES.FEATURE;
  const { sheets, suffix } = namesForCopy(template, 1);
  await workbook.port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
  return workbook;
}

describe("What-if panel", () => {
  it("finds a budget inserted while the panel was open when the user comes back to the pane", async () => {
    const { port } = fakeWorkbook();
    render(<App port={port} initialPanel="whatif" />);
    await screen.findByText(/There is no budget in this workbook yet/, undefined, { timeout: 10_000 });

    const template = TEMPLATES.FEATURE;
    const { sheets, suffix } = namesForCopy(template, 1);
    await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
    // Excel's task pane is a window of its own: clicking back into it focuses it.
    act(() => void window.dispatchEvent(new Event("focus")));

    await screen.findByRole("heading", { name: "Groups: what-if by lines" });
    expect(await screen.findByText("No scenario saved yet.")).toBeInTheDocument();
    expect(screen.queryByText(/There is no budget in this workbook yet/)).toBeNull();
  });

  it("reads another budget's groups and scenarios on Enter, not while the user arrows past it (issue 20)", async () => {
    const { port } = fakeWorkbook();
    const template = TEMPLATES.FEATURE;
    for (const copy of [1, 2]) {
      const { sheets, suffix } = namesForCopy(template, copy);
      await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
    }
    render(<App port={port} initialPanel="whatif" />);
    const budget = await screen.findByRole("combobox", { name: "Budget" }, { timeout: 10_000 });
    // The budget the Groups section works on, as its caption names it.
    const caption = async () =>
      (await screen.findByText(/^Tag lines in the Group column of /, {}, { timeout: 10_000 })).textContent;
    const first = await caption();
    // A closed select moves on with the arrow keys, a change event each time.
    fireEvent.keyDown(budget, { key: "ArrowDown" });
    fireEvent.change(budget, { target: { value: (budget as HTMLSelectElement).options[1].value } });
    expect(await caption()).toBe(first);
    expect(screen.getByText("Press Enter to use this budget.")).toBeInTheDocument();
    fireEvent.keyDown(budget, { key: "Enter" });
    expect(await caption()).not.toBe(first);
    expect(within(budget).getAllByRole("option")).toHaveLength(2);
  });

  it("says in words that the groups are listed at their lines' cost when the user renamed the detail's Hours heading", async () => {
    const { book, port } = await withFeatureBudget();
    const [budget] = await findBudgets(port);
    book.setCell(budget.detail, a1(2, DETAIL_COLUMNS.hours), { kind: "value", content: "Hrs" });
    render(<App port={port} initialPanel="whatif" />);
    expect(
      await screen.findByText(
        `The heading "Hours" is no longer on "${budget.detail}" (renamed or deleted), so each group below is listed at what its lines cost, not at what switching it alone saves. Type it back as written in the detail's header row, then read the groups again.`,
        undefined,
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  });

  it("saves scenarios into a protected store, and protects again a store the user unprotected", async () => {
    const { book, port } = await withFeatureBudget();
    render(<App port={port} initialPanel="whatif" />);
    const name = await screen.findByLabelText("Scenario name", undefined, { timeout: 10_000 });
    const save = async (scenario: string) => {
      await userEvent.clear(name);
      await userEvent.type(name, scenario);
      await userEvent.click(screen.getByRole("button", { name: "Save current globals" }));
      await screen.findByText(new RegExp(`Scenario "${scenario}" saved with \\d+ globals on Scenarios\\.`));
    };
    await save("30 days");
    expect(book.sheet("Scenarios").protected).toBe(true);
    // Review > Unprotect Sheet (or a store saved before stores were protected).
    book.sheet("Scenarios").protected = false;
    await save("35 days");
    expect(book.sheet("Scenarios").protected).toBe(true);
    expect(screen.getByLabelText(/^30 days \(saved /)).toBeInTheDocument();
    expect(screen.getByLabelText(/^35 days \(saved /)).toBeInTheDocument();
  });

  it("says a protected Globals sheet changed no global when a scenario is applied", async () => {
    const { book, port } = await withFeatureBudget();
    render(<App port={port} initialPanel="whatif" />);
    const name = await screen.findByLabelText("Scenario name", undefined, { timeout: 10_000 });
    await userEvent.type(name, "30 days");
    await userEvent.click(screen.getByRole("button", { name: "Save current globals" }));
    await screen.findByText(/Scenario "30 days" saved with \d+ globals on Scenarios\./);
    const globals = () => JSON.stringify([...book.sheet("Globals").cells.entries()]);
    const before = globals();
    book.sheet("Globals").protected = true;
    await userEvent.click(screen.getByRole("button", { name: "Apply scenario" }));
    expect(
      await screen.findByText(
        /^"Globals" is protected, so PROD changed no global\. To let PROD write there, unprotect it/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/could not put your globals back/)).toBeNull();
    expect(globals()).toBe(before);
  });

  it("warns, naming it, that a scenario saved before a global was added left the user's value there when applied", async () => {
    const { port } = await withFeatureBudget();
    const [budget] = await findBudgets(port);
    // "Old 30 days" was saved when the budget's only global was its shoot days.
    const old = {
      name: "Old 30 days",
      saved: "2026-12-01 09:00",
      globals: [{ name: "Shoot_Days", cell: { kind: "number" as const, value: 30 } }],
    };
    await writeScenarios(port, budget, [old], []);
    render(<App port={port} initialPanel="whatif" />);
    const apply = await screen.findByRole("button", { name: "Apply scenario" }, { timeout: 10_000 });
    await userEvent.click(apply);
    expect(
      await screen.findByText(
        /^Scenario "Old 30 days" applied to Globals\. Your globals as they were are saved as the scenario "Before applying [^"]+"\. "Old 30 days" has no value for 22 globals \(Prep \(weeks\), Wrap \(weeks\), Shoot days per week and 19 more: added after it was saved\), so your values were kept\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("Done, with a warning")).toBeInTheDocument();
  });

  it("asks before taking back a store whose hidden mark was deleted: Cancel changes nothing; Take it back keeps every scenario", async () => {
    const { book, port } = await withFeatureBudget();
    const [budget] = await findBudgets(port);
    const days = (name: string, value: number) => ({
      name,
      saved: "2026-12-04 16:40",
      globals: [{ name: "Shoot_Days", cell: { kind: "number" as const, value } }],
    });
    await writeScenarios(port, budget, [days("30 days", 30), days("35 days", 35)], []);
    const mark = ownershipMarkName("whatif", "scenarios");
    book.names = book.names.filter((n) => n.name !== mark);
    const store = () =>
      JSON.stringify([...book.sheet("Scenarios").cells.entries()].map(([k, c]) => [k, c.kind, c.content]));
    const before = store();

    render(<App port={port} initialPanel="whatif" />);
    // The scenarios on it are listed, read by its content.
    await screen.findByLabelText(/^35 days \(saved /, undefined, { timeout: 10_000 });
    const name = screen.getByLabelText("Scenario name");
    await userEvent.type(name, "32 days");
    await userEvent.click(screen.getByRole("button", { name: "Save current globals" }));
    const question =
      /"Scenarios" looks like a scenario store PROD made, but the hidden mark .* protects it against changes by accident, with the 2 scenarios saved on it \("30 days", "35 days"\) kept; from then on PROD rewrites it when it saves there\./;
    expect(await dialogButtons(question)).toEqual(["Cancel", "Take it back"]);
    await answerDialog(question, "Cancel");
    expect(
      await screen.findByText(
        'Nothing was written: "Scenarios" is as it was, no scenario was saved and no global was changed. If it is your own sheet, rename it and try again: PROD then keeps scenarios on a new "Scenarios" of its own.',
      ),
    ).toBeInTheDocument();
    expect(store()).toBe(before);
    expect(book.names.some((n) => n.name === mark)).toBe(false);

    await userEvent.click(screen.getByRole("button", { name: "Save current globals" }));
    await answerDialog(question, "Take it back");
    await screen.findByText(/Scenario "32 days" saved with \d+ globals on Scenarios\./);
    for (const saved of ["30 days", "35 days", "32 days"])
      expect(screen.getByLabelText(new RegExp(`^${saved} \\(saved `))).toBeInTheDocument();
    expect(book.names.some((n) => n.name === mark)).toBe(true);
    expect(book.sheet("Scenarios").protected).toBe(true);
  });
});
