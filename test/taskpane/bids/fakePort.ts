import {
  PortError,
  parseA1,
  type Cell,
  type CellValue,
  type OwnedRegion,
  type RangeData,
  type RangeRef,
  type TableData,
  type WorkbookPort,
  type WritePlan,
} from "../../../src/excel/port";

/** What a cell holds after a fake write: text cells keep their text, formulas their formula. */
function cellValue(cell: Cell): CellValue {
  if (cell === null) return "";
  if (typeof cell === "object") return "text" in cell ? cell.text : cell.formula;
  return cell;
}

/**
 * An in-memory workbook for panel tests: sheets of values, tables, a selection, ownership marks,
 * and every plan the pane applied (to assert on exactly what it asked to write).
 */
export class FakePort implements WorkbookPort {
  sheets = new Map<string, CellValue[][]>();
  tables: TableData[] = [];
  selection: RangeRef = { sheet: "Sheet1", address: "A1" };
  owned: OwnedRegion[] = [];
  applied: WritePlan[] = [];

  constructor(sheets: Record<string, CellValue[][]> = { Sheet1: [] }) {
    for (const [name, values] of Object.entries(sheets)) this.sheets.set(name, values);
  }

  async listSheets() {
    return [...this.sheets.keys()];
  }
  async readRange(ref: RangeRef): Promise<RangeData> {
    const { row, column, rowCount, columnCount } = parseA1(ref.address);
    const sheet = this.sheets.get(ref.sheet) ?? [];
    const values = Array.from({ length: rowCount }, (_, r) =>
      Array.from({ length: columnCount }, (_, c) => sheet[row + r]?.[column + c] ?? ""),
    );
    return { ...ref, values };
  }
  async readUsedRange(): Promise<RangeData | null> {
    return null;
  }
  async listTables() {
    return this.tables.map((t) => ({ name: t.name, sheet: t.sheet }));
  }
  async readTable(name: string) {
    return this.tables.find((t) => t.name === name) ?? null;
  }
  async listNames() {
    return [];
  }
  async readNamedRange() {
    return null;
  }
  async getSelection() {
    return this.selection;
  }
  async findNonEmpty(ranges: readonly RangeRef[]) {
    const out: RangeRef[] = [];
    for (const ref of ranges) {
      const data = await this.readRange(ref);
      if (data.values.some((row) => row.some((v) => v !== ""))) out.push(ref);
    }
    return out;
  }
  async findOwned(owner: string) {
    return this.owned.filter((o) => o.owner === owner);
  }
  async apply(plan: WritePlan) {
    for (const sheet of plan.sheets) {
      const exists = this.sheets.has(sheet.name);
      const key = sheet.markKey ?? sheet.name;
      const ours = this.owned.some((o) => o.owner === plan.owner && o.key === key && o.sheet === sheet.name);
      if (sheet.mode === "create" && exists)
        throw new PortError("sheetExists", `"${sheet.name}" exists`, [sheet.name]);
      if (sheet.mode === "replaceOwned" && !ours)
        throw new PortError("notOwned", `"${sheet.name}" is not ours`);
      if (sheet.mode === "existing" && !exists) throw new PortError("notFound", `no sheet "${sheet.name}"`);
    }
    this.applied.push(plan);
    for (const sheet of plan.sheets) {
      const values: CellValue[][] = sheet.mode === "existing" ? (this.sheets.get(sheet.name) ?? []) : [];
      for (const block of sheet.blocks) {
        block.cells.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const row = (values[block.row + r] ??= []);
            row[block.column + c] = cellValue(cell);
          }),
        );
      }
      this.sheets.set(sheet.name, values);
      if (sheet.mode !== "existing" && !this.owned.some((o) => o.sheet === sheet.name)) {
        this.owned.push({
          owner: plan.owner,
          key: sheet.markKey ?? sheet.name,
          sheet: sheet.name,
          address: "A1",
        });
      }
    }
  }
  async replaceTableRows() {
    throw new Error("not used by the Bids panel");
  }

  /** A cell's value by A1 address. */
  cell(sheet: string, address: string): CellValue | undefined {
    const { row, column } = parseA1(address);
    return this.sheets.get(sheet)?.[row]?.[column];
  }
}
