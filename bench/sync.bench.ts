/**
 * `context.sync()` counts through the Office adapter (src/excel/officeWorkbook.ts) over the
 * office-addin-mock Excel of the adapter tests (test/excel/mockExcel.ts), which counts syncs:
 * inserting each budget template, and a weekly cost report run on ledgers of growing size (reading
 * the GL sheet, then writing the report). A fixed number of syncs plus chunks is what we want: no
 * sync per row, per cell or per account.
 */
import type { LayoutId } from "../src/engine/chart";
import { Decimal } from "../src/engine/money";
import { TEMPLATES } from "../src/engine/templates";
import { dateSerial } from "../src/engine/weeklyCostReport";
import type { CellBlock, WritePlan } from "../src/excel/port";
import { runCostReport } from "../src/taskpane/costReport/runReport";
import { firstMapping, loadInput, mappingMemory, type InputKind } from "../src/taskpane/costReport/sources";
import { buildTemplatePlan, namesForCopy } from "../src/taskpane/templates/buildPlan";
import { fakeWorkbook as workbook } from "../test/taskpane/fakePort";
import { fmt, seeded, type Row } from "./lib";

const END = dateSerial(2026, 11, 20) as number;
const LEDGER_SIZES = [10_000, 100_000, 250_000];

const cellsOf = (blocks: readonly CellBlock[]) =>
  blocks.reduce((n, b) => n + b.cells.length * (b.cells[0]?.length ?? 0), 0);
const planCells = (plan: WritePlan) => plan.sheets.reduce((n, s) => n + cellsOf(s.blocks), 0);

async function templateRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const id of Object.keys(TEMPLATES) as LayoutId[]) {
    const template = TEMPLATES[id];
    const { sheets, suffix } = namesForCopy(template, 1);
    const { plan } = buildTemplatePlan(template, template.defaults, sheets, suffix);
    const { excel, port } = workbook();
    await port.apply(plan);
    rows.push({
      section: "Syncs",
      measure: `insert the ${template.name} template (${plan.sheets.length} sheets, ${fmt(planCells(plan))} cells)`,
      value: `${excel.state.syncs} syncs`,
      spread: `${excel.state.requestsWithWrites.length} of them with writes`,
      target: "fixed",
      verdict: "",
    });
  }
  return rows;
}

/** A budget of every account of the generated ledger, and a GL sheet of `lines` lines. */
function costReportBook(lines: number) {
  const wb = workbook();
  const accounts: number[] = [];
  for (let cat = 11; cat <= 79; cat++) for (let a = 1; a <= 8; a++) accounts.push(cat * 100 + a);
  wb.book.addSheet("Budget detail", [
    ["Acct", "Description", "Total"],
    ...accounts.map((a) => [a, `Account ${a}`, 100000]),
  ]);
  const rand = seeded(lines);
  const gl: (string | number | null)[][] = [["Account", "Date", "Vendor", "Description", "Amount", "PO #"]];
  for (let i = 0; i < lines; i++) {
    const account = accounts[Math.floor(rand() * accounts.length)];
    const day = new Date(Date.UTC(2026, 8, 1) + Math.floor(rand() * 90) * 86400000)
      .toISOString()
      .slice(0, 10);
    gl.push([
      String(account),
      day,
      `Vendor ${i % 500}`,
      `Line ${i}`,
      Math.floor(rand() * 500000) / 100,
      null,
    ]);
  }
  wb.book.addSheet("GL", gl);
  wb.book.addSheet("POs", [["PO #", "Account", "Vendor", "Open amount"]]);
  return wb;
}

async function costReportSyncs(
  lines: number,
): Promise<{ read: number; write: number; writes: number; glChunks: number; glChunkBytes: number }> {
  const { excel, port } = costReportBook(lines);
  const memory = mappingMemory(undefined);
  const mapped = async <K extends InputKind>(name: string, kind: K) => {
    const input = await loadInput(port, { kind: "sheet", name }, kind);
    return firstMapping(kind, input, memory);
  };
  const budget = await mapped("Budget detail", "budget");
  // The GL's read: one sync for its used range, then one per chunk of its cells.
  const [syncsBefore, responsesBefore] = [excel.state.syncs, excel.state.responseBytes.length];
  const ledger = await mapped("GL", "ledger");
  const glChunks = excel.state.syncs - syncsBefore - 1;
  const glChunkBytes = Math.max(...excel.state.responseBytes.slice(responsesBefore));
  const request = {
    budget,
    ledger,
    pos: await mapped("POs", "pos"),
    layout: "FEATURE" as const,
    cutoff: { kind: "date" as const, start: END - 6, end: END },
    periodEnd: END,
    convention: "UNDER" as const,
    efcChangeThreshold: new Decimal(1000),
    relievePos: true,
    // A new workbook: there is no report of that date to replace.
    confirmReplace: () => Promise.resolve(false),
  };
  const read = excel.state.syncs;
  const before = excel.state.requestsWithWrites.length;
  await runCostReport(port, request);
  return {
    read,
    write: excel.state.syncs - read,
    writes: excel.state.requestsWithWrites.length - before,
    glChunks,
    glChunkBytes,
  };
}

/** Rows of the table: syncs per template insert, and per cost report run by ledger size. */
export async function syncRows(): Promise<Row[]> {
  const rows = await templateRows();
  for (const lines of LEDGER_SIZES) {
    const { read, write, writes, glChunks, glChunkBytes } = await costReportSyncs(lines);
    rows.push({
      section: "Syncs",
      measure: `cost report, ${fmt(lines)}-line GL: read the three inputs / run and write the report`,
      value: `${read} / ${write} syncs`,
      spread: `GL read in ${glChunks} chunks (largest response ${fmt(glChunkBytes / 1e6, 2)} MB), again when the report is built; ${writes} of the ${write} with writes`,
      target: "fixed + chunks",
      verdict: "",
    });
  }
  return rows;
}
