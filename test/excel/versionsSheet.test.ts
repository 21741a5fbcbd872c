/*
 * The Versions panel's writes through the real Office.js adapter over the office-addin-mock
 * Excel: saving and comparing a 5,000-line budget take a fixed number of syncs plus one per
 * chunk of the write, descriptions from the budget reach the store as text, a name already used
 * is replaced only after a yes, a sheet PROD did not make is never written to (the comparison
 * goes to "Budget comparison 2" instead), a comparison whose hidden mark was deleted is taken back
 * only after a yes, and version names that begin like formulas stay text. The store's sheet is
 * protected: PROD lifts its protection in the request that writes and puts it back in the last
 * one, so the counts stay the same, and protects it again when a write fails. A store whose hidden
 * mark was deleted is read by its title and taken back only after a yes, every version kept.
 */
import { changedSinceSaved } from "../../src/engine/versions";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { NUMBER_FORMATS, ownershipMarkName, PortError, type Cell } from "../../src/excel/port";
import { KEPT_HEADING, ROW_CHECK, YOUR_NOTES } from "../../src/taskpane/shell/userWork";
import { COMPARISON_SHEET } from "../../src/taskpane/versions/comparisonSheet";
import { compareCurrent, saveCurrent } from "../../src/taskpane/versions/runVersions";
import type { BudgetChoice } from "../../src/taskpane/versions/source";
import { readVersions, STORE_SHEET, takeBackVersions } from "../../src/taskpane/versions/versionStore";
import { savedVersions, storeRead } from "../taskpane/versions/storeRead";
import { oldRowCheck } from "../taskpane/shell/oldRowCheck";
import { MockBook, cellAt, cellKey, mockExcel } from "./mockExcel";

const LINES = 5_000;

function setup(maxPayloadBytes?: number, isSetSupported?: (set: string, version: string) => boolean) {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run, maxPayloadBytes, isSetSupported });
  // Accounts 1101..: 50 lines in each of 100 accounts, amounts with cents.
  const rows: (string | number)[][] = [["Account", "Description", "Amount"]];
  for (let i = 0; i < LINES; i++)
    rows.push([1101 + Math.floor(i / 50), i === 0 ? '=HYPERLINK("x")' : `Line ${i + 1}`, 100.25]);
  book.addSheet("Budget", rows);
  const choice: BudgetChoice = {
    kind: "range",
    ref: { sheet: "Budget", address: `A1:C${LINES + 1}` },
    layout: "FEATURE",
  };
  return { book, excel, port, choice };
}

/** The cells of a sheet: kind, content and format, to hold a sheet unchanged. */
const sheetCells = (book: MockBook, sheet: string) =>
  JSON.stringify([...book.sheet(sheet).cells.entries()].map(([k, c]) => [k, c.kind, c.content, c.format]));

const yes = () => Promise.resolve(true);
const no = () => Promise.resolve(false);

describe("saving a 5,000-line budget as a version", () => {
  it("makes the store in a fixed number of syncs plus its chunks, descriptions as text", async () => {
    const { book, excel, port, choice } = setup();
    const saved = await saveCurrent(
      port,
      await storeRead(port),
      choice,
      "Studio approved",
      "2026-12-04 16:40",
      yes,
    );
    expect(saved).toMatchObject({ replaced: false, total: "501250.00" });
    // Read the store's state (2), the budget (1), then apply: check (1) + one chunk.
    expect(excel.state.syncs).toBe(5);
    // Protected in the request that wrote it, once its cells, table and layout were written.
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
    expect(excel.state.protection).toEqual([`protect ${STORE_SHEET} (sync 5)`]);
    expect(book.cell(STORE_SHEET, "F4")).toMatchObject({ kind: "value", content: '=HYPERLINK("x")' });
    expect(book.cell(STORE_SHEET, "E4")).toMatchObject({ kind: "value", content: 1101 });
    expect(book.tables.map((t) => [t.name, t.address])).toEqual([["PROD_Versions", `A3:I${LINES + 3}`]]);
    expect(book.names.some((n) => n.name === ownershipMarkName("versions", "store"))).toBe(true);
  });

  it("splits a large write into chunks: one more sync per chunk", async () => {
    const { excel, port, choice } = setup(200_000);
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const chunks = excel.state.syncs - 4;
    expect(chunks).toBeGreaterThan(3);
    expect(excel.state.protection).toEqual([`protect ${STORE_SHEET} (sync ${excel.state.syncs})`]);
  });

  it("adds a second version by rewriting the table in place, and replaces a name only after a yes", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const before = excel.state.syncs;
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    // The pane's whole save (storeRead is its one read of the store, takeBackVersions): reading
    // the store and the budget, then the table's rows rewritten in one chunk: 10 syncs, whatever
    // the number of lines, as long as each read and write fits one chunk. The pane made 12 before:
    // it asked whose sheet the store is (2 syncs) and the save then read the store.
    expect(excel.state.syncs - before).toBe(10);
    expect(book.tables[0].address).toBe(`A3:I${2 * LINES + 3}`);
    // The protection is lifted and put back in the one request that rewrites the rows (the mock,
    // like Excel, refuses every write to a protected sheet, so the order is unprotect, write, protect).
    expect(excel.state.protection.slice(1)).toEqual([
      `unprotect ${STORE_SHEET} (sync ${before + 10})`,
      `protect ${STORE_SHEET} (sync ${before + 10})`,
    ]);
    expect(excel.state.requestsWithWrites).toContain(before + 10);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
    const asked: string[] = [];
    const refused = await saveCurrent(port, await storeRead(port), choice, "a", "2026-12-06", (v) => {
      asked.push(v.name);
      return no();
    });
    expect(refused).toBeNull();
    expect(asked).toEqual(["A"]);
    expect(book.cell(STORE_SHEET, "C4")?.content).toBe("2026-12-04");
  });

  it("answers the versions as written for the pane's list, so the store is not read again after a save: 10 syncs with the list, was 16", async () => {
    const { excel, port, choice } = setup();
    const first = await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    // The list is the store as a read would give it: the version with the check the store holds.
    const reread = await savedVersions(port);
    expect(first?.versions).toEqual(reread);
    expect(reread[0].check).toMatch(/^[0-9a-f]{8}$/);
    const before = excel.state.syncs;
    const second = await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    // The pane's whole save, its list included: the 10 syncs of the save and nothing after.
    expect(excel.state.syncs - before).toBe(10);
    const read = excel.state.syncs;
    expect(second?.versions).toEqual(await savedVersions(port));
    // What the pane read after each save before (readVersions: the marks and sheets, then the
    // 10,000-row table in chunks): 6 syncs, so the pane's save with its list was 16.
    expect(excel.state.syncs - read).toBe(6);
    expect(second?.versions.map((v) => [v.id, v.name, v.lines.length])).toEqual([
      [1, "A", LINES],
      [2, "B", LINES],
    ]);
    // A name replaced: in its place, its number kept.
    const again = await saveCurrent(port, await storeRead(port), choice, "a", "2026-12-06", yes);
    expect(again?.versions).toEqual(await savedVersions(port));
    expect(again?.versions.map((v) => [v.id, v.name, v.savedOn])).toEqual([
      [1, "a", "2026-12-06"],
      [2, "B", "2026-12-05"],
    ]);
  }, 60_000);

  it("gives the rows of a later save the number formats of the first: totals with cents, numbers whole, text as written", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const formatsOf = (row: number) =>
      Array.from({ length: 9 }, (_, c) => book.sheet(STORE_SHEET).cells.get(cellKey(row, c))?.format);
    // The first save (a new sheet, through apply) wrote each column's format.
    const first = formatsOf(3);
    expect(first).toEqual([
      "0",
      undefined,
      undefined,
      undefined,
      "General",
      undefined,
      NUMBER_FORMATS.money,
      "0",
      undefined,
    ]);
    const before = excel.state.syncs;
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    // The same 10 syncs: the formats go in the request that writes the values.
    expect(excel.state.syncs - before).toBe(10);
    // Every row, those of "A" rewritten and the 5,000 new ones of "B", has the same formats.
    const rows = Array.from({ length: 2 * LINES }, (_, i) => 3 + i);
    expect(rows.find((r) => formatsOf(r).join("|") !== first.join("|"))).toBeUndefined();
    expect(book.cell(STORE_SHEET, `G${2 * LINES + 3}`)).toMatchObject({
      content: 100.25,
      format: NUMBER_FORMATS.money,
    });
  });

  it("lifts the protection in the first chunk's request and puts it back in the last one's", async () => {
    const { book, excel, port, choice } = setup(200_000);
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const writes = excel.state.requestsWithWrites.length;
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    const chunks = excel.state.requestsWithWrites.slice(writes);
    expect(chunks.length).toBeGreaterThan(3);
    expect(excel.state.protection.slice(1)).toEqual([
      `unprotect ${STORE_SHEET} (sync ${chunks[0]})`,
      `protect ${STORE_SHEET} (sync ${chunks[chunks.length - 1]})`,
    ]);
    // No sync of their own: after the reads, every sync is a chunk of the write.
    expect(chunks).toEqual(Array.from({ length: chunks.length }, (_, i) => chunks[0] + i));
    expect(excel.state.syncs).toBe(chunks[chunks.length - 1]);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
  });

  it("protects the store again when a write fails after lifting it, and writes back the versions saved before", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const before = excel.state.syncs;
    const budget = book.values("Budget", 0, 0, LINES + 1, 3);
    // Excel refuses the request that rewrites the rows, after applying its first commands
    // (the unprotect among them).
    book.refuseAtSync = before + 10;
    const error = await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortError);
    expect((error as PortError).message).toBe(
      `Excel could not complete the change: The request failed. The versions saved before are on "${STORE_SHEET}" as they were.`,
    );
    // Protected again in a batch of its own: which sheets are protected (1), the protect (1).
    // Then the versions saved before are written back (3: the table, its area, one chunk), the
    // protection lifted and put back in that chunk's request.
    expect(excel.state.protection.slice(1)).toEqual([
      `unprotect ${STORE_SHEET} (sync ${before + 10})`,
      `protect ${STORE_SHEET} (sync ${before + 12})`,
      `unprotect ${STORE_SHEET} (sync ${before + 15})`,
      `protect ${STORE_SHEET} (sync ${before + 15})`,
    ]);
    expect(excel.state.syncs - before).toBe(15);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
    // The failed request had cleared the rows: version "A" is back, its check with it.
    book.refuseAtSync = undefined;
    const [a, ...others] = await savedVersions(port);
    expect([a.name, a.lines.length, others]).toEqual(["A", LINES, []]);
    expect(a.check).toMatch(/^[0-9a-f]{8}$/);
    expect(changedSinceSaved(a)).toBe(false);
    // The budget the user typed is as it was.
    expect(book.values("Budget", 0, 0, LINES + 1, 3)).toEqual(budget);
  });

  it.each([
    ["where Excel tells (Excel on the web)", true, 8],
    ["where it does not, at the unprotect Excel refuses", false, 11],
  ])(
    "refuses to save into a store the user protected again with a password, %s: nothing written, no version lost, in words",
    async (_where, web, syncs) => {
      const { book, excel, port, choice } = setup(undefined, () => web);
      await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
      Object.assign(book.sheet(STORE_SHEET), { protected: true, password: "secret" });
      const cells = new Map(book.sheet(STORE_SHEET).cells);
      const before = excel.state.syncs;
      const writes = excel.state.requestsWithWrites.length;
      const error = await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PortError);
      expect(error).toMatchObject({ kind: "protected", subjects: [STORE_SHEET] });
      expect((error as PortError).message).toBe(
        `"${STORE_SHEET}" is protected with a password, so PROD wrote nothing there: PROD never asks for or keeps passwords. After you unprotect it, PROD protects it again when it writes, without a password. Nothing was saved, and the versions saved before are as they were.`,
      );
      // The reads of the save (6), then the table and its protection (2): told there on the web.
      // Elsewhere the cells the table grows over (1), the request Excel refuses at its unprotect
      // (1, nothing in it applied) and the read that finds the sheet still protected (1).
      expect(excel.state.syncs - before).toBe(syncs);
      expect(excel.state.requestsWithWrites.length - writes).toBe(web ? 0 : 1);
      expect(book.sheet(STORE_SHEET)).toMatchObject({ protected: true, password: "secret" });
      expect(book.sheet(STORE_SHEET).cells).toEqual(cells);
      // Once the user lifts it with the password, the next save writes and protects it again, without one.
      Object.assign(book.sheet(STORE_SHEET), { protected: false, password: undefined });
      await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
      expect(book.sheet(STORE_SHEET)).toMatchObject({ protected: true, password: undefined });
      expect((await savedVersions(port)).map((v) => v.name)).toEqual(["A", "B"]);
    },
  );

  it("protects the store again after a save when the user had unprotected it", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    book.sheet(STORE_SHEET).protected = false;
    const before = excel.state.syncs;
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    expect(excel.state.syncs - before).toBe(10);
    expect(excel.state.protection.slice(1)).toEqual([`protect ${STORE_SHEET} (sync ${before + 10})`]);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
  });

  it("tells the versions a user changed by hand on the store when comparing, also after the store is rewritten", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    // The user lifts the protection and retypes a figure of "A" (row 4: its first line).
    book.sheet(STORE_SHEET).protected = false;
    book.cell(STORE_SHEET, "G4")!.content = 999;
    const request = { versionIds: [1, 2], base: "current" as const, filter: "", topSheetOnly: false };
    const compared = await compareCurrent(port, await storeRead(port), choice, request, no);
    expect(compared?.changed.map((v) => v.name)).toEqual(["A"]);
    // Saving another version rewrites the store: "A" keeps the check it was saved with, so it
    // is still told, and the store is protected again.
    await saveCurrent(port, await storeRead(port), choice, "C", "2026-12-06", yes);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
    const again = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { ...request, versionIds: [1, 3] },
      yes,
    );
    expect(again?.changed.map((v) => v.name)).toEqual(["A"]);
  }, 60_000);

  it("keeps saving into a store made before PROD kept checks, without a Check column", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    // The store as the first builds made it: eight columns.
    const table = book.tables[0];
    table.address = table.address.replace(/^A3:I/, "A3:H");
    for (const [key] of book.sheet(STORE_SHEET).cells)
      if (cellAt(key).c === 8) book.sheet(STORE_SHEET).cells.delete(key);
    const saved = await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    expect(book.tables[0].address).toBe(`A3:H${2 * LINES + 3}`);
    expect(book.cell(STORE_SHEET, "I4")).toBeUndefined();
    // Listed as the store holds them: no check on either, as a read gives them.
    expect(saved?.versions).toEqual(await savedVersions(port));
    expect(saved?.versions.map((v) => v.check)).toEqual([undefined, undefined]);
  });

  it("never writes into a sheet of the store's name that PROD did not make", async () => {
    const { book, port } = setup();
    book.addSheet(STORE_SHEET, [["mine"]]);
    // Not PROD's by mark or by title: nothing to take back, nothing asked, refused at the read.
    const error = await takeBackVersions(port, () => Promise.reject(new Error("asked"))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ kind: "notOwned" });
    expect(book.values(STORE_SHEET, 0, 0, 1, 1)).toEqual([["mine"]]);
  });

  it("takes back a store whose hidden mark was deleted only after a yes: Cancel writes nothing; yes keeps every version and its check, marked and protected again", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    // A figure of "A" retyped by hand (the sheet unprotected, then protected again), then the
    // hidden names deleted: the table stays, since a table is not a workbook name.
    book.sheet(STORE_SHEET).protected = false;
    book.cell(STORE_SHEET, "G4")!.content = 999;
    book.sheet(STORE_SHEET).protected = true;
    const mark = ownershipMarkName("versions", "store");
    book.names = book.names.filter((n) => n.name !== mark);
    const store = sheetCells(book, STORE_SHEET);

    // Read by its title and headings, as the pane lists them.
    const read = await readVersions(port);
    expect(read.kind === "ours" && [read.unmarked, read.versions.map((v) => v.name)]).toEqual([
      true,
      ["A", "B"],
    ]);
    // Saving or comparing from the store so read, without the take-back, is refused in words,
    // nothing written.
    const request = { versionIds: [1, 2], base: "current" as const, filter: "", topSheetOnly: false };
    const refusal =
      /^"PROD versions" looks like a version store PROD made, but the hidden mark .* PROD takes it back only after asking, so PROD wrote nothing\. Try again from the Versions panel to be asked\.$/;
    await expect(saveCurrent(port, read, choice, "C", "2026-12-06", yes)).rejects.toThrow(refusal);
    await expect(compareCurrent(port, read, choice, request, yes)).rejects.toThrow(refusal);
    expect(book.hasSheet(COMPARISON_SHEET)).toBe(false);

    // Cancel: not one write request, the store byte-identical, still unmarked and protected.
    const questions: [string, string[]][] = [];
    const answer = (yes: boolean) => (sheet: string, on: readonly { name: string }[]) => {
      questions.push([sheet, on.map((v) => v.name)]);
      return Promise.resolve(yes);
    };
    const writes = excel.state.requestsWithWrites.length;
    expect(await takeBackVersions(port, answer(false))).toBeNull();
    expect(questions).toEqual([[STORE_SHEET, ["A", "B"]]]);
    expect(excel.state.requestsWithWrites.length).toBe(writes);
    expect(sheetCells(book, STORE_SHEET)).toBe(store);
    expect(book.names.some((n) => n.name === mark)).toBe(false);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);

    // Take it back: marked again as it is, nothing cleared or rewritten, protected again.
    const start = excel.state.syncs;
    excel.state.protection.length = 0;
    expect(await takeBackVersions(port, answer(true))).toEqual({ ...read, unmarked: false });
    // The store read (the marks and sheets: 2, its title: 1, the table: 4, where it is and then
    // its rows); the take-back: check (1) and one request, which lifts the protection, marks the
    // sheet and protects it again (1); the store read again after the yes (the marks and sheets:
    // 2, the table: 4), which the action then uses: 15 in all before the action's own work. It
    // was 12 here (whose sheet it is, 2, and its title, 1, read apart), and the action read the
    // store again (6): 18.
    expect(excel.state.syncs - start).toBe(7 + 2 + 6);
    expect(excel.state.protection).toEqual([
      `unprotect ${STORE_SHEET} (sync ${start + 9})`,
      `protect ${STORE_SHEET} (sync ${start + 9})`,
    ]);
    expect(excel.state.requestsWithWrites.length).toBe(writes + 1);
    expect(sheetCells(book, STORE_SHEET)).toBe(store);
    expect(book.names.find((n) => n.name === mark)?.formula).toMatch(/^='PROD versions'!/);
    expect(await readVersions(port)).toEqual({ ...read, unmarked: false });
    // PROD's again: nothing asked any more, the store read once for the action (the marks and
    // sheets: 2, the table: 4), which reads it no more: 6, was 2 here (whose sheet it is) and 6
    // again in the action: 8.
    const marked = excel.state.syncs;
    expect(await takeBackVersions(port, () => Promise.reject(new Error("asked")))).toEqual({
      ...read,
      unmarked: false,
    });
    expect(excel.state.syncs - marked).toBe(6);

    // A save keeps both versions; the one edited by hand is still told.
    await saveCurrent(port, await storeRead(port), choice, "C", "2026-12-06", yes);
    expect((await savedVersions(port)).map((v) => v.name)).toEqual(["A", "B", "C"]);
    const compared = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { ...request, versionIds: [1, 2, 3] },
      yes,
    );
    expect(compared?.changed.map((v) => v.name)).toEqual(["A"]);
    expect(book.sheet(STORE_SHEET).protected).toBe(true);
    // Four saves and two reads of a 10,000-row store: more than jest's 5 s on a loaded machine.
  }, 60_000);

  it("reads the store again after a yes to take it back: a version changed while the question was open is not written over", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes);
    const mark = ownershipMarkName("versions", "store");
    book.names = book.names.filter((n) => n.name !== mark);
    // While the question is open the user unprotects the store and renames "A" (B4: the name on
    // its first line), then answers yes.
    const store = await takeBackVersions(port, () => {
      book.sheet(STORE_SHEET).protected = false;
      book.cell(STORE_SHEET, "B4")!.content = "A, renamed";
      return Promise.resolve(true);
    });
    expect(store?.kind === "ours" && store.versions.map((v) => v.name)).toEqual(["A, renamed"]);
    await saveCurrent(port, store!, choice, "B", "2026-12-05", yes);
    expect((await savedVersions(port)).map((v) => v.name)).toEqual(["A, renamed", "B"]);
  });

  it("refuses a look-alike of the store whose table is gone, in words, and asks nothing", async () => {
    const { book, port } = setup();
    book.addSheet(STORE_SHEET, [["Saved budget versions"], ["my copy"], ["Number", "Version", "Saved"]]);
    const mine = sheetCells(book, STORE_SHEET);
    await expect(takeBackVersions(port, () => Promise.reject(new Error("asked")))).rejects.toThrow(
      `The versions table PROD_Versions on "${STORE_SHEET}" is gone, so the saved versions cannot be read.`,
    );
    expect(sheetCells(book, STORE_SHEET)).toBe(mine);
  });

  it("refuses a range without an amount column, in words", async () => {
    const { book, port } = setup();
    book.addSheet("Notes", [
      ["Account", "Description", "Comment"],
      [1101, "Rights", "ok"],
    ]);
    const choice: BudgetChoice = {
      kind: "range",
      ref: { sheet: "Notes", address: "A1:C2" },
      layout: "FEATURE",
    };
    await expect(saveCurrent(port, await storeRead(port), choice, "A", "2026-12-04", yes)).rejects.toThrow(
      "The selected range Notes!A1:C2 has no amount column PROD recognises",
    );
  });
});

describe("comparing a 5,000-line budget", () => {
  it("writes the comparison sheet in a fixed number of syncs, live formulas over the store and the budget", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const before = excel.state.syncs;
    await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { versionIds: [1], base: 1, filter: "", topSheetOnly: false },
      no,
    );
    // Reading the store, the budget, the sheets and PROD's marks, then the sheet written in one chunk.
    expect(excel.state.syncs - before).toBe(10);
    expect(book.cell(COMPARISON_SHEET, "C5")?.content).toBe(
      "=ROUND(SUMIFS('Budget'!$C$2:$C$5001,'Budget'!$A$2:$A$5001,\">=1101\",'Budget'!$A$2:$A$5001,\"<1102\"),2)",
    );
    expect(book.cell(COMPARISON_SHEET, "D5")?.content).toBe(
      '=ROUND(SUMIFS(PROD_Versions[Total],PROD_Versions[Number],1,PROD_Versions[Account],">=1101",PROD_Versions[Account],"<1102"),2)',
    );
    expect(book.cell(COMPARISON_SHEET, "E5")?.content).toBe("=ROUND(C5-D5,2)");
    expect(book.cell(COMPARISON_SHEET, "F5")?.content).toBe('=IF(D5=0,"",E5/D5)');
    // A category and the total add their lines and round once, as Save's total does: never
    // their accounts rounded.
    const rowNamed = (name: string) => {
      for (let r = 5; r < 200; r++) if (book.cell(COMPARISON_SHEET, `B${r}`)?.content === name) return r;
      throw new Error(`no row ${name}`);
    };
    const budget = (from: number, to: number) =>
      `=ROUND(SUMIFS('Budget'!$C$2:$C$5001,'Budget'!$A$2:$A$5001,">=${from}",'Budget'!$A$2:$A$5001,"<${to}"),2)`;
    const store = (from: number, to: number) =>
      `=ROUND(SUMIFS(PROD_Versions[Total],PROD_Versions[Number],1,PROD_Versions[Account],">=${from}",PROD_Versions[Account],"<${to}"),2)`;
    const category = rowNamed("Story & Other Rights");
    expect([
      book.cell(COMPARISON_SHEET, `C${category}`)?.content,
      book.cell(COMPARISON_SHEET, `D${category}`)?.content,
    ]).toEqual([budget(1101, 1200), store(1101, 1200)]);
    const total = rowNamed("Total");
    expect([
      book.cell(COMPARISON_SHEET, `C${total}`)?.content,
      book.cell(COMPARISON_SHEET, `D${total}`)?.content,
    ]).toEqual([budget(1101, 1201), store(1101, 1201)]);
    expect(book.cell(COMPARISON_SHEET, `E${total}`)?.content).toBe(`=ROUND(C${total}-D${total},2)`);
    // Comparing again replaces PROD's own sheet.
    await compareCurrent(
      port,
      await storeRead(port),
      choice,
      {
        versionIds: [1],
        base: "current",
        filter: "1100-1199",
        topSheetOnly: true,
      },
      no,
    );
    expect(book.cell(COMPARISON_SHEET, "B5")?.content).toBe("Story & Other Rights");
  });

  it("asks before taking back a comparison whose hidden mark was deleted: no writes nothing, yes marks it again", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, no);
    const mark = ownershipMarkName("versions", "comparison");
    book.names = book.names.filter((n) => n.name !== mark);
    book.cell(COMPARISON_SHEET, "C5")!.content = 1;

    const asked: string[] = [];
    const refused = await compareCurrent(port, await storeRead(port), choice, request, (_question, sheet) => {
      asked.push(sheet);
      return no();
    });
    expect(refused).toBeNull();
    expect(asked).toEqual([COMPARISON_SHEET]);
    expect(book.cell(COMPARISON_SHEET, "C5")?.content).toBe(1);
    expect(book.names.some((n) => n.name === mark)).toBe(false);

    expect(await compareCurrent(port, await storeRead(port), choice, request, yes)).not.toBeNull();
    expect(book.cell(COMPARISON_SHEET, "C5")?.content).toMatch(/^=ROUND\(SUMIFS\('Budget'!/);
    expect(book.names.some((n) => n.name === mark)).toBe(true);
  });

  it('never asks about nor writes into a sheet of that name that only looks alike: the comparison goes to "Budget comparison 2"', async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const mine = [
      ["Budget comparison: my notes"],
      [],
      [],
      ["Account", "Description", "Current", "Approved (base)", "Difference: Current", "% change: Current"],
    ];
    book.addSheet(COMPARISON_SHEET, mine);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    const before = excel.state.syncs;
    const written = await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    // As a first comparison (10), and one read of the user's sheet's title and headings.
    expect(excel.state.syncs - before).toBe(11);
    expect(written?.target).toEqual({ sheetName: "Budget comparison 2", mode: "create" });
    expect(book.values(COMPARISON_SHEET, 0, 0, 4, 6)).toEqual(
      mine.map((r) => [...r, ...Array<string>(6 - r.length).fill("")]),
    );
    expect(book.cell("Budget comparison 2", "A1")?.content).toBe("Budget comparison");
    expect(book.cell("Budget comparison 2", "C5")?.content).toMatch(/^=ROUND\(SUMIFS\('Budget'!/);
    const mark = book.names.find((n) => n.name === ownershipMarkName("versions", "comparison"));
    expect(mark?.formula).toMatch(/^='Budget comparison 2'!/);

    // Comparing again replaces PROD's own "Budget comparison 2", by its mark: no read of the
    // user's sheet, one read of the charts on the sheet replaced (the port's replace), the sheet
    // replaced read for what the user typed on it (3: its used range, its formulas), and the
    // cells elsewhere that link to it asked for (1: the sheet's own formulas are Excel's
    // dependents of it, so Excel answers at once; 2 when nothing at all refers to it).
    const again = excel.state.syncs;
    const second = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { ...request, base: "current" },
      () => Promise.reject(new Error("asked")),
    );
    expect(excel.state.syncs - again).toBe(15);
    expect(second?.target).toEqual({ sheetName: "Budget comparison 2", mode: "replaceOwned" });
    expect(book.cell("Budget comparison 2", "C4")?.content).toBe("Current (base)");
    expect(book.cell(COMPARISON_SHEET, "A1")?.content).toBe("Budget comparison: my notes");
  });
});

describe("what the user typed on the comparison", () => {
  const REQUEST = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
  /** A 5,000-line budget saved as "Approved" and compared with Current once (nothing asked). */
  async function comparedOnce() {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    await compareCurrent(port, await storeRead(port), choice, REQUEST, () =>
      Promise.reject(new Error("asked")),
    );
    return { book, excel, port, choice, request: REQUEST };
  }
  /**
   * Compares again and answers no to the question: nothing is written (the sheet is as it was).
   * The questions asked.
   */
  async function refusing(compared: Omit<Awaited<ReturnType<typeof comparedOnce>>, "excel">) {
    const { book, port, choice, request } = compared;
    const before = sheetCells(book, COMPARISON_SHEET);
    const questions: string[] = [];
    const asked = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      request,
      answering(questions)(false),
    );
    expect(asked).toBeNull();
    expect(sheetCells(book, COMPARISON_SHEET)).toBe(before);
    return questions;
  }
  /** Answers each question with `answer`, its words kept in `questions`. */
  const answering = (questions: string[]) => (answer: boolean) => (question: { message: string }) => {
    questions.push(question.message);
    return Promise.resolve(answer);
  };

  it("is named in one question before the replace; a no writes nothing, a yes carries it to the same accounts", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const first = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, first, () =>
      Promise.reject(new Error("asked")),
    );
    expect(book.cell(COMPARISON_SHEET, "G4")?.content).toBe(YOUR_NOTES);
    // The user types a note on 1101 and a date beside it (12/9/2025, a serial Excel formats as
    // a date), 12,500 over 1102's Difference (a money cell), and text that looks like a formula
    // beside 1103.
    book.setCell(COMPARISON_SHEET, "G5", { kind: "value", content: "check rights" });
    // (H is PROD's check, hidden: the first column the user sees right of the notes is I.)
    book.setCell(COMPARISON_SHEET, "I5", { kind: "value", content: 46000, format: "m/d/yyyy" });
    expect(book.cell(COMPARISON_SHEET, "E6")?.format).toBe(NUMBER_FORMATS.money);
    book.cell(COMPARISON_SHEET, "E6")!.content = 12500;
    book.cell(COMPARISON_SHEET, "E6")!.kind = "value";
    book.setCell(COMPARISON_SHEET, "I7", { kind: "value", content: "=SUM(A1)" });
    await saveCurrent(port, await storeRead(port), choice, "B", "2026-12-05", yes);
    const before = book.formulas(COMPARISON_SHEET, 0, 0, 120, 12);
    const second = { versionIds: [1, 2], base: "current" as const, filter: "1101-1102", topSheetOnly: false };
    const questions: string[] = [];
    const refused = await compareCurrent(port, await storeRead(port), choice, second, (question) => {
      questions.push(`${question.title} ${question.message}`);
      return no();
    });
    expect(refused).toBeNull();
    expect(book.formulas(COMPARISON_SHEET, 0, 0, 120, 12)).toEqual(before);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(
      /^Replace "Budget comparison"\? You typed on it: 3 cells beside 2 rows \(1101 /,
    );
    expect(questions[0]).toContain(
      `1 figure typed over PROD's formulas (12,500 over "Difference: Current" of 1102 `,
    );
    expect(questions[0]).toContain(
      `1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: 1103 `,
    );

    const syncs = excel.state.syncs;
    const written = await compareCurrent(port, await storeRead(port), choice, second, yes);
    // As a replace (11, and 1 more: the store of two 5,000-line versions is read in two chunks),
    // the sheet replaced read for what the user typed (3: its used range, its formulas and number
    // formats), and the links to it asked for (1: there are none elsewhere, and the sheet's own
    // formulas answer). The formats carried go in the request that writes the values.
    expect(excel.state.syncs - syncs).toBe(16);
    // Current (base), Approved, B, two pairs: the notes column is now J, the check K (hidden),
    // and what was beside the old table (I) is beside the new one (L).
    expect(book.cell(COMPARISON_SHEET, "J4")?.content).toBe(YOUR_NOTES);
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns]).toEqual([10]);
    const row5 = book.values(COMPARISON_SHEET, 4, 0, 1, 12)[0];
    expect([row5[9], row5[11]]).toEqual(["check rights", 46000]);
    expect(String(row5[10])).toMatch(new RegExp(`^${ROW_CHECK.replace(/[()]/g, "\\$&")} `));
    // The date is still a date; the note and PROD's words on the figure typed over stay text,
    // without the money format of the cell it was typed in.
    expect(book.cell(COMPARISON_SHEET, "L5")?.format).toBe("m/d/yyyy");
    expect(book.cell(COMPARISON_SHEET, "J5")?.format).toBe("General");
    expect(book.cell(COMPARISON_SHEET, "A5")?.content).toBe(1101);
    expect(book.cell(COMPARISON_SHEET, "F6")?.content).toBe("=ROUND(D6-C6,2)");
    expect(book.cell(COMPARISON_SHEET, "J6")?.content).toBe(
      `You typed 12,500 over "Difference: Current" (E6) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(book.cell(COMPARISON_SHEET, "J6")?.format).toBeUndefined();
    // 1103 is filtered out: its cell is kept under the heading, on a row named for it, as text.
    const column = book.values(COMPARISON_SHEET, 0, 0, 120, 1).map((r) => r[0]);
    const heading = column.indexOf(KEPT_HEADING);
    expect(heading).toBeGreaterThan(6);
    expect(String(column[heading + 1])).toMatch(/^1103 /);
    expect(book.cell(COMPARISON_SHEET, `L${heading + 2}`)).toMatchObject({
      kind: "value",
      content: "=SUM(A1)",
    });
    expect(written?.carried).toBe(
      `2 cells of yours carried to the rows with the same labels; 1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${String(column[heading + 1])}); 1 figure you typed over PROD's formulas kept as a note beside its row, with PROD's formula back in its place.`,
    );
  }, 60_000);

  it("carries 500 notes in a few rectangular writes, not one write a note, each with its format, nothing between them written", async () => {
    // 500 accounts, one line each: the comparison has a row per account, with category rows between.
    const book = new MockBook();
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    const accounts = Array.from({ length: 500 }, (_, i) => 1101 + 2 * i);
    book.addSheet("Budget", [
      ["Account", "Description", "Amount"],
      ...accounts.map((a) => [a, `Line ${a}`, 1000]),
    ]);
    const choice: BudgetChoice = {
      kind: "range",
      ref: { sheet: "Budget", address: "A1:C501" },
      layout: "FEATURE",
    };
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, no);
    expect(book.cell(COMPARISON_SHEET, "G4")?.content).toBe(YOUR_NOTES);
    // A note on every account's row, every other one a date (a serial shown as a date).
    const column = book.values(COMPARISON_SHEET, 0, 0, 1000, 1).map((r) => r[0]);
    const rows = column.flatMap((v, r) => (typeof v === "number" && accounts.includes(v) ? [r] : []));
    expect(rows).toHaveLength(500);
    rows.forEach((r, i) =>
      book.setCell(COMPARISON_SHEET, `G${r + 1}`, {
        kind: "value",
        content: i % 2 === 0 ? `note ${i}` : 46000 + i,
        ...(i % 2 === 0 ? {} : { format: "m/d/yyyy" }),
      }),
    );
    const notesBefore = book.values(COMPARISON_SHEET, 0, 6, 1000, 1);
    const writes = excel.state.rangeWrites;
    const syncs = excel.state.syncs;
    await compareCurrent(port, await storeRead(port), choice, request, yes);
    // The sheet's own writes (24), then the notes: one write for each run of account rows between
    // two category rows (10: 1100 to 2000), was one for each note (500): 34 in all, was 524.
    expect(excel.state.rangeWrites - writes).toBe(24 + 10);
    // The syncs of a replace with what was typed read (15, as before: the notes' writes were
    // already in the one request; now that request is 34 range writes, not 524).
    expect(excel.state.syncs - syncs).toBe(15);
    // Every note on its row, as it was typed, each date still a date; no other cell of the notes
    // column written (the category rows between the runs left as PROD wrote them: blank).
    expect(book.values(COMPARISON_SHEET, 0, 6, 1000, 1)).toEqual(notesBefore);
    rows.forEach((r, i) =>
      expect(book.cell(COMPARISON_SHEET, `G${r + 1}`)?.format).toBe(
        i % 2 === 0 ? NUMBER_FORMATS.general : "m/d/yyyy",
      ),
    );
  }, 60_000);

  it("moves a note kept under the heading back to its account when the account is in the comparison again", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const all = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, all, () => Promise.reject(new Error("asked")));
    book.setCell(COMPARISON_SHEET, "G5", { kind: "value", content: "check rights" });
    // (H is PROD's check, hidden: the first column the user sees right of the notes is I.)
    book.setCell(COMPARISON_SHEET, "I5", { kind: "value", content: 46000, format: "m/d/yyyy" });
    // Without 1101: its cells are kept under the heading.
    await compareCurrent(port, await storeRead(port), choice, { ...all, filter: "1102-1199" }, yes);
    const column = () => book.values(COMPARISON_SHEET, 0, 0, 200, 1).map((r) => r[0]);
    const heading = column().indexOf(KEPT_HEADING);
    // The row is named by its account and description (the budget's first line's, as text).
    const label = String(column()[heading + 1]);
    expect(label).toBe('1101 =HYPERLINK("x")');
    // Nothing of the user's in the hidden column H on the kept rows either.
    expect(book.values(COMPARISON_SHEET, heading + 1, 6, 1, 3)).toEqual([["check rights", "", 46000]]);

    // With 1101 again: the note and the date go back to its row, and the kept part is gone.
    const questions: string[] = [];
    const syncs = excel.state.syncs;
    const written = await compareCurrent(port, await storeRead(port), choice, all, (question) => {
      questions.push(question.message);
      return yes();
    });
    // As any replace with something typed on it (16 with a store of two reads; one read here).
    expect(excel.state.syncs - syncs).toBe(15);
    expect(questions[0]).toContain(
      `2 cells that were kept under "${KEPT_HEADING}" will be moved back to the row the new sheet has again: ${label}.`,
    );
    expect(book.cell(COMPARISON_SHEET, "A5")?.content).toBe(1101);
    const row5 = book.values(COMPARISON_SHEET, 4, 6, 1, 3)[0];
    expect([row5[0], row5[2]]).toEqual(["check rights", 46000]);
    expect(book.cell(COMPARISON_SHEET, "I5")?.format).toBe("m/d/yyyy");
    expect(column()).not.toContain(KEPT_HEADING);
    expect(written?.carried).toBe(
      `2 cells that were kept under "${KEPT_HEADING}" moved back to the row the new sheet has again: ${label}.`,
    );
  }, 60_000);

  it("keeps an account whose check is gone whole under the heading when the filter leaves it out, each cell as it read, once however often compared", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const all = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, all, () => Promise.reject(new Error("asked")));
    // 1101's check deleted (H5), its description retyped and a note typed; what Excel shows of
    // its formulas set (the mock does not calculate): Current, Approved, the difference and %.
    book.setCell(COMPARISON_SHEET, "H5", { kind: "value", content: "" });
    book.setCell(COMPARISON_SHEET, "B5", { kind: "value", content: "Rights (as agreed)" });
    book.setCell(COMPARISON_SHEET, "G5", { kind: "value", content: "ask legal" });
    const shown: Record<string, number> = { C5: 125000, D5: 120000, E5: 5000, F5: 0.0417 };
    for (const [address, result] of Object.entries(shown))
      book.cell(COMPARISON_SHEET, address)!.result = result;
    const formulas = ["C5", "D5"].map((a) => String(book.cell(COMPARISON_SHEET, a)?.content));
    const questions: string[] = [];
    const syncs = excel.state.syncs;
    const written = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { ...all, filter: "1102-1199" },
      (question) => {
        questions.push(question.message);
        return yes();
      },
    );
    // As any replace with something typed on it.
    expect(excel.state.syncs - syncs).toBe(15);
    const column = () => book.values(COMPARISON_SHEET, 0, 0, 200, 1).map((r) => r[0]);
    const heading = column().indexOf(KEPT_HEADING);
    const label = String(column()[heading + 1]);
    expect(label).toBe("1101 Rights (as agreed)");
    expect(questions).toEqual([
      `You typed on it: 1 cell beside 1 row (${label}). 1 cell will be kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}). PROD's hidden check of what it wrote is gone from 1 row (${label}), so on it PROD cannot tell a label or formula you retyped from its own; the new sheet does not have it, so it keeps the row under "${KEPT_HEADING}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept. Comparing replaces it with this comparison.`,
    ]);
    // By its label, each cell in its column: the description as retyped, the figures over the
    // store and the budget as the formulas they are, the difference and % (over this sheet's
    // cells) as the values they showed, each in its format, and the note.
    expect(book.values(COMPARISON_SHEET, heading + 1, 0, 1, 8)).toEqual([
      [label, "Rights (as agreed)", ...formulas, 5000, 0.0417, "ask legal", ""],
    ]);
    expect(book.cell(COMPARISON_SHEET, `E${heading + 2}`)).toMatchObject({
      kind: "value",
      format: NUMBER_FORMATS.money,
    });
    expect(book.cell(COMPARISON_SHEET, `F${heading + 2}`)?.format).toBe(NUMBER_FORMATS.percent);
    expect(written?.carried).toBe(
      `1 cell kept under "${KEPT_HEADING}" (1 row the new sheet does not have: ${label}); 1 row whose check was gone that the new sheet does not have (${label}) kept under "${KEPT_HEADING}" by its label, its cells as they read (5 cells; formulas pointing at cells of this sheet as their values).`,
    );
    // Compared again, and again: the kept row once, as it was.
    const kept = book.values(COMPARISON_SHEET, heading + 1, 0, 1, 9);
    for (let i = 0; i < 2; i++)
      await compareCurrent(port, await storeRead(port), choice, { ...all, filter: "1102-1199" }, yes);
    expect(column().filter((c) => c === label)).toHaveLength(1);
    expect(book.values(COMPARISON_SHEET, column().indexOf(label), 0, 1, 9)).toEqual(kept);
  }, 60_000);

  it("tells a label retyped and a formula of the user's over PROD's by the row's hidden check: a no writes nothing, a yes keeps both as notes with PROD's cells back", async () => {
    const { book, excel, port, choice, request } = await comparedOnce();
    // The check is in H, right of "Your notes", hidden.
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns]).toEqual([7]);
    expect(String(book.cell(COMPARISON_SHEET, "H5")?.content)).toContain(ROW_CHECK);
    const label = String(book.cell(COMPARISON_SHEET, "B5")?.content);
    const difference = book.cell(COMPARISON_SHEET, "E6")?.content;
    expect(difference).toBe("=ROUND(C6-D6,2)");
    book.setCell(COMPARISON_SHEET, "B5", { kind: "value", content: "Rights (revised)" });
    book.setCell(COMPARISON_SHEET, "E6", { kind: "formula", content: "=C6*2", result: 10025 });

    const questions = await refusing({ book, port, choice, request });
    const ask = answering(questions);
    expect(questions).toEqual([
      `You typed on it: 1 formula of yours written over PROD's formulas (=C6*2 over "Difference: Current" of 1102 ${String(book.cell(COMPARISON_SHEET, "B6")?.content)} (E6)); 1 of PROD's labels or figures retyped ("Rights (revised)" over "Description" (B5)). 2 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place. Comparing replaces it with this comparison.`,
    ]);

    const syncs = excel.state.syncs;
    const written = await compareCurrent(port, await storeRead(port), choice, request, ask(true));
    // As a replace with something typed: the same count as before checks (the check is read
    // with the sheet, and written with it).
    expect(excel.state.syncs - syncs).toBe(15);
    expect(book.cell(COMPARISON_SHEET, "B5")?.content).toBe(label);
    expect(book.cell(COMPARISON_SHEET, "E6")?.content).toBe(difference);
    expect(book.cell(COMPARISON_SHEET, "G5")?.content).toBe(
      `You retyped PROD's "Description" (B5) as "Rights (revised)" in the earlier sheet; PROD's own is back in its place.`,
    );
    expect(book.cell(COMPARISON_SHEET, "G6")?.content).toBe(
      `You wrote the formula =C6*2 (it showed 10,025) over "Difference: Current" (E6) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(written?.carried).toBe(
      "2 cells you typed over PROD's labels, figures or formulas kept as notes beside their rows, with PROD's own back in their place.",
    );
    // Compared again: the two notes are the user's now, and nothing is over PROD's any more.
    questions.length = 0;
    await compareCurrent(port, await storeRead(port), choice, request, ask(false));
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(
      /^You typed on it: 2 cells beside 2 rows \(1101 .*\)\. 2 cells of yours will be carried to the rows with the same labels\. Comparing/,
    );
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("tells PROD's differences pointed at other cells by hand, names PROD's formulas, and on a yes keeps each as a note with PROD's back", async () => {
    const { book, excel, port, choice, request } = await comparedOnce();
    expect(book.cell(COMPARISON_SHEET, "E6")?.content).toBe("=ROUND(C6-D6,2)");
    // The same functions and operators, its references pointed elsewhere: Approved minus
    // Current on 1102, and 1103's difference taken from 1104's row.
    book.setCell(COMPARISON_SHEET, "E6", { kind: "formula", content: "=ROUND(D6-C6,2)", result: 0 });
    book.setCell(COMPARISON_SHEET, "E7", { kind: "formula", content: "=ROUND(C8-D8,2)", result: 0 });
    const name = (row: number) =>
      `${String(book.cell(COMPARISON_SHEET, `A${row}`)?.content)} ${String(book.cell(COMPARISON_SHEET, `B${row}`)?.content)}`;

    const questions = await refusing({ book, port, choice, request });
    const ask = answering(questions);
    expect(questions).toEqual([
      `You typed on it: 2 of PROD's formulas pointed at other cells by hand ("Difference: Current" of ${name(6)} (E6) from =ROUND(C6-D6,2) to =ROUND(D6-C6,2), "Difference: Current" of ${name(7)} (E7) from =ROUND(C7-D7,2) to =ROUND(C8-D8,2)). 2 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place. Comparing replaces it with this comparison.`,
    ]);

    const syncs = excel.state.syncs;
    await compareCurrent(port, await storeRead(port), choice, request, ask(true));
    // As any replace with something typed on it.
    expect(excel.state.syncs - syncs).toBe(15);
    expect(book.cell(COMPARISON_SHEET, "E6")?.content).toBe("=ROUND(C6-D6,2)");
    expect(book.cell(COMPARISON_SHEET, "E7")?.content).toBe("=ROUND(C7-D7,2)");
    expect(book.cell(COMPARISON_SHEET, "G6")?.content).toBe(
      `You changed PROD's formula in "Difference: Current" (E6) from =ROUND(C6-D6,2) to =ROUND(D6-C6,2) (it showed 0) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(book.cell(COMPARISON_SHEET, "G7")?.content).toBe(
      `You changed PROD's formula in "Difference: Current" (E7) from =ROUND(C7-D7,2) to =ROUND(C8-D8,2) (it showed 0) in the earlier sheet; PROD's formula is back in its place.`,
    );
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("reads a comparison whose checks were written before PROD kept where formulas point as then, and writes it again with the new checks", async () => {
    const compared = await comparedOnce();
    const { book, port, choice, request } = compared;
    /** Each row's check in H as PROD wrote it before (no `v2` mark), from what PROD wrote on it. */
    const writtenBefore = () => {
      const cells = book.sheet(COMPARISON_SHEET).cells;
      for (const [key, cell] of cells) {
        const { r, c } = cellAt(key);
        if (c !== 7 || !String(cell.content).startsWith(ROW_CHECK)) continue;
        // A table row's check leaves out its notes (G); the title's, notes' and header's do not.
        const parts = String(cell.content).slice(ROW_CHECK.length).trim().split(" ").length - 2;
        const line = Array.from({ length: parts === 6 ? 7 : parts }, (_, column): Cell => {
          const at = cells.get(cellKey(r, column));
          if (!at) return null;
          if (at.kind === "formula") return { formula: String(at.content) };
          return typeof at.content === "string" ? { text: at.content } : at.content;
        });
        cell.content = oldRowCheck(line, parts === 6 ? 6 : null).text;
      }
    };
    writtenBefore();
    expect(String(book.cell(COMPARISON_SHEET, "H6")?.content)).not.toContain("v2");
    // Nothing typed: nothing asked (a question would be refused), and the checks are new again.
    await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    expect(String(book.cell(COMPARISON_SHEET, "H6")?.content)).toContain(`${ROW_CHECK} v2 r6 `);
    // A label retyped is still told by such a check; a reference pointed elsewhere by hand is not
    // (it kept only the formula's shape): PROD's formula goes back, as before.
    writtenBefore();
    book.setCell(COMPARISON_SHEET, "B5", { kind: "value", content: "Rights (revised)" });
    book.setCell(COMPARISON_SHEET, "E6", { kind: "formula", content: "=ROUND(D6-C6,2)", result: 0 });
    expect(await refusing(compared)).toEqual([
      `You typed on it: 1 of PROD's labels or figures retyped ("Rights (revised)" over "Description" (B5)). 1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place. Comparing replaces it with this comparison.`,
    ]);
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("tells a heading retyped, reading the table by its header's check, and puts PROD's heading back", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    // "Account" retyped: the header is no longer the one PROD writes, but its check tells it.
    book.setCell(COMPARISON_SHEET, "A4", { kind: "value", content: "Acct" });
    book.setCell(COMPARISON_SHEET, "G5", { kind: "value", content: "check rights" });
    const questions: string[] = [];
    await compareCurrent(port, await storeRead(port), choice, request, (question) => {
      questions.push(question.message);
      return yes();
    });
    expect(questions[0]).toBe(
      `You typed on it: 1 cell beside 1 row (1101 ${String(book.cell(COMPARISON_SHEET, "B5")?.content)}); 1 of PROD's labels or figures retyped ("Acct" over A4 of the header). 1 cell of yours will be carried to the rows with the same labels; 1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place. Comparing replaces it with this comparison.`,
    );
    expect(book.cell(COMPARISON_SHEET, "A4")?.content).toBe("Account");
    expect(book.cell(COMPARISON_SHEET, "G5")?.content).toBe("check rights");
    // The header's note goes beside it, past the hidden check column.
    expect(book.cell(COMPARISON_SHEET, "I4")?.content).toBe(
      `You retyped PROD's cell A4 as "Acct" in the earlier sheet; PROD's own is back in its place.`,
    );
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("says so when the hidden check was deleted, and keeps what a sheet without checks keeps", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    // The user unhides H and deletes it (its contents), retypes a label and types over a figure.
    const cells = book.sheet(COMPARISON_SHEET).cells;
    for (const key of [...cells.keys()]) if (cellAt(key).c === 7) cells.delete(key);
    book.setCell(COMPARISON_SHEET, "B5", { kind: "value", content: "Rights (revised)" });
    book.setCell(COMPARISON_SHEET, "E6", { kind: "value", content: 12500 });
    const questions: string[] = [];
    const written = await compareCurrent(port, await storeRead(port), choice, request, (question) => {
      questions.push(question.message);
      return yes();
    });
    expect(questions).toHaveLength(1);
    expect(questions[0]).toContain(
      `1 figure typed over PROD's formulas (12,500 over "Difference: Current" of 1102 `,
    );
    expect(questions[0]).toMatch(
      /PROD's hidden check of what it wrote is gone from \d+ rows \(Budget comparison, row 2, row 3 and \d+ more\), so on them PROD cannot tell a label or formula you retyped from its own, and puts its own back; notes, cells beside the rows and figures typed over formulas are still kept\./,
    );
    expect(written?.carried).toContain("1 figure you typed over PROD's formulas kept as a note");
    // Written again with its checks.
    expect(String(book.cell(COMPARISON_SHEET, "H5")?.content)).toContain(ROW_CHECK);
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("keeps a column the user hid there hidden, and says the checks are gone when the user deleted PROD's hidden column and its note: no sync more", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    const asked = () => Promise.reject(new Error("asked"));
    await compareCurrent(port, await storeRead(port), choice, request, asked);
    // Account, Description, Approved (base), Current, the pair, Your notes (G), PROD's check (H).
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns]).toEqual([7]);
    // The user hides J, a column of their own.
    book.sheet(COMPARISON_SHEET).hiddenColumns.add(9);
    let syncs = excel.state.syncs;
    await compareCurrent(port, await storeRead(port), choice, { ...request, base: "current" }, asked);
    // As before PROD named its hidden column (measured: 15, the links asked for in two syncs as
    // nothing refers to the sheet): PROD_HIDDEN is read with the sheet's cells and its charts.
    expect(excel.state.syncs - syncs).toBe(15);
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns].sort()).toEqual([7, 9]);

    // The user deletes H, PROD's check column (their J moves to I), and rewrites the chart note,
    // the sentence about the check column with it.
    book.deleteColumns(COMPARISON_SHEET, 7, 1);
    book.setCell(COMPARISON_SHEET, "A3", { kind: "value", content: "Chart of accounts: mine." });
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns]).toEqual([8]);
    const questions: string[] = [];
    const ask = (answer: boolean) => (question: { message: string }) => {
      questions.push(question.message);
      return Promise.resolve(answer);
    };
    syncs = excel.state.syncs;
    expect(await compareCurrent(port, await storeRead(port), choice, request, ask(false))).toBeNull();
    // As a question answered no before PROD named its hidden column (measured: 12), nothing written.
    expect(excel.state.syncs - syncs).toBe(12);
    expect(questions).toHaveLength(1);
    expect(questions[0]).toMatch(
      /^.*PROD's hidden check of what it wrote is gone from \d+ rows \(Budget comparison, row 2, row 3 and \d+ more\), so on them PROD cannot tell a label or formula you retyped from its own, and puts its own back/,
    );
    syncs = excel.state.syncs;
    const written = await compareCurrent(port, await storeRead(port), choice, request, ask(true));
    // As a replace after a yes before (measured: 15).
    expect(excel.state.syncs - syncs).toBe(15);
    expect(written).not.toBeNull();
    // Written again with its check in H, hidden; the user's I stays hidden.
    expect(String(book.cell(COMPARISON_SHEET, "H5")?.content)).toContain(ROW_CHECK);
    expect([...book.sheet(COMPARISON_SHEET).hiddenColumns].sort()).toEqual([7, 8]);
    // Two or three compares of a 5,000-line budget: more than the default box on a loaded machine.
  }, 60_000);

  it("asks before the replace when a cell elsewhere links to it, even with nothing typed on it", async () => {
    const { book, excel, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    book.addSheet("Summary", []);
    book.setCell("Summary", "A1", { kind: "formula", content: "='Budget comparison'!E5*2" });
    const questions: string[] = [];
    const ask = (answer: boolean) => (question: { message: string }) => {
      questions.push(question.message);
      return Promise.resolve(answer);
    };
    expect(
      await compareCurrent(port, await storeRead(port), choice, { ...request, base: "current" }, ask(false)),
    ).toBeNull();
    expect(book.cell(COMPARISON_SHEET, "C4")?.content).toBe("Current");
    expect(questions).toEqual([
      `The formula in Summary!A1 refers to "Budget comparison". After the replace it points at the same cells, which may then hold other figures. Comparing replaces it with this comparison.`,
    ]);
    const syncs = excel.state.syncs;
    await compareCurrent(port, await storeRead(port), choice, { ...request, base: "current" }, ask(true));
    // As a replace with nothing typed (14), the links found in one sync.
    expect(excel.state.syncs - syncs).toBe(15);
    expect(book.cell(COMPARISON_SHEET, "C4")?.content).toBe("Current (base)");
  });

  it("asks nothing when the user typed nothing on it", async () => {
    const { book, port, choice } = setup();
    await saveCurrent(port, await storeRead(port), choice, "Approved", "2026-12-04", yes);
    const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
    await compareCurrent(port, await storeRead(port), choice, request, () =>
      Promise.reject(new Error("asked")),
    );
    const written = await compareCurrent(
      port,
      await storeRead(port),
      choice,
      { ...request, base: "current" },
      () => Promise.reject(new Error("asked")),
    );
    expect(written?.carried).toBe("");
    expect(book.cell(COMPARISON_SHEET, "C4")?.content).toBe("Current (base)");
  });
});

describe("version names that look like formulas", () => {
  it.each(["=SUM(A1)", "+1", "@x", "-1", '=HYPERLINK("http://x.example","y")'])(
    "%s reaches the store and the comparison's headings as that text, never a formula",
    async (name) => {
      const { book, port, choice } = setup();
      const saved = await saveCurrent(port, await storeRead(port), choice, name, "2026-12-04", yes);
      expect(saved?.version.name).toBe(name);
      expect(book.cell(STORE_SHEET, "B4")).toMatchObject({ kind: "value", content: name });
      const request = { versionIds: [1], base: 1 as const, filter: "", topSheetOnly: false };
      await compareCurrent(port, await storeRead(port), choice, request, no);
      expect(book.cell(COMPARISON_SHEET, "D4")).toMatchObject({ kind: "value", content: `${name} (base)` });
      expect(book.cell(COMPARISON_SHEET, "E4")).toMatchObject({
        kind: "value",
        content: "Difference: Current",
      });
      await compareCurrent(port, await storeRead(port), choice, { ...request, base: "current" }, no);
      expect(book.cell(COMPARISON_SHEET, "D4")).toMatchObject({ kind: "value", content: name });
      expect(book.cell(COMPARISON_SHEET, "E4")).toMatchObject({
        kind: "value",
        content: `Difference: ${name}`,
      });
      // The version, read back from the store, still has its name.
      const again = await saveCurrent(port, await storeRead(port), choice, name, "2026-12-05", yes);
      expect(again?.replaced).toBe(true);
    },
  );
});
