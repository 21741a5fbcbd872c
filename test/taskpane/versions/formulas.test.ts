import { budgetSum, numericRuns, storeSum } from "../../../src/taskpane/versions/formulas";

const refs = { account: "Detail_Acct", total: "Detail_Total" };

describe("the comparison's sums", () => {
  it("selects runs of accounts, split where a filter leaves an account out", () => {
    expect(numericRuns(["2501", "2502", "2510"], ["2501", "2502", "2505", "2510"])).toEqual([
      [2501, 2502],
      [2510, 2510],
    ]);
    expect(numericRuns(["2501", "2599"], ["2501", "2599", "D114"])).toEqual([[2501, 2599]]);
  });

  it("sums a number range, then each text spelling once, as the live budget writes it", () => {
    const spellings = new Map([["2501", new Set(["25-01", "25.01", "2501", "2501-00"])]]);
    expect(budgetSum(refs, ["2501"], spellings, ["2501"])).toBe(
      'SUMIFS(Detail_Total,Detail_Acct,">=2501",Detail_Acct,"<2502")' +
        '+SUMIFS(Detail_Total,Detail_Acct,"25?01")' +
        '+SUMIFS(Detail_Total,Detail_Acct,"2501*")-SUMIFS(Detail_Total,Detail_Acct,"2501?*")' +
        '+SUMIFS(Detail_Total,Detail_Acct,"2501?00")',
    );
  });

  it("refuses text codes of two accounts one pattern cannot tell apart", () => {
    const spellings = new Map([
      ["2501", new Set(["25-01"])],
      ["25101", new Set(["25101"])],
    ]);
    expect(() => budgetSum(refs, ["2501"], spellings, ["2501", "25101"])).toThrow(
      'The budget writes the accounts "25-01" and "25101" as text',
    );
  });

  it("selects a saved version's accounts by number and by code", () => {
    expect(storeSum(2, ["D114"], ["D114"])).toBe(
      'SUMIFS(PROD_Versions[Total],PROD_Versions[Number],2,PROD_Versions[Account],"D114")',
    );
    expect(storeSum(1, [], [])).toBe("0");
  });
});
