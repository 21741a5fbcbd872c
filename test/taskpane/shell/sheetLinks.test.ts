import { formulaSheetName } from "../../../src/excel/port";
import {
  cellCount,
  hasLinks,
  linkedCellsWords,
  linkedSheetQuestion,
  linksBesides,
  sheetLinksWords,
} from "../../../src/taskpane/shell/sheetLinks";

const top = (address: string) => ({ sheet: "Top Sheet", address });

describe("links into a sheet PROD replaces, in words", () => {
  it("names the first cells as Excel writes them, and how many more", () => {
    expect(linkedCellsWords([top("H5")])).toBe("'Top Sheet'!H5");
    expect(linkedCellsWords([top("H5:H7"), { sheet: "Notes", address: "B2" }], 1)).toBe(
      "'Top Sheet'!H5:H7 and 1 more",
    );
    expect(linkedCellsWords([top("H5,J9:J12"), { sheet: "Notes", address: "B2" }])).toBe(
      "'Top Sheet'!H5, 'Top Sheet'!J9:J12 and 1 more",
    );
    expect(cellCount([top("H5:I6,J9")])).toBe(5);
  });

  it("quotes a sheet name only where Excel does", () => {
    expect(["Notes", "Top Sheet", "Q1", "O'Brien's", "_x.1"].map(formulaSheetName)).toEqual([
      "Notes",
      "'Top Sheet'",
      "'Q1'",
      "'O''Brien''s'",
      "_x.1",
    ]);
  });

  it("says which cells and names refer to the sheet, and that they will point at other figures", () => {
    expect(sheetLinksWords("Budget comparison", { cells: [top("H5")], names: [] })).toBe(
      `The formula in 'Top Sheet'!H5 refers to "Budget comparison". After the replace it points at the same cells, which may then hold other figures.`,
    );
    expect(sheetLinksWords("Budget comparison", { cells: [top("H5,H7:H8")], names: ["Total"] })).toBe(
      `Formulas in 3 cells elsewhere ('Top Sheet'!H5, 'Top Sheet'!H7:H8) and the name "Total" refer to "Budget comparison". After the replace they point at the same cells, which may then hold other figures.`,
    );
    expect(sheetLinksWords("Bids", { cells: [], names: ["A", "B"] })).toBe(
      `The names "A", "B" refer to "Bids". After the replace they point at the same cells, which may then hold other figures.`,
    );
    expect(sheetLinksWords("Bids", { cells: [], names: [] })).toBe("");
  });

  it("asks before replacing, Cancel writing nothing", () => {
    const question = linkedSheetQuestion("Bids", { cells: [top("H5")], names: [] });
    expect(question).toEqual(
      expect.objectContaining({ title: 'Replace "Bids"?', confirmLabel: "Replace it", destructive: true }),
    );
    expect(question.message).toMatch(
      /^The formula in 'Top Sheet'!H5 refers to "Bids"\..* Cancel writes nothing\.$/,
    );
  });

  it("leaves out the cells and names PROD made and handles itself", () => {
    const links = { cells: [top("H5:H7"), { sheet: "Notes", address: "B2" }], names: ["Mine", "Theirs"] };
    expect(
      linksBesides(links, { cells: [{ sheet: "top sheet", address: "H6" }, top("Z1")], names: ["MINE"] }),
    ).toEqual({ cells: [top("H5,H7"), { sheet: "Notes", address: "B2" }], names: ["Theirs"] });
    const none = linksBesides({ cells: [top("H5")], names: [] }, { cells: [top("H5")] });
    expect(none).toEqual({ cells: [], names: [] });
    expect(hasLinks(none)).toBe(false);
    expect(hasLinks(links)).toBe(true);
  });
});
