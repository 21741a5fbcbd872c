import "@testing-library/jest-dom";
import userEvent from "@testing-library/user-event";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { BidsPanel } from "../../../src/taskpane/bids/BidsPanel";
import { parseCsv, type SheetFile } from "../../../src/taskpane/files/readFile";
import { webStorageMappingStore, webStorageTermsStore } from "../../../src/taskpane/bids/mappingStore";
import type { KeyValueStorage } from "../../../src/taskpane/shell/columnMemory";
import { PaneContext, type Pane, type Question } from "../../../src/taskpane/shell/PaneContext";
import { PaneShell } from "../../../src/taskpane/shell/PaneShell";
import { ownershipMarkName, type WritePlan } from "../../../src/excel/port";
import { BIDS_OWNER, COMPARISON_KEY } from "../../../src/taskpane/bids/comparisonSheet";
import type { MockBook } from "../../excel/mockExcel";
import { countLinkSyncs, fakeWorkbook } from "../fakePort";

// reference.md 6.5 as two vendors' CSV files; both bill the need "5+5+2" from the schedule.
const FILES: Record<string, string> = {
  "Vendor A.csv": 'Item,Qty,Day Rate,Taxable\nCamera package,1,"$2,500.00",Y\n',
  "Vendor B.csv": 'Item,Qty,Day Rate,Taxable\nCamera Package,1,"$2,200.00",yes\n',
  "Vendor C.csv": "Item,Qty,Day Rate,Taxable\nCamera pkg,1,2100,Y\nDolly,1,call,Y\n",
  "No rate.csv": "Item,Qty,Notes\nCamera package,1,see PDF\n",
  // Bids only a tripod: with it, no vendor bids every item.
  "Vendor D.csv": "Item,Qty,Day Rate,Taxable\nTripod,1,50,Y\n",
  // A semicolon-separated European quote: 1.000 is one thousand, or one?
  "Euro.csv": "Item;Qty;Day rate\nCamera package;1;1.000\n",
  "Headers only.csv": "Item,Qty,Day Rate,Taxable\n",
  // The issue's case: a 0-quantity camera line at a lower rate.
  "Vendor Z.csv": 'Item,Qty,Day Rate,Taxable\nCamera package,0,"$1,800.00",Y\n',
  "Empty.csv": "",
  // Notes, and a vendor's own wording that matches "Camera package" (with a leading tab).
  "Notes A.csv": 'Item,Qty,Day Rate,Notes\nCamera package,1,2500,"Avail. 3/4"\nDolly,1,300,\n',
  "Notes B.csv":
    'Item,Qty,Day Rate,Notes\n"\tCamera pkg",1,2200,"\r=prep day extra"\nDolly,1,280,track extra\n',
};

function memoryStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

async function readFile(file: File): Promise<SheetFile> {
  return { fileName: file.name, sheets: [{ name: file.name, rows: parseCsv(FILES[file.name]) }] };
}

/** The real adapter over the mock Excel, with every plan the pane applied kept for assertions. */
function workbook(sheets: Record<string, (string | number)[][]> = {}) {
  const { book, port, excel } = fakeWorkbook();
  for (const [name, rows] of Object.entries(sheets)) book.addSheet(name, rows);
  const applied: WritePlan[] = [];
  const apply = port.apply.bind(port);
  port.apply = (plan, options) => {
    applied.push(plan);
    return apply(plan, options);
  };
  return { book, port, applied, excel };
}

/** Long work the pane started (the fake runLong keeps each one, so a test can wait for it). */
const running: Promise<unknown>[] = [];

/** Waits, inside act, for every long task the pane started (comparisons run in slices). */
async function settle() {
  await act(async () => {
    while (running.length > 0) await running.shift();
  });
}

/** Clicks Compare bids and waits for the comparison. */
async function compare() {
  fireEvent.click(screen.getByRole("button", { name: "Compare bids" }));
  await settle();
}

/** A cell's stored content, or undefined if blank. */
const content = (book: MockBook, sheet: string, address: string) => book.cell(sheet, address)?.content;

function setup(wb = workbook(), answers: boolean[] = [], storage = memoryStorage()) {
  const { port } = wb;
  const notes: string[] = [];
  const errors: unknown[] = [];
  const questions: Question[] = [];
  const pane: Pane = {
    port,
    showError: (e) => errors.push(e),
    showNote: (m) => notes.push(m),
    showWarning: (m) => notes.push(m),
    clearMessage: () => undefined,
    runLong: (_label, work) => {
      const task = (async () => {
        try {
          return await work({});
        } catch (e) {
          errors.push(e);
          return undefined;
        }
      })();
      running.push(task);
      return task;
    },
    ask: async (q) => {
      questions.push(q);
      return answers.shift() ?? false;
    },
    busy: null,
  };
  const store = webStorageMappingStore(storage);
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <PaneContext.Provider value={pane}>
        <BidsPanel store={store} terms={webStorageTermsStore(storage)} readFile={readFile} />
      </PaneContext.Provider>
    </FluentProvider>,
  );
  return { ...wb, notes, errors, questions, store, view };
}

async function addFile(name: string) {
  const input = screen.getByTestId("bid-file-input");
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(["x"], name)] } });
  });
}

function vendorCard(position: number) {
  return screen.getByRole("region", { name: new RegExp(`^Vendor ${position}:`) });
}

function setField(container: HTMLElement, label: RegExp, value: string) {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}

async function addReferenceVendors() {
  await addFile("Vendor A.csv");
  fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
  await addFile("Vendor B.csv");
  // Same header layout: the mapping is remembered, no second mapping step.
  expect(within(vendorCard(2)).getByText(/1 line read with the columns you chose/)).toBeInTheDocument();
  const a = vendorCard(1);
  setField(a, /Week convention/, "3");
  setField(a, /Discount %/, "10");
  setField(a, /Sales tax %/, "9.5");
  setField(a, /Delivery \$/, "$600");
  const b = vendorCard(2);
  setField(b, /Week convention/, "4");
  setField(b, /Discount %/, "15%");
  setField(b, /Sales tax %/, "9.5%");
  fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "5+5+2" } });
}

describe("Bids panel", () => {
  it("compares the reference bids: A lands at $20,310.00, B at $20,476.50", async () => {
    const { errors } = setup();
    await addReferenceVendors();
    await compare();
    expect(errors).toEqual([]);
    const totals = screen.getByRole("table", { name: "Vendor totals" });
    expect(within(totals).getByText("$20,310.00")).toBeInTheDocument();
    expect(within(totals).getByText("$20,476.50")).toBeInTheDocument();
    expect(screen.getByText("Best single vendor: Vendor A, $20,310.00.")).toBeInTheDocument();
    // The result takes the focus (issue 20): a keyboard or screen-reader user is taken to it.
    expect(screen.getByRole("region", { name: "Comparison" })).toHaveFocus();
  });

  it("names each control by its label, and a click on the label focuses the control (issue 20)", async () => {
    const { view } = setup();
    await addFile("Vendor A.csv");
    const labels = [...view.container.querySelectorAll("label")];
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) {
      const control = document.getElementById(label.htmlFor);
      expect(control).not.toBeNull();
      await userEvent.click(label);
      expect(control).toHaveFocus();
    }
  });

  it("keeps a keyboard user's place when the button pressed goes away (issue 20)", async () => {
    setup();
    await addFile("Vendor A.csv");
    const card = vendorCard(1);
    // "Use these columns" gives way to "Change columns", which takes the focus.
    await userEvent.click(within(card).getByRole("button", { name: "Use these columns" }));
    expect(within(card).getByRole("button", { name: "Change columns" })).toHaveFocus();
    // And back: the first column's drop-down takes it.
    await userEvent.click(within(card).getByRole("button", { name: "Change columns" }));
    expect(within(card).getByLabelText(/^Item/)).toHaveFocus();
    await addFile("Euro.csv");
    // Answering how the file writes amounts: the columns, now open to choose, take the focus.
    await userEvent.click(
      within(vendorCard(2)).getByRole("button", { name: "1.234,56 (1.000 is one thousand)" }),
    );
    expect(within(vendorCard(2)).getByLabelText(/^Item/)).toHaveFocus();
    // Removing a vendor: the focus goes to adding one.
    await userEvent.click(within(vendorCard(2)).getByRole("button", { name: /^Remove / }));
    expect(screen.getByRole("button", { name: "Add bid from a file…" })).toHaveFocus();
  });

  it("shows each vendor's notes per item, and its own wording where the item was matched, exactly", async () => {
    setup();
    await addFile("Notes A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Notes B.csv");
    fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "1" } });
    await compare();
    const words = screen.getByRole("region", { name: "Vendors' wording and notes" });
    const items = within(words).getAllByRole("listitem");
    // textContent keeps the tab and carriage return as written in the file.
    expect(items.map((li) => li.textContent)).toEqual([
      "Camera packageNotes A. Notes: Avail. 3/4Notes B, as written: “\tCamera pkg”. Notes: \r=prep day extra",
      "Notes A. Notes: Avail. 3/4",
      "Notes B, as written: “\tCamera pkg”. Notes: \r=prep day extra",
      "DollyNotes B. Notes: track extra",
      "Notes B. Notes: track extra",
    ]);
  });

  it("waits for the Day rate column when a file has none", async () => {
    setup();
    await addFile("No rate.csv");
    const button = within(vendorCard(1)).getByRole("button", { name: "Pick the Day rate column" });
    expect(button).toBeDisabled();
    expect(screen.getByRole("button", { name: "Add two vendors to compare" })).toBeDisabled();
  });

  it("says an empty file has nothing to read", async () => {
    setup();
    await addFile("Empty.csv");
    expect(within(vendorCard(1)).getByText(/The file is empty|is empty/)).toBeInTheDocument();
  });

  it('lists rows left out, and matches "Camera pkg" with "Camera package" by itself', async () => {
    setup();
    await addFile("Vendor A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Vendor C.csv");
    expect(
      within(vendorCard(2)).getByText('Row 3, "Dolly": the day rate "call" is not a number.'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "5+5+2" } });
    await compare();
    // "Camera pkg" normalizes to "camera package": it matches A's line without help.
    expect(screen.queryByRole("region", { name: "Items not bid by every vendor" })).toBeNull();
  });

  it("re-matches two rows by hand and can undo it", async () => {
    const wb = workbook({
      Bids: [
        ["Item", "Day rate", "", "Item", "Day rate"],
        ["Fisher 10 dolly", 300, "", "Fisher #10", 280],
      ],
    });
    wb.book.tables.push(
      { name: "AcmeBid", sheet: "Bids", address: "A1:B2" },
      { name: "BetaBid", sheet: "Bids", address: "D1:E2" },
    );
    setup(wb);
    const tableSelect = await screen.findByLabelText("Or from a table");
    for (const name of ["AcmeBid", "BetaBid"]) {
      fireEvent.change(tableSelect, { target: { value: name } });
      await act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Add bid from table" }));
      });
    }
    // Both tables were added before either mapping was confirmed: each waits for its own.
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    fireEvent.click(within(vendorCard(2)).getByRole("button", { name: "Use these columns" }));
    fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "1" } });
    await compare();
    const review = screen.getByRole("region", { name: "Items not bid by every vendor" });
    const sameAs = within(review).getByLabelText(/Fisher #10 \(bid by BetaBid\)/);
    // Arrowing through the list matches nothing (issue 20): Enter does.
    fireEvent.keyDown(sameAs, { key: "ArrowDown" });
    fireEvent.change(sameAs, { target: { value: "fisher 10 dolly" } });
    await settle();
    expect(within(review).getByText("Press Enter to match them.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Items not bid by every vendor" })).toBeInTheDocument();
    fireEvent.keyDown(sameAs, { key: "Enter" });
    await settle();
    expect(screen.queryByRole("region", { name: "Items not bid by every vendor" })).toBeNull();
    expect(screen.getByText(/Best single vendor: BetaBid, \$280.00/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Undo my matches" }));
    await settle();
    expect(
      screen.getByText("No vendor bid every item, so there is no single-vendor award."),
    ).toBeInTheDocument();
  });

  it("writes its own comparison sheet, replaces only it on a re-run, and leaves the user's sheet alone", async () => {
    const { book, applied, notes } = setup(workbook({ "Bid comparison": [["my notes"]] }));
    await addReferenceVendors();
    await compare();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    expect(applied[0].sheets[0]).toMatchObject({ name: "Bid comparison 2", mode: "create" });
    expect(content(book, "Bid comparison", "A1")).toBe("my notes");
    expect(content(book, "Bid comparison 2", "A6")).toBe("Camera package");
    expect(content(book, "Bid comparison 2", "B6")).toBe(19710);
    expect(notes[notes.length - 1]).toMatch(/"Bid comparison 2"/);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    expect(applied[1].sheets[0]).toMatchObject({ name: "Bid comparison 2", mode: "replaceOwned" });
    expect(book.sheets.map((sh) => sh.name)).toEqual(["Bid comparison", "Bid comparison 2"]);
    expect(content(book, "Bid comparison", "A1")).toBe("my notes");
  });

  it("asks before taking back its comparison after the user deleted its hidden mark: no writes nothing, yes re-marks and updates it with the user's notes", async () => {
    const { book, applied, notes, questions } = setup(workbook(), [false, true]);
    await addReferenceVendors();
    await compare();
    const write = () =>
      act(async () => {
        fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
      });
    await write();
    const mark = ownershipMarkName(BIDS_OWNER, COMPARISON_KEY);
    expect(book.names.find((n) => n.name === mark)).toMatchObject({ visible: false });
    // The user types a note on the sheet, then a macro or a name tool deletes the hidden mark.
    expect(content(book, "Bid comparison", "H5")).toBe("Your notes (kept when run again)");
    book.write("Bid comparison", 5, 7, "Ask A about the lens set");
    book.names = book.names.filter((n) => n.name !== mark);
    const cells = () => [...book.sheet("Bid comparison").cells].map(([at, cell]) => [at, { ...cell }]);
    const before = cells();

    await write();
    expect(questions[0]).toMatchObject({ title: 'Replace "Bid comparison"?' });
    expect(questions[0].message).toMatch(
      /^"Bid comparison" looks like a bid comparison PROD made, but the hidden mark .* is gone .* keeps your notes/,
    );
    expect(applied).toHaveLength(1);
    expect(cells()).toEqual(before);
    expect(book.names.some((n) => n.name === mark)).toBe(false);
    expect(notes[notes.length - 1]).toBe(
      'Nothing was written: "Bid comparison" is as it was. If it is your own sheet, rename it, and PROD writes its comparison on a sheet of its own.',
    );

    await write();
    expect(questions).toHaveLength(2);
    expect(applied[1].sheets[0]).toMatchObject({ name: "Bid comparison", mode: "reclaim" });
    // Updated in place (no "Bid comparison 2"), the note kept on its item, and PROD's again.
    expect(book.sheets.map((sh) => sh.name)).toEqual(["Bid comparison"]);
    expect(content(book, "Bid comparison", "A6")).toBe("Camera package");
    expect(content(book, "Bid comparison", "H6")).toBe("Ask A about the lens set");
    expect(book.names.find((n) => n.name === mark)).toMatchObject({
      formula: "='Bid comparison'!$A$1",
      visible: false,
    });
    expect(notes[notes.length - 1]).toMatch(/Your notes \(1\) are kept with their items/);
    // From then on it is replaced by its mark, without a question.
    await write();
    expect(questions).toHaveLength(2);
    expect(applied[2].sheets[0]).toMatchObject({ name: "Bid comparison", mode: "replaceOwned" });
  });

  it("never takes a look-alike sheet of the user's: a sheet with PROD's headings but another title is left alone", async () => {
    const heading = ["Item", "Vendor A", "Vendor B", "Lowest", "Split award", "Check", "Vendors' notes"];
    const { book, applied, questions } = setup(
      workbook({ "Bid comparison": [["Our bids"], [], [], ["Award totals"], heading] }),
    );
    await addReferenceVendors();
    await compare();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    expect(questions).toEqual([]);
    expect(applied[0].sheets[0]).toMatchObject({ name: "Bid comparison 2", mode: "create" });
    expect(content(book, "Bid comparison", "A1")).toBe("Our bids");
  });

  it("asks before writing the award into a budget cell, and a no writes nothing", async () => {
    const wb = workbook({
      Budget: [
        ["Acct", "Rate"],
        ["2501", "old figure"],
      ],
    });
    wb.book.selection = { sheet: "Budget", address: "B2" };
    const { questions, applied, book } = setup(wb, [false]);
    await addReferenceVendors();
    await compare();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write award into the selected cell…" }));
    });
    expect(questions[0].message).toBe(
      "Budget!B2 is the Rate of its budget line, so the award is the line's total there. Write $20,310.00 (split award: Vendor A) into Budget!B2 as a number? The comparison sheet is not kept for these results, so the cell cannot link to it; write the comparison sheet first to link it instead. That cell is not empty: what is in it now will be replaced.",
    );
    expect(applied).toEqual([]);
    expect(content(book, "Budget", "B2")).toBe("old figure");
  });

  it("writes the chosen award as a number after a yes", async () => {
    const wb = workbook({
      Budget: [
        ["Acct", "Rate"],
        ["2501", ""],
      ],
    });
    wb.book.selection = { sheet: "Budget", address: "B2" };
    const { questions, notes, applied, book } = setup(wb, [true]);
    await addReferenceVendors();
    await compare();
    fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write award into the selected cell…" }));
    });
    expect(questions[0].confirmLabel).toBe("Write it");
    // An empty cell loses nothing: the dialog opens on the answer that writes.
    expect(questions[0].destructive).toBe(false);
    await waitFor(() => expect(content(book, "Budget", "B2")).toBe(20310));
    expect(book.cell("Budget", "B2")?.format).toBe("#,##0.00_);(#,##0.00)");
    expect(applied[0].sheets[0]).toMatchObject({ name: "Budget", mode: "existing" });
    expect(notes[notes.length - 1]).toBe("$20,310.00 is in Budget!B2.");
  });

  it("will not write an award over a range of cells", async () => {
    const wb = workbook({ Budget: [] });
    wb.book.selection = { sheet: "Budget", address: "B2:C5" };
    const { questions, notes, applied } = setup(wb, [true]);
    await addReferenceVendors();
    await compare();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write award into the selected cell…" }));
    });
    expect(questions).toEqual([]);
    expect(applied).toEqual([]);
    expect(notes[notes.length - 1]).toMatch(/Select the one budget cell/);
  });

  // Issue 20: what to type, on the field, in words a production user reads (not the engine's
  // 'Vendor A: discount must be a number, got "ten"'); Compare waits for it.
  it.each([
    [/Discount %/, "ten", "Type the discount as a percent from 0 to 100, for example 10 or 10%."],
    [/Discount %/, "120%", "Type the discount as a percent from 0 to 100, for example 10 or 10%."],
    [/Sales tax %/, "-1", "Type the sales tax as a percent, 0 or more, for example 9.5 or 9.5%."],
    [
      /Delivery \$/,
      "six hundred",
      "Type the delivery charge in dollars, 0 or more, for example 600 or $600.00, or N/C.",
    ],
  ])("says on the field what to type when %s is %p, and does not compare", async (label, typed, words) => {
    const { errors } = setup();
    await addReferenceVendors();
    setField(vendorCard(1), label, typed);
    const field = within(vendorCard(1)).getByLabelText(label);
    expect(field).toHaveAccessibleDescription(expect.stringContaining(words));
    expect(field).toBeInvalid();
    expect(screen.getByRole("button", { name: "Correct the figures marked above" })).toBeDisabled();
    setField(vendorCard(1), label, "");
    expect(field).toBeValid();
    expect(screen.getByRole("button", { name: "Compare bids" })).toBeEnabled();
    expect(errors).toEqual([]);
  });

  it("takes N/C as no delivery charge, and says what to type for days it cannot read", async () => {
    setup();
    await addReferenceVendors();
    setField(vendorCard(1), /Delivery \$/, "N/C");
    expect(within(vendorCard(1)).getByLabelText(/Delivery \$/)).toBeValid();
    const days = screen.getByLabelText(/Days used each week/);
    fireEvent.change(days, { target: { value: "five weeks" } });
    expect(days).toHaveAccessibleDescription(
      expect.stringContaining(
        "Type the days as a number, for example 12, or the days of each week, for example 5+5+2.",
      ),
    );
    expect(screen.getByRole("button", { name: "Correct the figures marked above" })).toBeDisabled();
  });
});

describe("Bids panel: keeping a matched row apart", () => {
  it("keeps two vendors' items apart when the user says they are not the same", async () => {
    FILES["Two dollies.csv"] = "Item,Qty,Days,Day rate\nDolly,2,3,300\n";
    FILES["One dolly.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,250\n";
    setup();
    await addFile("Two dollies.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("One dolly.csv");
    await compare();
    const review = screen.getByRole("region", { name: "Items matched across vendors" });
    expect(within(review).getByLabelText("Matched item")).toHaveDisplayValue(
      "Dolly (quantities or days differ)",
    );
    fireEvent.click(within(review).getByRole("button", { name: "Not the same item: keep apart" }));
    await settle();
    expect(screen.queryByRole("region", { name: "Items matched across vendors" })).toBeNull();
    // Now each vendor misses the other's dolly: no single award, both rows listed for matching.
    expect(
      screen.getByText("No vendor bid every item, so there is no single-vendor award."),
    ).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Items not bid by every vendor" })).toBeInTheDocument();
  });

  it("offers it for a row the vendors quoted alike, too, and keeps only the row picked apart", async () => {
    FILES["Grip A.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,300\nApple box,4,3,5\n";
    FILES["Grip B.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,250\nApple boxes,4,3,6\n";
    setup();
    await addFile("Grip A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Grip B.csv");
    await compare();
    const review = screen.getByRole("region", { name: "Items matched across vendors" });
    const picker = within(review).getByLabelText("Matched item");
    expect(
      within(picker)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Dolly", "Apple box"]);
    fireEvent.change(picker, { target: { value: "apple box" } });
    fireEvent.click(within(review).getByRole("button", { name: "Not the same item: keep apart" }));
    await settle();
    const after = screen.getByRole("region", { name: "Items matched across vendors" });
    expect(
      within(within(after).getByLabelText("Matched item"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Dolly"]);
    const missing = screen.getByRole("region", { name: "Items not bid by every vendor" });
    expect(within(missing).getByLabelText(/Apple box \(bid by Grip A\)/)).toBeInTheDocument();
    expect(within(missing).getByLabelText(/Apple boxes \(bid by Grip B\)/)).toBeInTheDocument();
  });
});

// Issue 17: terms are remembered per vendor name, and two vendors cannot share one name.
describe("Bids panel: each vendor's terms, by its name", () => {
  it("fills a vendor's terms as last compared under its name, and says so", async () => {
    const storage = memoryStorage();
    const first = setup(workbook(), [], storage);
    await addReferenceVendors();
    await compare();
    first.view.unmount();
    setup(workbook(), [], storage);
    await addFile("Vendor B.csv");
    const b = vendorCard(1);
    expect(within(b).getByLabelText(/Week convention/)).toHaveValue("4");
    expect(within(b).getByLabelText(/Discount %/)).toHaveValue("15%");
    expect(within(b).getByLabelText(/Sales tax %/)).toHaveValue("9.5%");
    expect(within(b).getByText('Terms as last compared for "Vendor B".')).toBeInTheDocument();
    // Renamed to a vendor with remembered terms, untouched terms take that vendor's.
    await addFile("Vendor D.csv");
    fireEvent.change(within(vendorCard(2)).getByLabelText("Vendor 2 name"), {
      target: { value: "vendor a" },
    });
    expect(within(vendorCard(2)).getByLabelText(/Delivery \$/)).toHaveValue("$600");
    // Terms the user typed are never replaced by a rename.
    setField(vendorCard(2), /Delivery \$/, "700");
    fireEvent.change(within(vendorCard(2)).getByLabelText("Vendor 2 name"), {
      target: { value: "Vendor B" },
    });
    expect(within(vendorCard(2)).getByLabelText(/Delivery \$/)).toHaveValue("700");
  });

  it("refuses a name another vendor has, in words at the field, and will not compare until it is changed", async () => {
    setup();
    await addFile("Vendor A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Vendor A.csv");
    const name = within(vendorCard(2)).getByLabelText("Vendor 2 name");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(
      within(vendorCard(2)).getByText(
        'Vendor 1 is already called "Vendor A": give each vendor its own name, so its terms and figures stay its own.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Give each vendor its own name" })).toBeDisabled();
    fireEvent.change(name, { target: { value: " VENDOR  a " } });
    expect(screen.getByRole("button", { name: "Give each vendor its own name" })).toBeDisabled();
    fireEvent.change(name, { target: { value: "Vendor A (2nd quote)" } });
    expect(name).not.toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("button", { name: "Compare bids" })).toBeEnabled();
  });
});

describe("Bids panel: a schedule sent as one days column per week", () => {
  it("maps Week 1/2/3 days directly, bills them week by week, and remembers them for the next file", async () => {
    // reference.md 6.5 again, with the weeks in the files instead of the pane's schedule.
    FILES["Weeks A.csv"] =
      'Item,Qty,Week 1 days,Week 2 days,Week 3 days,Day Rate\nCamera package,1,5,5,2,"$2,500.00"\n';
    FILES["Weeks B.csv"] =
      'Item,Qty,Week 1 days,Week 2 days,Week 3 days,Day Rate\nCamera package,1,5,5,2,"$2,200.00"\n';
    const { errors } = setup();
    await addFile("Weeks A.csv");
    expect(within(vendorCard(1)).getByLabelText("Days")).toHaveDisplayValue(
      "Days in each week: C, D, E (Week 1 days, Week 2 days, Week 3 days)",
    );
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Weeks B.csv");
    expect(within(vendorCard(2)).getByText(/1 line read with the columns you chose/)).toBeInTheDocument();
    setField(vendorCard(1), /Week convention/, "3");
    setField(vendorCard(1), /Discount %/, "10");
    setField(vendorCard(1), /Delivery \$/, "600");
    setField(vendorCard(2), /Week convention/, "4");
    setField(vendorCard(2), /Discount %/, "15");
    await compare();
    expect(errors).toEqual([]);
    const totals = screen.getByRole("table", { name: "Vendor totals" });
    // No tax here: A 18,000 + 600 delivery; B 18,700.
    expect(within(totals).getByText("$18,600.00")).toBeInTheDocument();
    expect(within(totals).getByText("$18,700.00")).toBeInTheDocument();
  });

  it("lets the user pick a single column instead", async () => {
    FILES["Weeks C.csv"] = "Item,Days,Week 1,Week 2,Rate\nDolly,9,5,4,300\n";
    setup();
    await addFile("Weeks C.csv");
    const days = within(vendorCard(1)).getByLabelText("Days");
    // A Days column of its own is the vendor's total: it is the guess; the weeks are offered.
    expect(days).toHaveDisplayValue("B: Days");
    fireEvent.change(days, { target: { value: "weeks" } });
    expect(days).toHaveDisplayValue("Days in each week: C, D (Week 1, Week 2)");
  });
});

describe("Bids panel: keeping only the chosen vendor's line apart", () => {
  it("splits off only the vendor picked, and the other vendors stay matched", async () => {
    FILES["Dolly A.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,300\n";
    FILES["Dolly B.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,250\n";
    FILES["Dolly C.csv"] = "Item,Qty,Days,Day rate\nDolly,1,3,275\n";
    setup();
    await addFile("Dolly A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Dolly B.csv");
    await addFile("Dolly C.csv");
    await compare();
    const review = screen.getByRole("region", { name: "Items matched across vendors" });
    const whose = within(review).getByLabelText("Whose line");
    expect(
      within(whose)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Dolly A", "Dolly B", "Dolly C"]);
    fireEvent.change(whose, { target: { value: "v3" } });
    fireEvent.click(within(review).getByRole("button", { name: "Not the same item: keep apart" }));
    await settle();
    // A and B still share the Dolly row; only C's dolly stands on its own.
    const missing = screen.getByRole("region", { name: "Items not bid by every vendor" });
    expect(within(missing).getByLabelText(/^Dolly \(bid by Dolly A, Dolly B\)/)).toBeInTheDocument();
    expect(within(missing).getByLabelText(/^Dolly \(bid by Dolly C\)/)).toBeInTheDocument();
  });
});

describe("Bids panel: a long comparison in the real shell", () => {
  it("shows its progress, and a Cancel mid-way shows Cancelled with nothing written or shown", async () => {
    const wb = workbook({ Budget: [["Acct", "Rate"]] });
    // Each slice ends after one step, and the pause waits for the test: the run is caught mid-way.
    let clock = 0;
    let release: (() => void) | undefined;
    const pacing = {
      sliceMs: 1,
      now: () => clock++,
      pause: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    };
    const store = webStorageMappingStore(memoryStorage());
    const Bids = () => <BidsPanel store={store} readFile={readFile} pacing={pacing} />;
    render(
      <FluentProvider theme={webLightTheme}>
        <PaneShell
          port={wb.port}
          initialPanel="bids"
          panels={[{ id: "bids", label: "Bids", Component: Bids }]}
        />
      </FluentProvider>,
    );
    await addReferenceVendors();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Compare bids" }));
    });
    expect(
      await screen.findByRole("progressbar", { name: "Comparing the bids: Matching items" }),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await act(async () => release?.());
    expect(await screen.findByText("Cancelled")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("region", { name: "Comparison" })).toBeNull();
    expect(wb.applied).toEqual([]);
    expect(wb.book.sheets.map((s) => s.name)).toEqual(["Budget"]);
  });
});

describe("Bids panel: the award as a live link to the comparison sheet", () => {
  /** The reference bids compared, the comparison sheet written, and Budget!B2 selected. */
  async function comparedAndWritten(answers: boolean[], budget: (string | number)[][] = [["Acct", "Rate"]]) {
    const wb = workbook({ Budget: budget });
    wb.book.selection = { sheet: "Budget", address: "B2" };
    const ctx = setup(wb, answers);
    await addReferenceVendors();
    await compare();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    return ctx;
  }

  /** Excel row (1-based) of a label in column A of the comparison sheet. */
  function rowOf(book: MockBook, label: string): number {
    for (let r = 1; r < 200; r++) if (content(book, "Bid comparison", `A${r}`) === label) return r;
    throw new Error(`no "${label}" row`);
  }

  async function writeAward() {
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write award into the selected cell…" }));
    });
    await settle();
  }

  it.each([
    ["split", "Best split award"],
    ["single", "Best single vendor"],
  ])(
    "links the budget cell to the %s award's total on the comparison sheet after a yes",
    async (choice, label) => {
      const { book, questions, notes } = await comparedAndWritten([true]);
      if (choice === "single") fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
      await writeAward();
      const row = rowOf(book, label);
      expect(questions[0].confirmLabel).toBe("Link it");
      expect(questions[0].message).toMatch(
        /^Budget!B2 is the Rate of its budget line, so the award is the line's total there\. Link Budget!B2 to the .* total on the sheet "Bid comparison" \(\$20,310\.00 now\)/,
      );
      // The link points at the sheet's fixed award total (row 4), which follows the award's row.
      const anchor = choice === "single" ? "E4" : "C4";
      expect(book.cell("Budget", "B2")).toMatchObject({
        kind: "formula",
        content: `='Bid comparison'!$${anchor[0]}$4`,
      });
      expect(book.cell("Bid comparison", anchor)).toMatchObject({ kind: "formula", content: `=$C$${row}` });
      expect(content(book, "Bid comparison", `C${row}`)).toBe(20310);
      expect(book.cell("Budget", "B2")?.format).toBe("#,##0.00_);(#,##0.00)");
      expect(notes[notes.length - 1]).toBe(
        `Budget!B2 now shows the ${choice === "single" ? "single-vendor award" : "split award"}: Vendor A total from "Bid comparison" ($20,310.00).`,
      );
    },
  );

  it("still says when the cell is not empty, and a no leaves it as it was", async () => {
    const { book, questions, applied } = await comparedAndWritten(
      [false],
      [
        ["Acct", "Rate"],
        ["2501", 18000],
      ],
    );
    await writeAward();
    expect(questions[0].message).toMatch(/That cell is not empty: what is in it now will be replaced\.$/);
    expect(questions[0].confirmLabel).toBe("Replace it");
    // What is in the cell would be lost: the dialog opens on Cancel (issue 20).
    expect(questions[0].destructive).toBe(true);
    expect(applied).toHaveLength(1); // the comparison sheet only
    expect(content(book, "Budget", "B2")).toBe(18000);
  });

  it("writes a plain number when the sheet shows older results (a re-match since)", async () => {
    const { book, questions } = await comparedAndWritten([true]);
    fireEvent.click(screen.getByRole("button", { name: "Not the same item: keep apart" }));
    await settle();
    await writeAward();
    expect(questions[0].confirmLabel).toBe("Write it");
    expect(questions[0].message).toMatch(/as a number\? The comparison sheet is not kept for these results/);
    // Kept apart, each vendor's camera is its own item: the split award takes both.
    expect(book.cell("Budget", "B2")).toMatchObject({ kind: "value", content: 40786.5 });
  });

  it("writes a plain number when the user deleted the comparison sheet", async () => {
    const { book, questions } = await comparedAndWritten([true]);
    book.sheets = book.sheets.filter((s) => s.name !== "Bid comparison");
    await writeAward();
    expect(questions[0].message).toMatch(/as a number\?/);
    expect(book.cell("Budget", "B2")).toMatchObject({ kind: "value", content: 20310 });
  });

  it("asks before a re-run with no single award breaks a budget cell linked to it, and shows the split award there after a yes", async () => {
    const { book, questions, notes } = await comparedAndWritten([true, true]);
    fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
    await writeAward();
    expect(book.cell("Budget", "B2")).toMatchObject({ kind: "formula", content: "='Bid comparison'!$E$4" });
    expect(content(book, "Bid comparison", "G4")).toBe("'Budget'!$B$2 (single)");

    await addFile("Vendor D.csv");
    await compare();
    expect(
      screen.getByText("No vendor bid every item, so there is no single-vendor award."),
    ).toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    await settle();
    expect(questions[1]).toMatchObject({
      title: "No single-vendor award this time",
      confirmLabel: "Show the split award there",
    });
    expect(questions[1].message).toMatch(
      // The mock Excel gives a formula's text, not its value, so the figure is not quoted here.
      /'Budget'!\$B\$2 links to it on "Bid comparison" and would show #VALUE!, breaking the budget's totals\. Show the split award \(\$20,910\.00\) in its place/,
    );
    // The single award's cell now holds the split award's total: a number, never "none".
    const splitRow = rowOf(book, "Best split award");
    expect(book.cell("Bid comparison", "E4")).toMatchObject({ kind: "formula", content: `=$C$${splitRow}` });
    expect(content(book, "Bid comparison", `C${splitRow}`)).toEqual(expect.any(Number));
    expect(content(book, "Bid comparison", "D4")).toBe("Best single: none, split shown");
    // The link record is carried into the new sheet.
    expect(content(book, "Bid comparison", "G4")).toBe("'Budget'!$B$2 (single)");
    expect(notes[notes.length - 1]).toMatch(
      /Budget cells linked to its totals: 'Budget'!\$B\$2 \(split, in place of the single award\)/,
    );
  });

  it("writes nothing when the user cancels that question", async () => {
    const { book, questions, notes, applied } = await comparedAndWritten([true, false]);
    fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
    await writeAward();
    await addFile("Vendor D.csv");
    await compare();
    const before = applied.length;
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    await settle();
    expect(questions).toHaveLength(2);
    expect(applied).toHaveLength(before);
    expect(content(book, "Bid comparison", "D4")).toBe("Best single");
    expect(notes[notes.length - 1]).toBe(
      'Nothing was written: "Bid comparison" and the budget are as they were.',
    );
  });

  /** Waits for the pane's work that goes on after a click's act (its reads and question). */
  const eventually = (check: () => void) => waitFor(check, { timeout: 10_000 });

  /** Clicks Write comparison sheet again, after the first write. */
  async function writeAgain() {
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Write comparison sheet" }));
    });
    await settle();
  }

  it("names the user's own formulas into its old sheet before a re-run replaces it; Cancel writes nothing (issue 21)", async () => {
    const { book, questions, notes, applied } = await comparedAndWritten([true, false, true]);
    // PROD's own award link is kept in place: only the user's cells are asked about.
    fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
    await writeAward();
    await eventually(() => expect(content(book, "Bid comparison", "G4")).toBe("'Budget'!$B$2 (single)"));
    book.setCell("Budget", "C2", { kind: "formula", content: "='Bid comparison'!C6" });
    book.setCell("Budget", "C3", { kind: "formula", content: "='Bid comparison'!C7*2" });
    book.addSheet("Notes");
    book.setCell("Notes", "A1", { kind: "formula", content: "=SUM('Bid comparison'!B6:B9)" });
    const before = applied.length;
    const sheetBefore = JSON.stringify([...book.sheet("Bid comparison").cells]);
    await writeAgain();
    await eventually(() =>
      expect(notes[notes.length - 1]).toBe('Nothing was written: "Bid comparison" is as it was.'),
    );
    expect(questions).toHaveLength(2);
    expect(questions[1]).toMatchObject({ title: 'Replace "Bid comparison"?', confirmLabel: "Replace it" });
    expect(questions[1].message).toBe(
      `Formulas in 3 cells elsewhere (Budget!C2:C3, Notes!A1) refer to "Bid comparison". After the replace they point at the same cells, which may then hold other figures. Replace it anyway? Cancel writes nothing.`,
    );
    expect(applied).toHaveLength(before);
    expect(JSON.stringify([...book.sheet("Bid comparison").cells])).toBe(sheetBefore);
    // A yes replaces it.
    await writeAgain();
    await eventually(() => expect(applied).toHaveLength(before + 1));
    expect(applied[before].sheets[0]).toMatchObject({ name: "Bid comparison", mode: "replaceOwned" });
  });

  it("asks nothing more on a re-run when only PROD's own award link refers to the sheet", async () => {
    const { book, port, excel, questions, applied } = await comparedAndWritten([true]);
    await writeAward();
    await eventually(() => expect(content(book, "Bid comparison", "G4")).toBe("'Budget'!$B$2 (split)"));
    // The syncs the check for links adds to the re-run.
    const linkSyncs = countLinkSyncs(port, excel);
    const before = applied.length;
    await writeAgain();
    await eventually(() => expect(applied).toHaveLength(before + 1));
    expect(questions).toHaveLength(1); // the award's question only
    expect(linkSyncs).toEqual([1]);
  });

  it("names the user's formulas in the one question it asks already (no single award this time)", async () => {
    const { book, questions, notes, applied } = await comparedAndWritten([true, false]);
    fireEvent.click(screen.getByRole("radio", { name: /Single vendor/ }));
    await writeAward();
    // The award's link is on record before the re-run (PROD's own: never named as the user's).
    await eventually(() => expect(content(book, "Bid comparison", "G4")).toBe("'Budget'!$B$2 (single)"));
    book.setCell("Budget", "C2", { kind: "formula", content: "='Bid comparison'!C6" });
    await addFile("Vendor D.csv");
    await compare();
    const before = applied.length;
    await writeAgain();
    await eventually(() =>
      expect(notes[notes.length - 1]).toBe(
        'Nothing was written: "Bid comparison" and the budget are as they were.',
      ),
    );
    expect(questions).toHaveLength(2);
    expect(questions[1].title).toBe("No single-vendor award this time");
    expect(questions[1].message).toMatch(
      /breaking the budget's totals\. The formula in Budget!C2 refers to "Bid comparison"\. After the replace it points at the same cells, which may then hold other figures\. Show the split award/,
    );
    expect(applied).toHaveLength(before);
  });

  it("says what a Rate cell means on a 6-week line, and writes the award as the rate with Amount 1 and X 1", async () => {
    const { book, questions, notes } = await comparedAndWritten(
      [true],
      [
        ["Acct", "Description", "Amount", "Units", "X", "Rate", "Subtotal", "Total"],
        ["5100", "Camera package", 6, "Week", 1, 3000, 18000, 18000],
      ],
    );
    book.selection = { sheet: "Budget", address: "F2" };
    await writeAward();
    expect(questions[0].message).toMatch(
      /^Budget!F2 is the Rate of its budget line: the line multiplies it by 6 \(Amount x X\), so \$20,310\.00 would count as \$121,860\.00\. An award is the line's total: it goes in the line's Total, or in its Rate with Amount 1 and X 1\. Put it in F2 and set C2 and E2 to 1 instead\?/,
    );
    expect(questions[0].confirmLabel).toBe("Write into F2");
    expect(content(book, "Budget", "C2")).toBe(1);
    expect(content(book, "Budget", "E2")).toBe(1);
    expect(book.cell("Budget", "F2")).toMatchObject({ kind: "formula", content: "='Bid comparison'!$C$4" });
    expect(notes[notes.length - 1]).toMatch(/^Budget!F2 now shows the split award/);
  });

  it("offers the line's Rate when the Amount cell is chosen", async () => {
    const { book, questions } = await comparedAndWritten(
      [false],
      [
        ["Acct", "Description", "Amount", "Units", "X", "Rate", "Subtotal", "Total"],
        ["5100", "Camera package", 6, "Week", 1, 3000, 18000, 18000],
      ],
    );
    book.selection = { sheet: "Budget", address: "C2" };
    await writeAward();
    expect(questions[0].message).toMatch(
      /^Budget!C2 is the Amount of its budget line\. An award is the line's total/,
    );
    expect(questions[0].confirmLabel).toBe("Write into F2");
    expect(content(book, "Budget", "C2")).toBe(6);
  });
});

describe("Bids panel: a line that does not supply the item", () => {
  it("shows a 0-quantity camera line as an incomplete bid, never the lowest", async () => {
    setup();
    await addFile("Vendor A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Vendor Z.csv");
    fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "5+5+2" } });
    await compare();
    expect(screen.getByText("Best single vendor: Vendor A, $30,000.00.")).toBeInTheDocument();
    const totals = screen.getByRole("table", { name: "Vendor totals" });
    expect(within(totals).getByText("0 of 1, 1 incomplete")).toBeInTheDocument();
    expect(
      screen.getByText(
        'Vendor Z\'s bid for "Camera package" is incomplete (quantity 0): it is not counted as a bid for it.',
      ),
    ).toBeInTheDocument();
  });
});

describe("Bids panel: a European file", () => {
  it("asks how the file writes amounts before reading 1.000, and reads it as one thousand after the answer", async () => {
    setup();
    await addFile("Vendor A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Euro.csv");
    const euro = vendorCard(2);
    expect(within(euro).getByText("How does this file write amounts?")).toBeInTheDocument();
    expect(within(euro).getByText(/"1\.000" \(row 2\): one thousand, or one\?/)).toBeInTheDocument();
    // Nothing is read until the user answers: the vendor cannot be compared yet.
    expect(within(euro).getByRole("button", { name: "Use these columns" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Add two vendors to compare" })).toBeDisabled();
    fireEvent.click(within(euro).getByRole("button", { name: "1.234,56 (1.000 is one thousand)" }));
    expect(within(euro).queryByText("How does this file write amounts?")).toBeNull();
    fireEvent.click(within(euro).getByRole("button", { name: "Use these columns" }));
    fireEvent.change(screen.getByLabelText(/Days used each week/), { target: { value: "5+5+2" } });
    await compare();
    // 12 days x 1,000 = 12,000 (not 12 x $1.00), against A's 12 x 2,500.
    const totals = screen.getByRole("table", { name: "Vendor totals" });
    expect(within(totals).getByText("$12,000.00")).toBeInTheDocument();
    expect(within(totals).getByText("$30,000.00")).toBeInTheDocument();
  });

  it("warns when a file has headings and no lines", async () => {
    setup();
    await addFile("Vendor A.csv");
    fireEvent.click(within(vendorCard(1)).getByRole("button", { name: "Use these columns" }));
    await addFile("Headers only.csv");
    expect(within(vendorCard(2)).getByText("No bid lines")).toBeInTheDocument();
  });
});
