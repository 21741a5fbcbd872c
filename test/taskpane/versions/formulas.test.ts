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

  it("sums a number range, then each text spelling once, as the live budget writes it, in one SUMIFS over them", () => {
    const spellings = new Map([["2501", new Set(["25-01", "25.01", "2501", "2501-00"])]]);
    expect(budgetSum(refs, ["2501"], spellings, ["2501"])).toBe(
      'SUMIFS(Detail_Total,Detail_Acct,">=2501",Detail_Acct,"<2502")' +
        '+SUMPRODUCT(SUMIFS(Detail_Total,Detail_Acct,{"25?01","2501*","2501?00"}))' +
        '-SUMIFS(Detail_Total,Detail_Acct,"2501?*")',
    );
    expect(budgetSum(refs, ["2501"], new Map([["2501", new Set(["25-01"])]]), ["2501"])).toBe(
      'SUMIFS(Detail_Total,Detail_Acct,">=2501",Detail_Acct,"<2502")+SUMIFS(Detail_Total,Detail_Acct,"25?01")',
    );
  });

  it("keeps a total of 300 accounts typed as text within Excel's length of a formula", () => {
    const keys = Array.from({ length: 300 }, (_, i) => String(2101 + i));
    const spellings = new Map(keys.map((k) => [k, new Set([`${k.slice(0, 2)}-${k.slice(2)}`, k])]));
    const refsOfARange = { account: "'My budget'!$A$5:$A$900", total: "'My budget'!$C$5:$C$900" };
    expect(budgetSum(refsOfARange, keys, spellings, keys).length).toBeLessThan(8192);
    expect(
      storeSum(
        1,
        keys.map((k) => `D${k}`),
        keys.map((k) => `D${k}`),
      ).length,
    ).toBeLessThan(8192);
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
    expect(storeSum(1, ["D114", "A1"], ["D114", "A1"])).toBe(
      'SUMPRODUCT(SUMIFS(PROD_Versions[Total],PROD_Versions[Number],1,PROD_Versions[Account],{"D114","A1"}))',
    );
    expect(storeSum(1, [], [])).toBe("0");
  });
});
