import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import { TAG_COLUMNS } from "../../../src/engine/incentives/tags";
import { commonBudget } from "../../fixtures/incentiveBudget";
import { answerDialog, dialogButtons } from "../dialog";
import { fakeWorkbook } from "../fakePort";

/** Georgia and British Columbia compared (rows 6 and 7 of the sheet): the compare button. */
async function compareGeorgiaAndBC(): Promise<HTMLElement> {
  await userEvent.click(screen.getByLabelText(/^US-GA: /));
  await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
  const write = screen.getByRole("button", { name: "Write the comparison" });
  await userEvent.click(write);
  await screen.findByText(/"Incentive comparison" written: /);
  return write;
}

/** The pane on the Incentives panel, over the worked examples' budget, selected with its headings. */
async function openIncentives() {
  const env = fakeWorkbook();
  const lines = commonBudget();
  env.book.addSheet("Budget", [["Total", ...TAG_COLUMNS], ...lines.map((l) => [l.amount, ...l.tags])]);
  env.book.selection = { sheet: "Budget", address: `A1:I${lines.length + 1}` };
  render(<App port={env.port} initialPanel="incentives" />);
  await screen.findByRole("heading", { name: "Production incentives" }, { timeout: 10_000 });
  return env;
}

describe("Incentives panel", () => {
  it("explains New Mexico over the selected budget, with the lines not counted by sheet row", async () => {
    await openIncentives();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Program" }), "US-NM");
    await userEvent.click(screen.getByRole("button", { name: "Show what it pays back" }));
    expect(
      await screen.findByText(/gross credit \$1,719,750\.00, net cash \$1,719,750\.00/),
    ).toBeInTheDocument();
    expect(screen.getByText("Row 2 ($300,000.00): not incurred in the jurisdiction")).toBeInTheDocument();
  });

  it("says what the program pays back next to the button and puts the focus there, for a keyboard user (issue 20)", async () => {
    await openIncentives();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Program" }), "US-GA");
    await userEvent.click(screen.getByRole("button", { name: "Show what it pays back" }));
    const message = await screen.findByRole("group", { name: "Done" });
    expect(message).toHaveTextContent(
      "US-GA pays back $2,400,000.00 gross, $2,160,000.00 net cash on this budget: the details are below.",
    );
    await waitFor(() => expect(message).toHaveFocus());
  });

  it("says in words, next to the button, when the selection has no Where or Class heading", async () => {
    const { book } = await openIncentives();
    book.selection = { sheet: "Budget", address: "A1:C18" };
    await userEvent.click(screen.getByRole("button", { name: "Show what it pays back" }));
    expect(
      await screen.findByText(/has no heading for Class\. Select the budget with its headings row/),
    ).toBeInTheDocument();
  });

  it("writes the comparison only once two programs are picked", async () => {
    const { book } = await openIncentives();
    const write = screen.getByRole("button", { name: "Write the comparison" });
    expect(write).toBeDisabled();
    await userEvent.click(screen.getByLabelText(/^US-GA: /));
    await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
    await userEvent.click(write);
    expect(
      await screen.findByText(
        /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,160,000\.00; CAN-BC gross \$1,294,720\.00/,
      ),
    ).toBeInTheDocument();
    expect(book.hasSheet("Incentive comparison")).toBe(true);
  });

  it("names a note typed on the comparison in one question, writes nothing on Cancel, and carries it on Replace", async () => {
    const { book } = await openIncentives();
    const write = await compareGeorgiaAndBC();
    expect(book.cell("Incentive comparison", "K5")?.content).toBe("Your notes (kept when compared again)");
    book.setCell("Incentive comparison", "K7", { kind: "value", content: "call the film office" });
    const before = book.formulas("Incentive comparison", 0, 0, 12, 12);

    await userEvent.click(write);
    const question =
      /^You typed on it: 1 cell beside 1 row \(CAN-BC\)\. 1 cell of yours will be carried to the rows with the same labels\. Comparing replaces it with this comparison\.$/;
    expect(await dialogButtons(question)).toEqual(["Cancel", "Replace it"]);
    await answerDialog(question, "Cancel");
    expect(
      await screen.findByText(/Nothing was written: "Incentive comparison" is as it was/),
    ).toBeInTheDocument();
    expect(book.formulas("Incentive comparison", 0, 0, 12, 12)).toEqual(before);

    // CAN-BC first now: its note follows it to row 6.
    await userEvent.click(screen.getByLabelText(/^US-GA: /));
    await userEvent.click(screen.getByLabelText(/^US-NM: /));
    await userEvent.click(write);
    await answerDialog(question, "Replace it");
    expect(
      await screen.findByText(
        /"Incentive comparison" written: CAN-BC gross .* 1 cell of yours carried to the rows with the same labels\./,
      ),
    ).toBeInTheDocument();
    expect(book.cell("Incentive comparison", "A6")?.content).toBe("CAN-BC");
    expect(book.cell("Incentive comparison", "K6")?.content).toBe("call the film office");
  });
  it("compares the budget it read before again after a click on the comparison, and names it in the pane", async () => {
    const { book } = await openIncentives();
    expect(screen.getByRole("heading", { name: "Budget: the selection" })).toBeInTheDocument();
    await userEvent.click(screen.getByLabelText(/^US-GA: /));
    await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
    const write = screen.getByRole("button", { name: "Write the comparison" });
    await userEvent.click(write);
    const figures =
      /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,160,000\.00; CAN-BC gross \$1,294,720\.00/;
    await screen.findByText(figures);
    expect(screen.getByRole("heading", { name: "Budget: Budget!A1:I18" })).toBeInTheDocument();
    const before = book.formulas("Incentive comparison", 0, 0, 8, 11);

    // The user clicks a cell on the comparison (their notes column) and compares again.
    book.selection = { sheet: "Incentive comparison", address: "K6" };
    await userEvent.click(write);
    await waitFor(() => expect(screen.getAllByText(figures)).toHaveLength(1));
    expect(book.formulas("Incentive comparison", 0, 0, 8, 11)).toEqual(before);
    expect(screen.getByRole("heading", { name: "Budget: Budget!A1:I18" })).toBeInTheDocument();
  });

  it("never takes a selection on the comparison as the budget, and says so in words", async () => {
    const { book } = await openIncentives();
    await userEvent.click(screen.getByLabelText(/^US-GA: /));
    await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
    await userEvent.click(screen.getByRole("button", { name: "Write the comparison" }));
    await screen.findByText(/"Incentive comparison" written: /);
    book.selection = { sheet: "Incentive comparison", address: "A5:K7" };
    await userEvent.click(screen.getByRole("button", { name: "Use the selection" }));
    expect(
      await screen.findByText(
        /^The selection \(Incentive comparison!A5:K7\) is on "Incentive comparison", the comparison PROD wrote, not a budget/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Budget: Budget!A1:I18" })).toBeInTheDocument();
  });

  it("refuses, in words, a budget it read before that has changed shape, and takes the selection again on request", async () => {
    const { book } = await openIncentives();
    await userEvent.click(screen.getByRole("button", { name: "Show what it pays back" }));
    await screen.findByText(/pays back .* on this budget/);
    expect(screen.getByRole("heading", { name: "Budget: Budget!A1:I18" })).toBeInTheDocument();
    // A line typed just under the budget: the range read before would leave it out.
    book.write("Budget", 18, 0, 250000);
    book.selection = { sheet: "Budget", address: "B19" };
    await userEvent.click(screen.getByRole("button", { name: "Show what it pays back" }));
    expect(
      await screen.findByText(/^The row under the budget PROD read before, Budget!A1:I18, has changed since/),
    ).toBeInTheDocument();

    book.selection = { sheet: "Budget", address: "A1:I19" };
    await userEvent.click(screen.getByRole("button", { name: "Use the selection" }));
    await screen.findByText("Budget: Budget!A1:I19. Showing and comparing read it until you choose another.");
    expect(screen.getByRole("heading", { name: "Budget: Budget!A1:I19" })).toBeInTheDocument();
  });

  it("keeps settings and a rate changed on the comparison, named in the one question, and sets its fields to them", async () => {
    const { book } = await openIncentives();
    const write = await compareGeorgiaAndBC();
    // Georgia (row 6) sold at 0.88 and a Canadian dollar rate (row 7), typed on the sheet.
    book.setCell("Incentive comparison", "D6", { kind: "value", content: "SALE=0.88" });
    book.setCell("Incentive comparison", "E7", { kind: "value", content: 1.35 });

    await userEvent.click(write);
    const question =
      /^You changed on it: US-GA's Settings \(D6\) is "SALE=0\.88", the pane had blank; CAN-BC's Exchange rate \(E7\) is 1\.35, the pane had blank\. The new comparison keeps your values and its figures use them\. Comparing replaces it with this comparison\.$/;
    await answerDialog(question, "Replace it");
    expect(
      await screen.findByText(
        /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,112,000\.00; .* Kept 2 values you changed on the sheet: .*; the figures use them\. The pane's fields now show what you changed\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "US-GA settings (optional)" })).toHaveValue("SALE=0.88");
    expect(screen.getByRole("textbox", { name: "Exchange rate: CAD per USD" })).toHaveValue("1.35");
    expect(book.cell("Incentive comparison", "D6")?.content).toBe("SALE=0.88");

    // Again: the pane now writes what the sheet has, so nothing is asked.
    await userEvent.click(write);
    expect(
      await screen.findByText(
        /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,112,000\.00; [^K]*\.$/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("Incentives panel: settings and rates changed on the comparison", () => {
  it("takes up a rate typed on the comparison for a program in the budget's currency: asked once, then in a field of its own, checked, and used to the cent", async () => {
    const { book } = await openIncentives();
    const write = await compareGeorgiaAndBC();
    expect(screen.queryByRole("textbox", { name: /^US-GA exchange rate/ })).toBeNull();
    // The budget is in dollars, as Georgia's program: the pane has no rate for it. The user types
    // 1.3 in Georgia's Exchange rate cell (row 6).
    book.setCell("Incentive comparison", "E6", { kind: "value", content: 1.3 });

    await userEvent.click(write);
    const question =
      /^You changed on it: US-GA's Exchange rate \(E6\) is 1\.3, the pane had blank\. The new comparison keeps your value and its figures use it\. Comparing replaces it with this comparison\.$/;
    await answerDialog(question, "Replace it");
    // Georgia's $500,000 cap per person is in dollars of the program: $384,615.38 of the budget's.
    await screen.findByText(
      `"Incentive comparison" written: US-GA gross $2,365,384.61, net cash $2,128,846.15; CAN-BC gross $1,294,720.00, net cash $1,294,720.00. Kept 1 value you changed on the sheet: US-GA's Exchange rate (E6) is 1.3, the pane had blank; the figures use it. The pane's fields now show what you changed: US-GA has an exchange rate field of its own, as USD is the budget's currency.`,
    );
    const field = screen.getByRole("textbox", { name: "US-GA exchange rate: USD per USD" });
    expect(field).toHaveValue("1.3");
    expect(book.cell("Incentive comparison", "E6")?.content).toBe(1.3);

    // Again: the pane writes the sheet's rate itself, so nothing is asked.
    await userEvent.click(write);
    await waitFor(() =>
      expect(
        screen.getByText(
          /^"Incentive comparison" written: US-GA gross \$2,365,384\.61, net cash \$2,128,846\.15; [^K]*\.$/,
        ),
      ).toBeInTheDocument(),
    );
    expect(screen.queryByRole("dialog")).toBeNull();

    // A rate that is not one is refused in words, and nothing is written.
    const before = book.formulas("Incentive comparison", 0, 0, 8, 12);
    await userEvent.clear(field);
    await userEvent.type(field, "abc");
    await userEvent.click(write);
    expect(
      await screen.findByText(`The US-GA exchange rate must be a number above 0, such as 0.79, got "abc".`),
    ).toBeInTheDocument();
    expect(book.formulas("Incentive comparison", 0, 0, 8, 12)).toEqual(before);

    // Changed in the pane: written without a question (the sheet had PROD's own), to the cent.
    await userEvent.clear(field);
    await userEvent.type(field, "1.37");
    await userEvent.click(write);
    await screen.findByText(
      /^"Incentive comparison" written: US-GA gross \$2,359,489\.05, net cash \$2,123,540\.15; /,
    );
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(book.cell("Incentive comparison", "E6")?.content).toBe(1.37);
  });

  it("says a rate changed on a program no longer compared is kept under the heading with its program, and never that PROD's own is back", async () => {
    const { book } = await openIncentives();
    // Georgia (row 6) and British Columbia (row 7) at 1.37 Canadian dollars to the dollar.
    await userEvent.click(screen.getByLabelText(/^US-GA: /));
    await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
    await userEvent.type(screen.getByRole("textbox", { name: "Exchange rate: CAD per USD" }), "1.37");
    const write = screen.getByRole("button", { name: "Write the comparison" });
    await userEvent.click(write);
    await screen.findByText(/"Incentive comparison" written: /);
    expect(book.cell("Incentive comparison", "E7")?.content).toBe(1.37);
    // British Columbia's rate changed on the sheet, then British Columbia left out for New Mexico.
    book.setCell("Incentive comparison", "E7", { kind: "value", content: 1.4 });
    await userEvent.click(screen.getByLabelText(/^CAN-BC: /));
    await userEvent.click(screen.getByLabelText(/^US-NM: /));
    await userEvent.click(write);
    const kept = `From the earlier comparison (kept by PROD: programs this comparison does not have)`;
    await answerDialog(
      `You typed on it: 1 of PROD's labels or figures retyped (1.4 over "Exchange rate" of CAN-BC (E7)). 1 cell you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (CAN-BC) will be kept as a note under "${kept}", beside the row's label, with nothing put back in its place. Comparing replaces it with this comparison.`,
      "Replace it",
    );
    const note = await screen.findByText(/^"Incentive comparison" written: US-GA gross/);
    expect(note).toHaveTextContent(
      `1 cell you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (CAN-BC) kept as a note under "${kept}", beside the row's label, with nothing put back in its place.`,
    );
    expect(note.textContent).not.toMatch(/PROD's own back/);
    expect([
      book.cell("Incentive comparison", "A9")?.content,
      book.cell("Incentive comparison", "A10")?.content,
    ]).toEqual([kept, "CAN-BC"]);
    expect(book.cell("Incentive comparison", "K10")?.content).toBe(
      `You retyped PROD's "Exchange rate" (E7) as 1.4 in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
    );
  });
});
