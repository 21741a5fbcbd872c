import { Decimal } from "../../../src/engine/money";
import {
  nameForSave,
  readStore,
  STORE_HEADER,
  storeRows,
  storeWith,
  versionLines,
  versionTotal,
  type BudgetVersion,
} from "../../../src/engine/versions";

const version = (id: number, name: string): BudgetVersion => ({
  id,
  name,
  savedOn: "2026-12-04 16:40",
  layout: "FEATURE",
  lines: [
    { account: "2501", description: "=Key grip", total: new Decimal("1234.565") },
    { account: "D114", description: "Location fee", total: new Decimal(500) },
  ],
  topSheet: [{ row: 12, label: "Contingency", total: new Decimal("99.5") }],
});

/** What Excel gives back for the store's cells: text as text, numbers as numbers, blanks "". */
const asRead = (rows: ReturnType<typeof storeRows>) =>
  rows.map((r) => r.map((c) => (c === null ? "" : typeof c === "number" ? c : c.text)));

describe("saving a budget as a version", () => {
  it("reads every account to its key, so 25-01 and 2501 are one account", () => {
    const lines = versionLines([
      { account: "25-01", description: "Key grip", amount: new Decimal(100) },
      { account: "2501", description: "", amount: new Decimal("0.5") },
    ]);
    expect(lines.map((l) => l.account)).toEqual(["2501", "2501"]);
    expect(versionTotal(lines).toFixed(2)).toBe("100.50");
  });

  it("refuses a budget with no line to save, in words", () => {
    expect(() => versionLines([])).toThrow("The budget has no line with an account and an amount");
  });

  it("numbers a new name after the highest saved, and finds a used name to replace", () => {
    const saved = [version(1, "Studio approved"), version(4, "Working")];
    expect(nameForSave("  Locked ", saved)).toEqual({ name: "Locked", id: 5 });
    const again = nameForSave("studio APPROVED", saved);
    expect(again.id).toBe(1);
    expect(again.replaces?.name).toBe("Studio approved");
  });

  it.each([
    ["", "Version name is required"],
    ["current", 'cannot be "Current"'],
    ["x".repeat(61), "60 characters or fewer"],
  ])("refuses the name %p", (name, message) => {
    expect(() => nameForSave(name, [])).toThrow(message);
  });
});

describe("the store", () => {
  it("writes accounts as numbers where numeric, text as text, Top Sheet figures by row", () => {
    const rows = storeRows(version(2, "Studio approved"));
    expect(rows[0]).toEqual([
      2,
      { text: "Studio approved" },
      { text: "2026-12-04 16:40" },
      { text: "FEATURE" },
      2501,
      { text: "=Key grip" },
      1234.565,
      null,
    ]);
    expect(rows[1][4]).toEqual({ text: "D114" });
    expect(rows[2]).toEqual([
      2,
      expect.anything(),
      expect.anything(),
      expect.anything(),
      null,
      { text: "Contingency" },
      99.5,
      12,
    ]);
  });

  it("reads back what it wrote, exactly", () => {
    const saved = [version(1, "A"), version(3, "B")];
    const rows = asRead(saved.flatMap(storeRows));
    expect(readStore([...STORE_HEADER], rows)).toEqual(saved);
  });

  it("replaces a version in place and keeps the others in number order", () => {
    const stored = storeWith([version(1, "A"), version(2, "B")], { ...version(1, "A"), savedOn: "later" });
    expect(stored.map((v) => [v.id, v.savedOn])).toEqual([
      [1, "later"],
      [2, "2026-12-04 16:40"],
    ]);
  });

  it("says which row of an edited store it cannot read", () => {
    const rows = asRead(storeRows(version(1, "A")));
    rows[1][4] = "Misc";
    expect(() => readStore([...STORE_HEADER], rows)).toThrow(
      'The versions table, row 3, Account must be an account code, got "Misc"',
    );
    expect(() => readStore(["Number", "Name"], [])).toThrow("headings were changed");
  });
});
