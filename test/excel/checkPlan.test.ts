/*
 * checkPlan: the one "can this plan be applied?" rule both workbook ports use, before anything
 * is written. Excel compares sheet, table and workbook names without regard to case.
 */
import { type WorkbookState, type WritePlan, checkPlan, ownershipMarkName } from "../../src/excel/port";

const sheet = (name: string, mode: "create" | "replaceOwned" | "existing", markKey?: string) => ({
  name,
  mode,
  markKey,
  blocks: [],
});

const state = (partial: Partial<WorkbookState>): WorkbookState => ({
  sheets: [],
  names: [],
  tables: [],
  ...partial,
});

describe("checkPlan", () => {
  it.each([
    ["create beside a sheet that differs only in case", "Fringes", "create", "sheetExists"],
    ["write into a sheet that is not there", "Nowhere", "existing", "notFound"],
    ["replace a sheet without this owner's mark", "Fringes", "replaceOwned", "notOwned"],
  ] as const)("refuses to %s", (_what, name, mode, kind) => {
    const plan: WritePlan = { owner: "templates", sheets: [sheet(name, mode)] };
    expect(() => checkPlan(plan, state({ sheets: ["fringes"] }))).toThrow(
      expect.objectContaining({ kind, subjects: [name] }),
    );
  });

  it("replaces its own sheet named in another case, with the sheet's tables and its names there", () => {
    const plan: WritePlan = {
      owner: "bids",
      sheets: [
        {
          ...sheet("Bid Comparison", "replaceOwned", "comparison"),
          tables: [{ name: "BIDS", row: 0, column: 0, rowCount: 2, columnCount: 2 }],
        },
      ],
      names: [{ name: "Award", sheet: "Bid Comparison", address: "$C$9" }],
    };
    const check = checkPlan(
      plan,
      state({
        sheets: ["bid comparison", "Budget"],
        names: [
          { name: ownershipMarkName("bids", "comparison"), formula: "='bid comparison'!$A$1" },
          { name: "award", formula: "='bid comparison'!$C$9" },
        ],
        tables: [
          { name: "Bids", sheet: "bid comparison" },
          { name: "Lines", sheet: "Budget" },
        ],
      }),
    );
    expect(check).toEqual({
      replaced: ["Bid Comparison"],
      tablesToDelete: ["Bids"],
      namesToDelete: ["Award"],
    });
  });

  it("refuses a table or name that another sheet uses, in any case", () => {
    const plan: WritePlan = {
      owner: "bids",
      sheets: [
        {
          ...sheet("New", "create"),
          tables: [{ name: "LINES", row: 0, column: 0, rowCount: 2, columnCount: 2 }],
        },
      ],
      names: [{ name: "TOTAL", sheet: "New", address: "$A$1" }],
    };
    expect(() =>
      checkPlan(
        plan,
        state({
          names: [{ name: "Total", formula: "=Budget!$A$1" }],
          tables: [{ name: "Lines", sheet: "Budget" }],
        }),
      ),
    ).toThrow(expect.objectContaining({ kind: "nameExists", subjects: ["TOTAL", "LINES"] }));
  });

  it("drops the mark a deleted sheet left (#REF!) and refuses one a renamed sheet still holds", () => {
    const plan: WritePlan = {
      owner: "templates",
      copy: "_2",
      sheets: [sheet("Top Sheet 2", "create", "topsheet")],
    };
    const mark = ownershipMarkName("templates", "topsheet", "_2");
    expect(checkPlan(plan, state({ names: [{ name: mark, formula: "=#REF!$A$1" }] })).namesToDelete).toEqual([
      mark,
    ]);
    expect(() =>
      checkPlan(plan, state({ sheets: ["Old top"], names: [{ name: mark, formula: "='Old top'!$A$1" }] })),
    ).toThrow(expect.objectContaining({ kind: "nameExists", subjects: ["Old top"] }));
  });
});
