/**
 * @jest-environment node
 */
// The .xlsx reader decodes with TextDecoder, which Node has and jsdom lacks.
import { findHeaderRow } from "../../../src/engine/import";
import { amountToDecimal, VOCABULARIES } from "../../../src/engine/weeklyCostReport";
import {
  csvHead,
  importLedger,
  previewRows,
  type ImportableLedger,
  type LedgerSource,
} from "../../../src/taskpane/costReport/ledgerImport";
import { PortError } from "../../../src/excel/port";
import { XlsxWorkbook } from "../../../src/taskpane/files/xlsx";
import { makeXlsx, type FixtureCell } from "../files/xlsxFixture";

const xlsxSource = (book: XlsxWorkbook): ImportableLedger => ({
  kind: "xlsx",
  name: "gl.xlsx",
  book,
  sheet: 0,
});

const columns = { account: 0, date: 1, vendor: 2, description: 3, amount: 4, po: 5 };

/** A picked CSV file, with the start of its text, as the pane keeps it. */
async function csv(name: string, text: string): Promise<LedgerSource> {
  const file = new Blob([text]);
  return { kind: "csv", name, file, head: await csvHead(file) };
}

function bigCsv(lines: number): { text: string; totalCents: number } {
  let text = "GL Detail report, run 2026-11-21\nAccount,Date,Vendor,Description,Amount,PO #\n";
  let totalCents = 0;
  for (let i = 0; i < lines; i++) {
    const cents = ((i * 7919) % 100000) - 20000;
    totalCents += cents;
    text += `25-0${i % 9},2026-11-${String(1 + (i % 20)).padStart(2, "0")},"Vendor, ${i}","Line ""${i}""",${(cents / 100).toFixed(2)},\n`;
  }
  return { text, totalCents };
}

describe("importing a ledger export", () => {
  it("finds the header under a title line", async () => {
    const source = await csv("gl.csv", bigCsv(3).text);
    const preview = previewRows(source);
    expect(findHeaderRow(preview, VOCABULARIES.ledger)).toBe(1);
    expect(preview[1]).toEqual(["Account", "Date", "Vendor", "Description", "Amount", "PO #"]);
  });

  it("previews a CSV from its first bytes only: the byte-order mark dropped, characters of every width whole", async () => {
    // Over 1 MiB of 1- to 4-byte characters (é, €, 😀), after Excel's "CSV UTF-8" byte-order mark.
    const rows = [["Account", "Description", "Amount"]];
    for (let i = 0; rows.length < 50_000; i++) rows.push([`25-0${i % 9}`, `Café € 😀 ${i}`, "1.00"]);
    const text = "\uFEFF" + rows.map((r) => r.join(",")).join("\n");
    const source = await csv("gl.csv", text);
    expect(new TextEncoder().encode(text).byteLength).toBeGreaterThan(1 << 20);
    expect(previewRows(source)).toEqual(rows.slice(0, 200));
    // The whole file is decoded when its lines are read.
    const mapped = await importLedger(source, {
      columns: { account: 0, description: 1, amount: 2 },
      headerRows: 1,
      dateOrder: "MDY",
    });
    expect(mapped.lines).toHaveLength(49_999);
    expect(mapped.lines[49_998]).toMatchObject({ row: 50_000, description: "Café € 😀 49998" });
  });

  it("reads a large CSV in chunks, every line and every cent, with the file's row numbers", async () => {
    const { text, totalCents } = bigCsv(40_000);
    expect(text.length).toBeGreaterThan(2 * (1 << 20));
    const progress: number[] = [];
    const mapped = await importLedger(
      await csv("gl.csv", text),
      { columns, headerRows: 2, dateOrder: "MDY" },
      {
        onProgress: (p) => progress.push(p.fraction),
      },
    );
    expect(mapped.lines).toHaveLength(40_000);
    expect(mapped.problems).toEqual([]);
    const sum = mapped.lines.reduce((s, l) => s + (l.amount as number), 0);
    expect(sum).toBe(totalCents);
    expect(mapped.lines[0]).toMatchObject({
      row: 3,
      account: "25-00",
      vendor: "Vendor, 0",
      description: 'Line "0"',
    });
    expect(mapped.lines[39_999].row).toBe(40_002);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("reads a tab-separated export and reports an unreadable amount", async () => {
    const text = "Acct\tAmount\n2501\t1,250.00\n2501\tabc\n2502\t(12.50)\n";
    const mapped = await importLedger(await csv("gl.txt", text), {
      columns: { account: 0, amount: 1 },
      headerRows: 1,
      dateOrder: "MDY",
    });
    expect(mapped.lines.map((l) => amountToDecimal(l.amount).toFixed(2))).toEqual(["1250.00", "-12.50"]);
    expect(mapped.problems).toEqual([
      {
        row: 3,
        message: 'the amount "abc" is not a number written 1,234.56; the line is left out',
        excluded: true,
        amount: undefined,
      },
    ]);
  });

  it("reads a sheet's cells in slices", async () => {
    const rows = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
    for (let i = 0; i < 45_000; i++) rows.push(["2501", "", "", "", "1", ""]);
    const mapped = await importLedger(
      { kind: "grid", name: "GL", rows },
      { columns, headerRows: 1, dateOrder: "MDY" },
    );
    expect(mapped.lines).toHaveLength(45_000);
    expect(mapped.lines[44_999].row).toBe(45_001);
  });

  it("streams an .xlsx ledger: every line and every cent, with the sheet's row numbers", async () => {
    const rows: FixtureCell[][] = [
      ["GL Detail"],
      ["Account", "Date", "Vendor", "Description", "Amount", "PO #"],
    ];
    let totalCents = 0;
    for (let i = 0; i < 30_000; i++) {
      const cents = ((i * 7919) % 100000) - 20000;
      totalCents += cents;
      rows.push([
        `25-0${i % 9}`,
        { n: 46328 + (i % 20), format: 14 },
        `Vendor ${i % 300}`,
        `Line ${i}`,
        cents / 100,
        null,
      ]);
    }
    const book = XlsxWorkbook.open(makeXlsx([{ name: "GL", rows }], { strings: "shared" }));
    const progress: number[] = [];
    const mapped = await importLedger(
      xlsxSource(book),
      { columns: columns, headerRows: 2, dateOrder: "MDY" },
      {
        onProgress: (p) => progress.push(p.fraction),
      },
    );
    expect(mapped.problems).toEqual([]);
    expect(mapped.lines).toHaveLength(30_000);
    expect(mapped.lines.reduce((s, l) => s + (l.amount as number), 0)).toBe(totalCents);
    expect(mapped.lines[29_999]).toMatchObject({ row: 30_002, account: "25-02", vendor: "Vendor 299" });
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("stops an .xlsx ledger when cancelled", async () => {
    const rows: FixtureCell[][] = [["Account", "Amount"]];
    for (let i = 0; i < 60_000; i++) rows.push([`Line ${i}`, i]);
    const controller = new AbortController();
    const book = XlsxWorkbook.open(makeXlsx([{ name: "GL", rows }], { strings: "shared" }));
    const run = importLedger(
      xlsxSource(book),
      { columns: { account: 0, amount: 1 }, headerRows: 1, dateOrder: "MDY" },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(run).rejects.toMatchObject({ constructor: PortError, kind: "cancelled" });
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const run = importLedger(
      await csv("gl.csv", bigCsv(40_000).text),
      { columns, headerRows: 2, dateOrder: "MDY" },
      {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      },
    );
    await expect(run).rejects.toMatchObject({ constructor: PortError, kind: "cancelled" });
  });
});
