import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PortError, type RunOptions } from "../../src/excel/port";
import { ProdError } from "../../src/engine/errors";
import { PaneShell } from "../../src/taskpane/shell/PaneShell";
import { usePane } from "../../src/taskpane/shell/PaneContext";
import { PaneStatus } from "../../src/taskpane/shell/PaneStatus";
import { describeError } from "../../src/taskpane/shell/messages";
import { answerDialog } from "./dialog";
import { fakeWorkbook } from "./fakePort";

describe("pane shell", () => {
  it("navigates between the four panels with labelled tabs", async () => {
    const { port } = fakeWorkbook();
    render(<App port={port} />);
    expect(screen.getByRole("tablist", { name: "PROD panels" })).toBeInTheDocument();
    for (const name of ["Templates", "Fringes", "Bids", "Cost report"]) {
      expect(screen.getByRole("tab", { name })).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole("tab", { name: "Bids" }));
    expect(
      await screen.findByRole("heading", { name: "Vendor bids" }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole("tab", { name: "Cost report" }));
    expect(
      await screen.findByRole("button", { name: "Build cost report" }, { timeout: 10_000 }),
    ).toBeInTheDocument();
  });

  it("has one h1, an h2 per panel, and tabs that control their tab panels", async () => {
    const { port } = fakeWorkbook();
    render(<App port={port} />);
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual(["PROD budget"]);
    for (const [tab, heading] of [
      ["Templates", "Budget templates"],
      ["Fringes", "Fringes and rates"],
      ["Bids", "Vendor bids"],
      ["Cost report", "Cost report"],
    ]) {
      const tabElement = screen.getByRole("tab", { name: tab });
      await userEvent.click(tabElement);
      const panel = screen.getByRole("tabpanel", { name: tab });
      expect(tabElement).toHaveAttribute("aria-controls", panel.id);
      const h2s = await within(panel).findAllByRole("heading", { level: 2 }, { timeout: 10_000 });
      expect(h2s.map((h) => h.textContent)).toEqual([heading]);
    }
    // Every tab's aria-controls names an element that is there.
    for (const tab of screen.getAllByRole("tab"))
      expect(document.getElementById(tab.getAttribute("aria-controls") ?? "")).not.toBeNull();
  });

  it.each([
    [
      new PortError("sheetExists", 'The workbook already has "Top Sheet".'),
      "A sheet with that name is already there",
    ],
    [new PortError("host", "Excel could not complete the change: busy"), "Excel could not make the change"],
    [new PortError("cancelled", ""), "Cancelled"],
    [new Error("boom"), "Something went wrong"],
    [new ProdError("invalid", "period end date must be a date"), "Check the input"],
  ])("puts %p in plain words with a next step", (error, title) => {
    const message = describeError(error);
    expect(message.title).toBe(title);
    expect(message.body).toMatch(/\w+/);
  });
});

/** A panel stand-in that uses the shell's services the way real panels do. */
function probeWith(work: (options: RunOptions) => Promise<string>) {
  return function Probe() {
    const pane = usePane();
    const handleRun = async () => {
      const result = await pane.runLong("Inserting", work);
      if (result) pane.showNote(result);
    };
    const handleAsk = async () => {
      const yes = await pane.ask({
        title: "Overwrite?",
        message: "Cells B2:B4 are not empty.",
        confirmLabel: "Overwrite",
      });
      pane.showNote(yes ? "said yes" : "said no");
    };
    const handleAskToReplace = async () => {
      const yes = await pane.ask({
        title: "Replace the report?",
        message: "The report of that date is there.",
        confirmLabel: "Replace it",
        cancelLabel: "Keep it",
        destructive: true,
      });
      pane.showNote(yes ? "said yes" : "said no");
    };
    return (
      <div data-testid="probe">
        <button onClick={() => void handleRun()}>run</button>
        <button onClick={() => void handleAsk()}>ask</button>
        <button onClick={() => void handleAskToReplace()}>ask to replace</button>
        <PaneStatus />
      </div>
    );
  };
}

function renderShell(work: (options: RunOptions) => Promise<string>) {
  const { port } = fakeWorkbook();
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneShell port={port} panels={[{ id: "templates", label: "Probe", Component: probeWith(work) }]} />
    </FluentProvider>,
  );
}

describe("shell services", () => {
  it("shows progress with a Cancel button that aborts the work, then says it was cancelled", async () => {
    renderShell(
      (options) =>
        new Promise<string>((_resolve, reject) => {
          options.onProgress?.({ done: 1, total: 4, label: "chunk 1 of 4" });
          options.signal?.addEventListener("abort", () => reject(new PortError("cancelled", "Cancelled.")));
        }),
    );
    await userEvent.click(screen.getByRole("button", { name: "run" }));
    expect(await screen.findByText("Inserting: chunk 1 of 4")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("shows a failure next to the action, with the focus on it; Dismiss gives the focus back", async () => {
    renderShell(() => Promise.reject(new PortError("sheetExists", 'The workbook already has "Top Sheet".')));
    const run = screen.getByRole("button", { name: "run" });
    await userEvent.click(run);
    const title = "A sheet with that name is already there";
    const message = await screen.findByRole("group", { name: title });
    expect(message).toHaveTextContent('The workbook already has "Top Sheet".');
    // In the probe's own slot, right after its buttons, not at the top of the pane.
    expect(within(screen.getByTestId("probe")).getByRole("group", { name: title })).toBe(message);
    await waitFor(() => expect(message).toHaveFocus());
    await userEvent.click(screen.getByRole("button", { name: "Dismiss message" }));
    await waitFor(() => expect(screen.queryByRole("group", { name: title })).not.toBeInTheDocument());
    expect(run).toHaveFocus();
  });

  it("announces a result through Fluent's live region, which is there before the text", async () => {
    renderShell(() => Promise.resolve("3 sheets inserted"));
    const regions = () => [...document.querySelectorAll<HTMLElement>("[aria-live]")];
    expect(regions().length).toBeGreaterThan(0);
    await userEvent.click(screen.getByRole("button", { name: "run" }));
    // The announcer writes each text into a new span with innerText, which jsdom keeps as a
    // property only (and does not clear the span before it).
    await waitFor(
      () =>
        expect(
          regions().map((r) => (r.lastElementChild as HTMLElement | null)?.innerText ?? ""),
        ).toContainEqual(expect.stringContaining("3 sheets inserted")),
      // Each announcement stays half a second before the next one is written.
      { timeout: 3000 },
    );
  });

  it("shows what a panel without a slot of that name says under the panel", async () => {
    const { port } = fakeWorkbook();
    function Slotless() {
      const pane = usePane("nowhere");
      return <button onClick={() => pane.showNote("said under the panel")}>note</button>;
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneShell port={port} panels={[{ id: "templates", label: "Probe", Component: Slotless }]} />
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "note" }));
    expect(within(screen.getByRole("tabpanel")).getByText("said under the panel")).toBeInTheDocument();
  });

  it("gives the focus back to what opened a question when it is answered no", async () => {
    renderShell(() => Promise.resolve("ok"));
    const askButton = screen.getByRole("button", { name: "ask" });
    await userEvent.click(askButton);
    await answerDialog("Cells B2:B4 are not empty.", "Cancel");
    await screen.findByText("said no");
    // The note took the focus; Dismiss returns it to the button that asked.
    await userEvent.click(screen.getByRole("button", { name: "Dismiss message" }));
    expect(askButton).toHaveFocus();
  });

  it.each([
    ["Overwrite", "said yes"],
    ["Cancel", "said no"],
  ])("asks before overwriting: %s answers %s", async (button, note) => {
    renderShell(() => Promise.resolve("ok"));
    await userEvent.click(screen.getByRole("button", { name: "ask" }));
    await answerDialog("Cells B2:B4 are not empty.", button);
    expect(await screen.findByText(note)).toBeInTheDocument();
  });

  it("opens a question that replaces work with the answer that keeps it first, where the focus goes", async () => {
    renderShell(() => Promise.resolve("ok"));
    await userEvent.click(screen.getByRole("button", { name: "ask to replace" }));
    const dialog = (await screen.findByText("The report of that date is there.")).closest<HTMLElement>(
      '[role="dialog"]',
    );
    // Fluent's dialog focuses its first button (jsdom has no layout for tabster to focus it: the
    // browser test checks the focus itself).
    const buttons = within(dialog as HTMLElement).getAllByRole("button", { hidden: true });
    expect(buttons.map((b) => b.textContent)).toEqual(["Keep it", "Replace it"]);
    await userEvent.click(buttons[0]);
    expect(await screen.findByText("said no")).toBeInTheDocument();
  });
});

describe("a problem at start-up", () => {
  it("is said above the panels, in words, and the pane still works", async () => {
    const { port } = fakeWorkbook();
    render(
      <App port={port} startupProblem="Excel did not agree to load PROD with this workbook (denied)." />,
    );
    expect(screen.getByRole("status")).toHaveTextContent(
      "Excel did not agree to load PROD with this workbook (denied).",
    );
    expect(screen.getByRole("tablist", { name: "PROD panels" })).toBeInTheDocument();
  });
});
