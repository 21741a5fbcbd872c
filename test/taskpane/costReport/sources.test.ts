/**
 * @jest-environment node
 */
// Reading files needs no DOM; Node has TextEncoder/TextDecoder, which jsdom lacks.
import { readLayout } from "../../../src/engine/import";
import { VOCABULARIES } from "../../../src/engine/weeklyCostReport";
import { importLedger } from "../../../src/taskpane/costReport/ledgerImport";
import { DECIMAL_COMMA } from "../../../src/engine/import";
import { inThreadChannel, type PaneMessage } from "../../../src/taskpane/costReport/reportProtocol";
import {
  firstMapping,
  mappingOf,
  loadInput,
  mappingGaps,
  mappingMemory,
  openQuestions,
  remap,
} from "../../../src/taskpane/costReport/sources";
import type { KeyValueStorage } from "../../../src/taskpane/shell/columnMemory";
import { serialToIso } from "../../../src/engine/weeklyCostReport";
import { makeXlsx } from "../files/xlsxFixture";
import { fakeWorkbook } from "../fakePort";

/** A picked file of this text (a File is a Blob). */
const file = (text: string) => new Blob([text]);

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe("cost-report inputs from files", () => {
  const { port } = fakeWorkbook();

  it("keeps a CSV ledger as the picked file, to be parsed in chunks, with its header found", async () => {
    const csv =
      "Production: The Long Take\nAcct,Trans Date,Payee,Memo,Debit,Credit,PO#\n25-01,11/18/2026,Grip Co,Dolly,1200.00,,PO-7\n";
    const input = await loadInput(port, { kind: "file", name: "gl.csv", data: file(csv) }, "ledger");
    expect(input.source.kind).toBe("csv");
    expect(input.headerRow).toBe(1);
    const m = await firstMapping("ledger", input, mappingMemory(undefined));
    const columns = m.columns;
    expect(columns).toEqual({ account: 0, date: 1, vendor: 2, description: 3, debit: 4, credit: 5, po: 6 });
    const mapped = await importLedger(input.source, mappingOf(m));
    expect(mapped.lines).toEqual([
      expect.objectContaining({ row: 3, account: "25-01", vendor: "Grip Co", amount: 120000 }),
    ]);
  });

  it("reads a tab-separated CSV UTF-8 ledger (byte-order mark, commas in amounts) by its headings", async () => {
    const tsv = "\uFEFFAcct\tDescription\tAmount\n2501\tDolly, crane\t1,250.00\n";
    const input = await loadInput(port, { kind: "file", name: "gl.txt", data: file(tsv) }, "ledger");
    expect(input.headers).toEqual(["Acct", "Description", "Amount"]);
    const m = await firstMapping("ledger", input, mappingMemory(undefined));
    const mapped = await importLedger(input.source, mappingOf(m));
    expect(mapped.lines).toEqual([
      expect.objectContaining({ account: "2501", description: "Dolly, crane", amount: 125000 }),
    ]);
  });

  it("reads a budget or a ledger from the first sheet of an .xlsx", async () => {
    const data = makeXlsx([
      {
        name: "Budget",
        rows: [
          ["Acct", "Description", "Total"],
          [2501, "Key grip", 100000],
          [3301, '=HYPERLINK("x")', 60000],
        ],
      },
    ]);
    const input = await loadInput(
      port,
      { kind: "file", name: "budget.xlsx", data: new Blob([data]) },
      "budget",
    );
    expect(input.source.kind).toBe("grid");
    expect(input.headers).toEqual(["Acct", "Description", "Total"]);
    expect((await firstMapping("budget", input, mappingMemory(undefined))).columns).toEqual({
      account: 0,
      description: 1,
      amount: 2,
    });
  });

  it("opens an .xlsx ledger for streaming: its first visible sheet with rows, previewed, header found", async () => {
    const data = makeXlsx(
      [
        { name: "Cover", rows: [] },
        {
          name: "Lookups",
          rows: [
            ["Acct", "Amount"],
            [9999, 1],
          ],
          hidden: true,
        },
        {
          name: "GL Detail",
          rows: [
            ["GL Detail report, run 2026-11-21"],
            ["Acct", "Trans Date", "Payee", "Memo", "Debit", "Credit", "PO#"],
            ["25-01", { n: 46344, format: 14 }, "=cmd|' /C calc'!A0", "Dolly", 1200, null, "PO-7"],
          ],
        },
      ],
      { strings: "shared" },
    );
    const input = await loadInput(port, { kind: "file", name: "gl.xlsx", data: new Blob([data]) }, "ledger");
    expect(input.source.kind).toBe("xlsx");
    expect(input.label).toBe("gl.xlsx, sheet GL Detail");
    expect(input.headerRow).toBe(1);
    const m = await firstMapping("ledger", input, mappingMemory(undefined));
    const columns = m.columns;
    expect(columns).toEqual({ account: 0, date: 1, vendor: 2, description: 3, debit: 4, credit: 5, po: 6 });
    const mapped = await importLedger(input.source, mappingOf(m));
    expect(mapped.problems).toEqual([]);
    expect(mapped.lines).toEqual([
      expect.objectContaining({ row: 3, account: "25-01", vendor: "=cmd|' /C calc'!A0", amount: 120000 }),
    ]);
    expect(serialToIso(mapped.lines[0].date as number)).toBe("2026-11-18");
  });

  it("says an empty file or sheet is empty, not where its headings are (issue 16)", async () => {
    await expect(loadInput(port, { kind: "file", name: "gl.csv", data: file("") }, "ledger")).rejects.toThrow(
      /^gl\.csv is empty: there is nothing to read\. Pick the ledger\.$/,
    );
    // Only separators and line breaks: no cell has anything in it.
    await expect(
      loadInput(port, { kind: "file", name: "gl.csv", data: file("\n,,\n") }, "ledger"),
    ).rejects.toThrow(/^gl\.csv is empty: there is nothing to read\. Pick the ledger\.$/);
    const { port: withSheet, book } = fakeWorkbook();
    book.addSheet("Blank", []);
    await expect(loadInput(withSheet, { kind: "sheet", name: "Blank" }, "budget")).rejects.toThrow(
      'The sheet "Blank" is empty. Pick the sheet that holds the budget.',
    );
  });

  it("checks a sheet picked as the ledger in the report worker, every row of it, and asks what its last rows prove (issue 16)", async () => {
    const { port: workbook, book } = fakeWorkbook();
    const rows: (string | number)[][] = [
      ["GL detail, week 7"],
      ["Acct", "Date", "Vendor", "Amount"],
      ...Array.from({ length: 400 }, (_, i) => ["2501", "11/11/2026", `Vendor ${i}`, "1.250"]),
      ["Report total", "", "", "5.000,00"],
      ["3301", "20/11/2026", "Camera house", "1.234,56"],
    ];
    book.addSheet("GL", rows);
    const sent: string[] = [];
    const channel = () => {
      const inner = inThreadChannel();
      return { ...inner, send: (m: PaneMessage) => (sent.push(m.type), inner.send(m)) };
    };
    const input = await loadInput(workbook, { kind: "sheet", name: "GL" }, "ledger", channel);
    const mapped = await firstMapping("ledger", input, mappingMemory(undefined), channel);
    // The sheet as read, sent to the worker, its layout checked there: twice (headings found, then
    // under the columns to map), in one slice each (it is short).
    expect(sent).toEqual(["rows", "layout", "rows", "layout"]);
    const cells = (await workbook.readUsedRange("GL"))!.values;
    expect(mapped.layout).toEqual(
      readLayout(cells, VOCABULARIES.ledger, { headerRow: 1, columns: mapped.columns }),
    );
    // Row 404 proves both formats; the first 200 rows prove neither.
    expect([mapped.layout.numberFormat, mapped.layout.dateOrder]).toEqual([DECIMAL_COMMA, "DMY"]);
    const head = readLayout(cells.slice(0, 200), VOCABULARIES.ledger, {
      headerRow: 1,
      columns: mapped.columns,
    });
    expect([head.numberFinding.status, head.dateFinding.status]).toEqual(["ambiguous", "notNeeded"]);
    expect(openQuestions(mapped)).toEqual([]);
    const refused = await remap("ledger", mapped, { answers: { dateOrder: "MDY" } }, channel);
    expect(openQuestions(refused).map((q) => q.message)).toEqual([
      'The dates can only be day/month/year ("20/11/2026" (row 404)), not month/day/year as chosen. Pick the order again.',
    ]);
    // A file is judged from its first rows, on the pane's thread: nothing is sent.
    sent.length = 0;
    const csv = 'Acct,Date,Amount\n2501,20/11/2026,"1.234,56"\n';
    const picked = await loadInput(
      workbook,
      { kind: "file", name: "gl.csv", data: file(csv) },
      "ledger",
      channel,
    );
    const first = await firstMapping("ledger", picked, mappingMemory(undefined), channel);
    await remap("ledger", first, { answers: { dateOrder: "DMY" } }, channel);
    expect(sent).toEqual([]);
  });

  it("says plainly when a ledger workbook has no rows, or is not a workbook", async () => {
    const empty = makeXlsx([{ name: "Sheet1", rows: [] }]);
    await expect(
      loadInput(port, { kind: "file", name: "gl.xlsx", data: new Blob([empty]) }, "ledger"),
    ).rejects.toThrow('"gl.xlsx" has no rows.');
    await expect(
      loadInput(port, { kind: "file", name: "gl.xlsx", data: file("Acct,Amount") }, "ledger"),
    ).rejects.toThrow(
      /could not be read as an Excel workbook: there is no workbook inside it.*save it as .xlsx or CSV/,
    );
  });

  it("says what to do with a file it cannot read", async () => {
    await expect(
      loadInput(port, { kind: "file", name: "quote.pdf", data: file("%PDF") }, "ledger"),
    ).rejects.toThrow(/not a CSV or .xlsx file/);
  });
});

/** A ledger picked from cells with these headings. */
function loaded(headers: string[]) {
  const rows = [headers];
  const layout = readLayout(rows, VOCABULARIES.ledger);
  return {
    label: "GL",
    source: { kind: "grid" as const, name: "GL", rows },
    preview: rows,
    layout,
    headerRow: layout.headerRow,
    headers: layout.headers,
  };
}

describe("remembered column mappings", () => {
  it("offers last week's confirmed mapping for the same header layout, per input", async () => {
    const storage = memoryStorage();
    const memory = mappingMemory(storage);
    const headers = ["Code", "When", "Who", "What", "Net"];
    expect((await firstMapping("ledger", loaded(headers), memory)).columns).toEqual({ account: 0 });
    memory.set("ledger", headers, { account: 0, date: 1, vendor: 2, description: 3, amount: 4 });
    expect(
      (await firstMapping("ledger", loaded([" code", "WHEN", "Who", "What", "Net "]), memory)).columns,
    ).toEqual({
      account: 0,
      date: 1,
      vendor: 2,
      description: 3,
      amount: 4,
    });
    expect(memory.get("pos", headers)).toBeUndefined();
  });

  it("ignores stored junk and blocked storage", () => {
    const storage = memoryStorage();
    const headers = ["Acct", "Amount"];
    const memory = mappingMemory(storage);
    memory.set("budget", headers, { account: 0, amount: 1 });
    for (const k of storage.data.keys()) storage.data.set(k, '{"account":-1,"amount":"x","bogus":1}');
    expect(memory.get("budget", headers)).toEqual({});
    const blocked = mappingMemory({
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    });
    expect(() => blocked.set("budget", headers, { account: 0 })).not.toThrow();
    expect(blocked.get("budget", headers)).toBeUndefined();
  });

  it.each([
    ["ledger", { account: 0 }, ["Amount (or Debit and Credit)"]],
    ["ledger", { account: 0, credit: 3 }, []],
    ["budget", { description: 1 }, ["Account", "Budget amount"]],
    ["pos", { account: 0, amount: 2 }, []],
  ] as const)("lists what a %s mapping still needs", (kind, columns, gaps) => {
    expect(mappingGaps(kind, columns)).toEqual(gaps);
  });
});
