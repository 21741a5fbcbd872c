/*
 * The What-if panel in the pane, over the Office.js adapter and the mock Excel: what it reads
 * when it opens, and again when the user comes back to the pane from the workbook; the scenario
 * store it keeps protected.
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { TEMPLATES } from "../../src/engine/templates";
import { buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";
import { fakeWorkbook } from "./fakePort";

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

  it("saves scenarios into a protected store, and protects again a store the user unprotected", async () => {
    const { book, port } = fakeWorkbook();
    const template = TEMPLATES.FEATURE;
    const { sheets, suffix } = namesForCopy(template, 1);
    await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
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
});
