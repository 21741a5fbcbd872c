/*
 * The What-if panel in the pane, over the Office.js adapter and the mock Excel: what it reads
 * when it opens, and again when the user comes back to the pane from the workbook.
 */
import { act, render, screen } from "@testing-library/react";
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
});
