import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { answerDialog } from "./dialog";
import { fakeWorkbook } from "./fakePort";

/** The pane on the Versions panel, over a workbook with a small budget selected. */
async function openVersions() {
  const env = fakeWorkbook();
  env.book.addSheet("Budget", [
    ["Account", "Description", "Amount"],
    [1101, "Rights", 1000.5],
    ["25-01", "Key grip", 250.25],
    [2502, "Best boy", 100],
  ]);
  env.book.selection = { sheet: "Budget", address: "A1:C4" };
  render(<App port={env.port} initialPanel="versions" />);
  await screen.findByRole("heading", { name: "Budget versions" }, { timeout: 10_000 });
  return env;
}

describe("Versions panel", () => {
  it("saves the selected range under a name, asks before replacing it, and compares", async () => {
    const { book } = await openVersions();
    const name = screen.getByLabelText("Version name");
    await userEvent.clear(name);
    await userEvent.type(name, "Studio approved");
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(await screen.findByText(/Saved "Studio approved": 3 lines, \$1,350\.75/)).toBeInTheDocument();
    expect(book.hasSheet("PROD versions")).toBe(true);

    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    await answerDialog(/already used/, "Cancel");
    expect(await screen.findByText(/Nothing was saved/)).toBeInTheDocument();

    // By label: a role query over the whole pane outlasts findBy's wait on a loaded machine.
    await userEvent.click(screen.getByLabelText(/^Studio approved \(saved /));
    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    expect(
      await screen.findByText(
        /Current \$1,350\.75 \(base\); Studio approved \$1,350\.75, \$0\.00 against Current \(\+0\.00%\)/,
      ),
    ).toBeInTheDocument();
    expect(book.hasSheet("Budget comparison")).toBe(true);
  });

  it("refuses a selection without an amount column, in words next to Save", async () => {
    const { book } = await openVersions();
    book.selection = { sheet: "Budget", address: "A1:B4" };
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(await screen.findByText(/has no amount column PROD recognises/)).toBeInTheDocument();
  });
});
