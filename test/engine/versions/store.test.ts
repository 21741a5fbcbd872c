import fc from "fast-check";
import { Decimal } from "../../../src/engine/money";
import {
  changedSinceSaved,
  nameForSave,
  readStore,
  STORE_HEADER,
  storeRows,
  storeWith,
  versionCheck,
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
      { text: versionCheck(version(2, "Studio approved")) },
    ]);
    expect(versionCheck(version(2, "Studio approved"))).toMatch(/^[0-9a-f]{8}$/);
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
      rows[0][8],
    ]);
  });

  it("reads back what it wrote, exactly", () => {
    const saved = [version(1, "A"), version(3, "B")];
    const rows = asRead(saved.flatMap(storeRows));
    const read = readStore([...STORE_HEADER], rows);
    expect(read).toEqual(saved.map((v) => ({ ...v, check: versionCheck(v) })));
    expect(read.map(changedSinceSaved)).toEqual([false, false]);
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

describe("telling a version changed by hand on the store's sheet", () => {
  const saved = () => asRead([version(1, "A"), version(2, "B")].flatMap(storeRows));

  it.each([
    ["a line's total", 0, 6, 1234.56],
    ["a line's description", 1, 5, "Location fees"],
    ["a line's account", 1, 4, "D115"],
    ["a Top Sheet figure", 2, 6, 100],
    ["the version's name on one row", 0, 1, "A (final)"],
    ["the check itself", 0, 8, ""],
  ])("notices %s changed, and only in that version", (_what, row, column, value) => {
    const rows = saved();
    rows[row][column] = value;
    expect(readStore([...STORE_HEADER], rows).map(changedSinceSaved)).toEqual([true, false]);
  });

  it("notices a line deleted", () => {
    const rows = saved();
    rows.splice(1, 1);
    expect(readStore([...STORE_HEADER], rows).map(changedSinceSaved)).toEqual([true, false]);
  });

  it("still notices it after the store is rewritten with another version saved: the check written is the one saved", () => {
    const rows = saved();
    rows[0][6] = 1;
    const read = readStore([...STORE_HEADER], rows);
    const rewritten = asRead(storeWith(read, version(3, "C")).flatMap(storeRows));
    expect(readStore([...STORE_HEADER], rewritten).map((v) => [v.name, changedSinceSaved(v)])).toEqual([
      ["A", true],
      ["B", false],
      ["C", false],
    ]);
  });

  it("reads a figure to Excel's 15 digits, so one Excel kept to 15 digits is not taken for an edit", () => {
    const v = {
      ...version(1, "A"),
      lines: [{ account: "2501", description: "", total: new Decimal(0.1 + 0.2) }],
    };
    const rows = asRead(storeRows(v));
    rows[0][6] = 0.3;
    expect(changedSinceSaved(readStore([...STORE_HEADER], rows)[0])).toBe(false);
  });

  it("reads a store made before PROD kept checks, and cannot tell its versions changed", () => {
    const rows = asRead(storeRows(version(1, "A"))).map((r) => r.slice(0, 8));
    rows[0][6] = 1;
    const [read] = readStore(STORE_HEADER.slice(0, 8), rows);
    expect(read.check).toBeUndefined();
    expect(changedSinceSaved(read)).toBe(false);
  });

  it("never takes a version read back as PROD wrote it for a changed one, and always notices a cent changed (property)", () => {
    const line = fc.record({
      account: fc.integer({ min: 1000, max: 9999 }).map(String),
      description: fc.string({ maxLength: 20 }),
      cents: fc.integer({ min: -1e10, max: 1e10 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.nat(), (lines, pick) => {
        const v: BudgetVersion = {
          ...version(1, "A"),
          lines: lines.map((l) => ({ ...l, total: new Decimal(l.cents).div(100) })),
        };
        const rows = asRead(storeRows(v));
        expect(changedSinceSaved(readStore([...STORE_HEADER], rows)[0])).toBe(false);
        const at = pick % lines.length;
        rows[at][6] = new Decimal(rows[at][6] as number).plus("0.01").toNumber();
        expect(changedSinceSaved(readStore([...STORE_HEADER], rows)[0])).toBe(true);
      }),
    );
  });
});
