import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { answerDialog, dialogButtons } from "./dialog";
import { ownershipMarkName, type WorkbookPort } from "../../src/excel/port";
import { fakeWorkbook } from "./fakePort";
import { TEMPLATES } from "../../src/engine/templates";
import { buildTemplatePlan, namesForCopy } from "../../src/taskpane/templates/buildPlan";

/** A Feature film budget inserted as the Templates panel would, behind the pane's back. */
async function insertFeature(port: WorkbookPort, copy = 1) {
  const template = TEMPLATES.FEATURE;
  const { sheets, suffix } = namesForCopy(template, copy);
  await port.apply(buildTemplatePlan(template, template.defaults, sheets, suffix).plan);
}

/** The user clicks back into the pane's window (Excel's task pane is a window of its own). */
const comeBack = () => act(() => void window.dispatchEvent(new Event("focus")));

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

/** The pane after a version was saved and compared with Current once. */
async function savedAndCompared() {
  const env = await openVersions();
  await userEvent.click(screen.getByRole("button", { name: "Save version" }));
  await screen.findByText(/Saved "Working /);
  await userEvent.click(screen.getByLabelText(/^Working .* \(saved /));
  await userEvent.click(screen.getByText("Compare", { selector: "button" }));
  await screen.findByText(/Budget comparison written/);
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

  it("lists the versions as each save wrote them, without reading the store again after it", async () => {
    const { port } = await openVersions();
    // The store's table read: once by each save (the pane's one read before it), no more.
    let storeReads = 0;
    const readTable = port.readTable.bind(port);
    port.readTable = (name, options) => {
      if (name === "PROD_Versions") storeReads++;
      return readTable(name, options);
    };
    const listed = () =>
      within(screen.getByRole("group", { name: /^Saved versions to compare/ }))
        .getAllByRole("checkbox")
        .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent);
    const save = async (name: string, answer?: string) => {
      await userEvent.clear(screen.getByLabelText("Version name"));
      await userEvent.type(screen.getByLabelText("Version name"), name);
      await userEvent.click(screen.getByRole("button", { name: "Save version" }));
      if (answer) await answerDialog(/already used/, answer);
      await screen.findByText(new RegExp(`^(Saved|Replaced) "${name}"`));
    };

    await save("Studio approved");
    expect(listed()).toEqual([
      expect.stringMatching(/^Studio approved \(saved \d{4}-\d\d-\d\d \d\d:\d\d\)$/),
    ]);
    expect(storeReads).toBe(0);
    await save("Working");
    expect(listed()).toEqual([
      expect.stringMatching(/^Studio approved \(saved /),
      expect.stringMatching(/^Working \(saved /),
    ]);
    expect(storeReads).toBe(1);
    // A name replaced stays in its place in the list.
    await save("studio approved", "Replace it");
    expect(listed()).toEqual([
      expect.stringMatching(/^studio approved \(saved /),
      expect.stringMatching(/^Working \(saved /),
    ]);
    expect(storeReads).toBe(2);
  });

  it("warns, naming it, when a version compared was changed by hand on the store after it was saved", async () => {
    const { book } = await openVersions();
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(await screen.findByText(/Saved "Working /)).toBeInTheDocument();
    // The user unprotects "PROD versions" and retypes the first line's total.
    book.sheet("PROD versions").protected = false;
    book.cell("PROD versions", "G4")!.content = 1;
    await userEvent.click(screen.getByLabelText(/^Working .* \(saved /));
    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    expect(
      await screen.findByText(
        /Check this: "Working [\d-]+" was changed on the sheet "PROD versions" after PROD saved it \(the sheet was unprotected and edited\), so its figures here are as the sheet holds them now, not as they were saved\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("Done, with a warning")).toBeInTheDocument();
  });

  it("says in words, next to Save, that the store was protected again with a password, and writes nothing", async () => {
    const { book, excel } = await openVersions();
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(await screen.findByText(/Saved "Working /)).toBeInTheDocument();
    // The user protects "PROD versions" again, with a password (Review > Protect Sheet).
    Object.assign(book.sheet("PROD versions"), { protected: true, password: "secret" });
    const cells = new Map(book.sheet("PROD versions").cells);
    const writes = excel.state.requestsWithWrites.length;
    await userEvent.clear(screen.getByLabelText("Version name"));
    await userEvent.type(screen.getByLabelText("Version name"), "Second");
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(
      await screen.findByText(
        '"PROD versions" is protected with a password, so PROD wrote nothing there: PROD never asks for or keeps passwords. After you unprotect it, PROD protects it again when it writes, without a password. Nothing was saved, and the versions saved before are as they were. To let PROD write there, unprotect it in Excel (Review > Unprotect Sheet, with its password if it has one) and try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("That sheet is protected")).toBeInTheDocument();
    // One request was sent (refused at its unprotect, so nothing in it applied); the store is as it was.
    expect(excel.state.requestsWithWrites.length - writes).toBe(1);
    expect(book.sheet("PROD versions").cells).toEqual(cells);
    expect(book.sheet("PROD versions")).toMatchObject({ protected: true, password: "secret" });
  });

  it("refuses a selection without an amount column, in words next to Save", async () => {
    const { book } = await openVersions();
    book.selection = { sheet: "Budget", address: "A1:B4" };
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    expect(await screen.findByText(/has no amount column PROD recognises/)).toBeInTheDocument();
  });

  it("lists a template inserted while the panel was open when the user comes back to the pane, and keeps a budget the user picked", async () => {
    const { port } = await openVersions();
    const budget = () => screen.getByRole<HTMLSelectElement>("combobox", { name: "Budget" });
    expect([...budget().options].map((o) => o.text)).toEqual(["The range selected in the sheet"]);

    await insertFeature(port);
    comeBack();
    await screen.findByRole("option", { name: "Budget detail (template budget)" });
    expect(budget().selectedOptions[0].text).toBe("Budget detail (template budget)");
    expect(screen.getByRole("heading", { name: "Lock original totals" })).toBeInTheDocument();

    // The user picks the selected range again: coming back (after a second copy was inserted)
    // lists the new copy and leaves that choice alone.
    await userEvent.selectOptions(budget(), "The range selected in the sheet");
    await insertFeature(port, 2);
    comeBack();
    await screen.findByRole("option", { name: "Budget detail 2 (template budget)" });
    expect(budget().selectedOptions[0].text).toBe("The range selected in the sheet");
  });

  it("asks before taking back a Budget comparison whose hidden mark was deleted, and Cancel writes nothing", async () => {
    const { book } = await savedAndCompared();
    book.names = book.names.filter((n) => n.name !== ownershipMarkName("versions", "comparison"));
    book.cell("Budget comparison", "C5")!.content = "my figure";

    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    expect(await dialogButtons(/looks like a budget comparison PROD made/)).toEqual(["Cancel", "Replace it"]);
    // One question: the figure typed over PROD's formula is named in it too.
    expect(
      screen.getByText(
        /looks like a budget comparison PROD made.* You typed on it: 1 figure typed over PROD's formulas \("my figure" over "Current \(base\)" of 1101 Rights \(C5\)\)\./,
      ),
    ).toBeInTheDocument();
    await answerDialog(/looks like a budget comparison PROD made/, "Cancel");
    expect(
      await screen.findByText(/Nothing was written: "Budget comparison" is as it was/),
    ).toBeInTheDocument();
    expect(book.cell("Budget comparison", "C5")?.content).toBe("my figure");
  });

  it('lists the versions of a "PROD versions" whose hidden mark was deleted, asks once before writing: Cancel changes nothing, Take it back keeps every version', async () => {
    const { book } = await savedAndCompared();
    const name = screen.getByLabelText("Version name");
    await userEvent.clear(name);
    await userEvent.type(name, "Studio approved");
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    await screen.findByText(/Saved "Studio approved"/);
    const mark = ownershipMarkName("versions", "store");
    book.names = book.names.filter((n) => n.name !== mark);
    const store = () =>
      JSON.stringify(
        [...book.sheet("PROD versions").cells.entries()].map(([k, c]) => [k, c.kind, c.content]),
      );
    const before = store();

    // Read again when the user comes back: listed, read by the store's title, and said so.
    comeBack();
    expect(
      await screen.findByText(/^"PROD versions" has lost the hidden mark PROD keeps on its own sheets/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText(/^Studio approved \(saved /)).toBeInTheDocument();

    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    const question =
      /"PROD versions" looks like a version store PROD made, but the hidden mark .* protects it against changes by accident, with the 2 versions saved on it \("Working .*", "Studio approved"\) kept; from then on PROD rewrites it when it saves there\./;
    expect(await dialogButtons(question)).toEqual(["Cancel", "Take it back"]);
    await answerDialog(question, "Cancel");
    expect(
      await screen.findByText(
        'Nothing was written: "PROD versions" is as it was, and no comparison was written. If it is your own sheet, rename it and try again: PROD then keeps versions on a new "PROD versions" of its own.',
      ),
    ).toBeInTheDocument();
    expect(store()).toBe(before);
    expect(book.names.some((n) => n.name === mark)).toBe(false);

    await userEvent.clear(name);
    await userEvent.type(name, "Working 2");
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    await answerDialog(question, "Take it back");
    await screen.findByText(/Saved "Working 2"/);
    for (const saved of [
      /^Working \d{4}-\d\d-\d\d \(saved /,
      /^Studio approved \(saved /,
      /^Working 2 \(saved /,
    ])
      expect(screen.getByLabelText(saved)).toBeInTheDocument();
    expect(screen.queryByText(/has lost the hidden mark/)).toBeNull();
    expect(book.names.some((n) => n.name === mark)).toBe(true);
    expect(book.sheet("PROD versions").protected).toBe(true);
  });

  it("names a note typed on the comparison in one question, writes nothing on Cancel, and carries it on Replace", async () => {
    const { book } = await savedAndCompared();
    expect(book.cell("Budget comparison", "G4")?.content).toBe("Your notes (kept when compared again)");
    book.setCell("Budget comparison", "G5", { kind: "value", content: "call the agent" });
    const before = book.formulas("Budget comparison", 0, 0, 20, 10);

    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    const question =
      /^You typed on it: 1 cell beside 1 row \(1101 Rights\)\. 1 cell of yours will be carried to the rows with the same labels\. Comparing replaces it with this comparison\.$/;
    expect(await dialogButtons(question)).toEqual(["Cancel", "Replace it"]);
    await answerDialog(question, "Cancel");
    expect(
      await screen.findByText(/Nothing was written: "Budget comparison" is as it was/),
    ).toBeInTheDocument();
    expect(book.formulas("Budget comparison", 0, 0, 20, 10)).toEqual(before);

    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    await answerDialog(question, "Replace it");
    expect(
      await screen.findByText(
        /Budget comparison written\. Totals: .* 1 cell of yours carried to the rows with the same labels\./,
      ),
    ).toBeInTheDocument();
    expect(book.cell("Budget comparison", "A5")?.content).toBe(1101);
    expect(book.cell("Budget comparison", "G5")?.content).toBe("call the agent");
  });

  it("names a label retyped and a formula of the user's over PROD's, and on Replace keeps them as notes with PROD's cells back", async () => {
    const { book } = await savedAndCompared();
    const difference = book.cell("Budget comparison", "E5")?.content;
    expect(String(difference)).toMatch(/^=ROUND\(/);
    book.setCell("Budget comparison", "B5", { kind: "value", content: "Rights (revised)" });
    book.setCell("Budget comparison", "E5", { kind: "formula", content: "=C5*2", result: 2 });

    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    const question =
      /^You typed on it: 1 formula of yours written over PROD's formulas \(=C5\*2 over "Difference: [^"]*" of 1101 Rights \(revised\) \(E5\)\); 1 of PROD's labels or figures retyped \("Rights \(revised\)" over "Description" \(B5\)\)\. /;
    await answerDialog(question, "Replace it");
    expect(
      await screen.findByText(
        /Budget comparison written\. Totals: .* 2 cells you typed over PROD's labels, figures or formulas kept as notes beside their rows, with PROD's own back in their place\./,
      ),
    ).toBeInTheDocument();
    expect(book.cell("Budget comparison", "B5")?.content).toBe("Rights");
    expect(book.cell("Budget comparison", "E5")?.content).toBe(difference);
    expect(book.cell("Budget comparison", "G5")?.content).toMatch(/^You retyped PROD's "Description" \(B5\)/);
    expect(book.cell("Budget comparison", "I5")?.content).toMatch(
      /^You wrote the formula =C5\*2 \(it showed 2\)/,
    );
  });

  it("changes the budget on Enter, not while the user arrows past it (issue 20)", async () => {
    const env = fakeWorkbook();
    await insertFeature(env.port);
    render(<App port={env.port} initialPanel="versions" />);
    const lock = await screen.findByRole("heading", { name: "Lock original totals" }, { timeout: 10_000 });
    const budget = screen.getByRole("combobox", { name: "Budget" });
    // A closed select moves on with the arrow keys, a change event each time.
    fireEvent.keyDown(budget, { key: "ArrowDown" });
    fireEvent.change(budget, { target: { value: "range" } });
    expect(lock).toBeInTheDocument();
    expect(screen.getByText("Press Enter to use this budget.")).toBeInTheDocument();
    fireEvent.keyDown(budget, { key: "Enter" });
    expect(screen.queryByRole("heading", { name: "Lock original totals" })).toBeNull();
  });

  it('writes the comparison to "Budget comparison 2" when the user has a sheet "Budget comparison", and says so', async () => {
    const { book } = await openVersions();
    book.addSheet("Budget comparison", [["My own comparison of bids"]]);
    await userEvent.click(screen.getByRole("button", { name: "Save version" }));
    await screen.findByText(/Saved "Working /);
    await userEvent.click(screen.getByLabelText(/^Working .* \(saved /));
    await userEvent.click(screen.getByText("Compare", { selector: "button" }));
    expect(
      await screen.findByText(
        /^Budget comparison written on a new sheet "Budget comparison 2", because the sheet "Budget comparison" already in the workbook is not PROD's budget comparison \(it was left as it was\)\. Totals: Current \$1,350\.75/,
      ),
    ).toBeInTheDocument();
    expect(book.values("Budget comparison", 0, 0, 2, 2)).toEqual([
      ["My own comparison of bids", ""],
      ["", ""],
    ]);
    expect(book.cell("Budget comparison 2", "A1")?.content).toBe("Budget comparison");
  });
});
