/*
 * checkPlan: the one "can this plan be applied?" rule both workbook ports use, before anything
 * is written. Excel compares sheet, table and workbook names without regard to case.
 */
import {
  type SheetMode,
  type WorkbookState,
  type WritePlan,
  checkPlan,
  ownershipMarkName,
} from "../../src/excel/port";

const sheet = (name: string, mode: SheetMode, markKey?: string) => ({
  name,
  mode,
  markKey,
  blocks: [],
});

const state = (partial: Partial<WorkbookState>): WorkbookState => ({
  sheets: [],
  names: [],
  tables: [],
  protectedSheets: [],
  ...partial,
});

describe("checkPlan", () => {
  it.each([
    ["create beside a sheet that differs only in case", "Fringes", "create", "sheetExists"],
    ["write into a sheet that is not there", "Nowhere", "existing", "notFound"],
    ["replace a sheet without this owner's mark", "Fringes", "replaceOwned", "notOwned"],
    ["reclaim a sheet that is not there", "Nowhere", "reclaim", "notFound"],
    ["re-mark a sheet that is not there", "Nowhere", "remark", "notFound"],
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
      unprotect: [],
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

  it("reclaims a sheet that lost its mark: clears it, re-marks it, and refuses while another sheet holds the mark", () => {
    const plan: WritePlan = { owner: "costReport", sheets: [sheet("Cost Report 2026-11-20", "reclaim")] };
    const mark = ownershipMarkName("costReport", "Cost Report 2026-11-20");
    const sheets = ["Cost Report 2026-11-20", "Week 12 as sent"];
    expect(
      checkPlan(plan, state({ sheets, tables: [{ name: "Lines", sheet: "cost report 2026-11-20" }] })),
    ).toEqual({
      replaced: ["Cost Report 2026-11-20"],
      tablesToDelete: ["Lines"],
      namesToDelete: [],
      unprotect: [],
    });
    // A mark already on it (or left by a deleted sheet) is added again, not refused.
    for (const formula of ["='Cost Report 2026-11-20'!$A$1", "=#REF!$A$1"])
      expect(checkPlan(plan, state({ sheets, names: [{ name: mark, formula }] })).namesToDelete).toEqual([
        mark,
      ]);
    expect(() =>
      checkPlan(plan, state({ sheets, names: [{ name: mark, formula: "='Week 12 as sent'!$A$1" }] })),
    ).toThrow(expect.objectContaining({ kind: "nameExists", subjects: ["Week 12 as sent"] }));
  });

  it("never writes into a sheet the user protected; lifts only PROD's own protected sheets (protect)", () => {
    const owned = { name: ownershipMarkName("versions", "store"), formula: "='PROD versions'!$A$1" };
    const protectedState = state({
      sheets: ["PROD versions", "Top Sheet"],
      names: [owned],
      protectedSheets: ["prod versions", "top sheet"],
    });
    const mine: WritePlan = { owner: "versions", sheets: [sheet("Top Sheet", "existing")] };
    expect(() => checkPlan(mine, protectedState)).toThrow(
      expect.objectContaining({ kind: "protected", subjects: ["Top Sheet"] }),
    );
    const store = { ...sheet("PROD versions", "replaceOwned", "store"), protect: true };
    expect(checkPlan({ owner: "versions", sheets: [store] }, protectedState).unprotect).toEqual([
      "PROD versions",
    ]);
    // Without `protect` PROD's own sheet is refused too: only a plan that protects it again may lift it.
    expect(() =>
      checkPlan({ owner: "versions", sheets: [{ ...store, protect: undefined }] }, protectedState),
    ).toThrow(expect.objectContaining({ kind: "protected" }));
    // Unprotected now (the user lifted it): nothing to lift, the plan protects it at the end.
    expect(
      checkPlan({ owner: "versions", sheets: [store] }, { ...protectedState, protectedSheets: [] }).unprotect,
    ).toEqual([]);
    // Protected again by the user with a password (where Excel tells): refused, nothing to lift.
    const withPassword = { ...protectedState, passwordProtectedSheets: ["prod versions"] };
    expect(() => checkPlan({ owner: "versions", sheets: [store] }, withPassword)).toThrow(
      expect.objectContaining({
        kind: "protected",
        subjects: ["PROD versions"],
        message: expect.stringMatching(
          /^"PROD versions" is protected with a password, so PROD wrote nothing there:/,
        ),
      }),
    );
  });
});
