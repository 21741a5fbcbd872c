/**
 * The cost report's inputs as the pane picks them: a sheet, a table, or a file (CSV / XLSX),
 * each read into a grid with its header row found and its columns mapped. Confirmed mappings
 * are remembered per header layout, so next week's export from the same accounting system
 * maps itself (spec/taskpane.md 4; reference.md 5.4: column mapping is required).
 */
import { headerSignature, readLayout, type Answers, type Layout, type Question } from "../../engine/import";
import { VOCABULARIES, type Field, type Mapping } from "../../engine/weeklyCostReport";
import { InputError } from "./inputError";
import type { RangeData, RunOptions, WorkbookPort } from "../../excel/port";
import { columnMemory, type ColumnMemory, type KeyValueStorage } from "../shell/columnMemory";
import { fileKind, loadXlsxReader, readSheetFile, unreadableWorkbook } from "../files/readFile";
import type { FileCell } from "../files/readFile";
import { csvHead, PREVIEW_ROWS, previewRows, type LedgerSource } from "./ledgerImport";
import { checkLayout, reportChannel, type Cells, type JobChannel } from "./reportProtocol";

/** The three tables a report reads. */
export type InputKind = "budget" | "ledger" | "pos";

/** A mappable field of an input, as the pane labels it. */
export interface FieldSpec {
  field: Field;
  label: string;
  required?: boolean;
}

/** The fields of each input, in the order the pane shows them. */
export const INPUT_FIELDS: Record<InputKind, readonly FieldSpec[]> = {
  budget: [
    { field: "account", label: "Account", required: true },
    { field: "description", label: "Description" },
    { field: "amount", label: "Budget amount", required: true },
  ],
  ledger: [
    { field: "account", label: "Account", required: true },
    { field: "date", label: "Date" },
    { field: "period", label: "Period" },
    { field: "vendor", label: "Vendor" },
    { field: "description", label: "Description" },
    { field: "amount", label: "Amount (signed)" },
    { field: "debit", label: "Debit" },
    { field: "credit", label: "Credit" },
    { field: "po", label: "PO #" },
    { field: "reference", label: "Reference" },
  ],
  pos: [
    { field: "account", label: "Account", required: true },
    { field: "po", label: "PO #" },
    { field: "vendor", label: "Vendor" },
    { field: "description", label: "Description" },
    { field: "amount", label: "Open amount", required: true },
  ],
};

/** A column mapping: field -> 0-based column. */
export type Columns = Partial<Record<Field, number>>;

/** What the user settled about an input's file: how it writes amounts and dates. */
export type FormatAnswers = Pick<Answers<Field>, "numberFormat" | "dateOrder">;

/** An input of a kind with its confirmed column mapping, formats, and the layout they decide. */
export interface MappedInput<K extends InputKind = InputKind> {
  input: LoadedInput<SourceOf<K>>;
  columns: Columns;
  answers: FormatAnswers;
  /** The input's layout under these columns and answers (engine/import): its open questions. */
  layout: Layout<Field>;
}

/** Cells read into memory: a sheet, a table, or a budget or PO file. */
export type GridSource = Extract<LedgerSource, { kind: "grid" }>;

/**
 * What an input of a kind is read into: only a ledger file is kept as a file (read later, in
 * chunks); the budget and open POs are always cells.
 */
export type SourceOf<K extends InputKind> = K extends "ledger" ? LedgerSource : GridSource;

/** An input read and ready to map. */
export interface LoadedInput<S extends LedgerSource = LedgerSource> {
  /** How the sheet names the source: "sheet Budget detail", "gl-week12.csv". */
  label: string;
  /**
   * The sheet or table it was read from, read again when the report is built (the accountant
   * may paste this week's GL or fix a budget line with the pane open). Absent for a file: a
   * picked file cannot change, so what was read is what is used.
   */
  live?: WorkbookInput;
  source: S;
  /** The first rows, to find the header and show the columns. */
  preview: unknown[][];
  /**
   * What the import module decided from the preview (or, for cells, from all of them, in the
   * report worker).
   */
  layout: Layout<Field>;
  headerRow: number;
  /** Header texts of the header row (for the column pickers). */
  headers: string[];
}

/** An input that lives in the workbook: a sheet or a table. */
export type WorkbookInput = { kind: "sheet"; name: string } | { kind: "table"; name: string };

/** Where an input comes from, as picked in the pane: a file is the picked File (a Blob). */
export type InputChoice = WorkbookInput | { kind: "file"; name: string; data: Blob };

/** Where the layout of cells is checked: a new report worker each time (or the pane's thread). */
export type ChannelStarter = () => JobChannel;

/** Cancel of the run an input is read or checked for (Build's): it stops the reads and checks. */
export type Cancel = Pick<RunOptions, "signal">;

/**
 * The layout of an input under the answers: of all of its cells, in the report worker (a
 * 250,000-row sheet takes most of a second to check: issue 16), or of a file's first rows.
 */
function layoutOf(
  kind: InputKind,
  input: { source: LedgerSource; preview: unknown[][] },
  answers: Answers<Field>,
  channel: ChannelStarter,
  cancel: Cancel = {},
): Promise<Layout<Field>> {
  return input.source.kind === "grid"
    ? checkLayout(input.source.rows, kind, answers, channel(), cancel)
    : Promise.resolve(readLayout(input.preview, VOCABULARIES[kind], answers));
}

function fromRows(
  label: string,
  rows: Cells,
  kind: InputKind,
  channel: ChannelStarter,
  cancel: Cancel,
  live?: WorkbookInput,
): Promise<LoadedInput<GridSource>> {
  const source: GridSource = { kind: "grid", name: label, rows };
  return withHeader(label, source, kind, channel, cancel, live);
}

async function withHeader<S extends LedgerSource>(
  label: string,
  source: S,
  kind: InputKind,
  channel: ChannelStarter,
  cancel: Cancel,
  live?: WorkbookInput,
): Promise<LoadedInput<S>> {
  const preview = previewRows(source);
  const layout = await layoutOf(kind, { source, preview }, {}, channel, cancel);
  if (layout.empty) {
    throw new InputError(`${label} is empty: there is nothing to read. Pick the ${KIND_WORDS[kind]}.`);
  }
  return { label, live, source, preview, layout, headerRow: layout.headerRow, headers: layout.headers };
}

/** A sheet's cells as read (not copied: a ledger's are hundreds of thousands of rows). */
const rangeRows = (data: RangeData | null): Cells => data?.values ?? [];

/**
 * Reads an input. A sheet is read as its used range; a table as its header and rows; a file
 * as CSV or as the first visible sheet of an .xlsx that has rows. A ledger file is only
 * previewed here (a CSV kept as its bytes, an .xlsx opened): its lines are read later, in the
 * report worker, with progress and Cancel. The layout of cells is checked in the report worker.
 * `cancel` stops the read of a sheet or table and the layout check.
 */
export async function loadInput<K extends InputKind>(
  port: WorkbookPort,
  choice: InputChoice,
  kind: K,
  channel: ChannelStarter = reportChannel,
  cancel: Cancel = {},
): Promise<LoadedInput<SourceOf<K>>> {
  // Only the ledger branches below keep a file as CSV bytes or an open workbook (SourceOf).
  return (await loadAnyInput(port, choice, kind, channel, cancel)) as LoadedInput<SourceOf<K>>;
}

async function loadAnyInput(
  port: WorkbookPort,
  choice: InputChoice,
  kind: InputKind,
  channel: ChannelStarter,
  cancel: Cancel,
): Promise<LoadedInput> {
  if (choice.kind === "sheet") {
    const rows = rangeRows(await port.readUsedRange(choice.name, cancel));
    if (rows.length === 0)
      throw new InputError(
        `The sheet "${choice.name}" is empty. Pick the sheet that holds the ${KIND_WORDS[kind]}.`,
      );
    return fromRows(`sheet ${choice.name}`, rows, kind, channel, cancel, {
      kind: "sheet",
      name: choice.name,
    });
  }
  if (choice.kind === "table") {
    const table = await port.readTable(choice.name, cancel);
    if (!table) throw new InputError(`There is no table "${choice.name}" any more. Pick the input again.`);
    return fromRows(`table ${choice.name}`, [table.headers, ...table.rows], kind, channel, cancel, {
      kind: "table",
      name: choice.name,
    });
  }
  const type = fileKind(choice.name);
  if (type === "csv" && kind === "ledger") {
    const head = await csvHead(choice.data);
    return withHeader(
      choice.name,
      { kind: "csv", name: choice.name, file: choice.data, head },
      kind,
      channel,
      cancel,
    );
  }
  // A file it cannot read is a FileReadError, already a ProdError the pane shows as what to fix.
  if (type === "xlsx" && kind === "ledger")
    return await openLedgerWorkbook(choice.name, choice.data, channel, cancel);
  const file = await readSheetFile(choice.name, await choice.data.arrayBuffer());
  const first = file.sheets.find((s) => s.rows.length > 0);
  if (!first) throw new InputError(`"${choice.name}" has no rows.`);
  return fromRows(choice.name, first.rows, kind, channel, cancel);
}

/**
 * An input as it is now: a sheet or table is read again (one read), so the report uses what
 * the user sees, not what was there when it was picked; a file is used as read. The confirmed
 * columns and answers still apply while the headings are the same (same header signature, which
 * is also how the mapping is remembered); when they changed, or the cells now raise a question
 * (amounts that prove another format, dates another order), the user has to look again.
 *
 * @param what - the input as the pane labels it ("Budget"), for the message
 * @param cancel - Build's Cancel: stops the read and the layout checks
 * @throws InputError when the headings changed, a question is open, or the sheet or table is empty or gone
 * @throws PortError ("cancelled") on Cancel
 */
export async function rereadInput<K extends InputKind>(
  port: WorkbookPort,
  mapped: MappedInput<K>,
  kind: K,
  what: string,
  channel: ChannelStarter = reportChannel,
  cancel: Cancel = {},
): Promise<MappedInput<K>> {
  const { input } = mapped;
  const now = input.live ? await loadInput(port, input.live, kind, channel, cancel) : input;
  if (headerSignature(now.headers) !== headerSignature(input.headers)) {
    throw new InputError(
      `The headings of ${input.label} changed after its columns were mapped. ` +
        `Clear ${what}, pick it again and check its columns.`,
    );
  }
  const again = await remap(kind, { ...mapped, input: now }, {}, channel, cancel);
  const open = openQuestions(again);
  if (open.length > 0) throw new InputError(`${what} (${input.label}): ${open[0].message}`);
  return again;
}

/** Opens a ledger workbook and previews its first visible sheet that has rows. */
async function openLedgerWorkbook(
  name: string,
  file: Blob,
  channel: ChannelStarter,
  cancel: Cancel,
): Promise<LoadedInput> {
  const { XlsxWorkbook, XlsxError } = await loadXlsxReader();
  const data = await file.arrayBuffer();
  try {
    const book = XlsxWorkbook.open(data);
    for (const [sheet, info] of book.sheets.entries()) {
      if (info.hidden) continue;
      const preview: FileCell[][] = [];
      await book.readSheet(sheet, { onRows: (rows) => preview.push(...rows), maxRows: PREVIEW_ROWS });
      if (preview.length > 0) {
        const label = book.sheets.length > 1 ? `${name}, sheet ${info.name}` : name;
        const source = { kind: "xlsx" as const, name, file, book, sheet, preview };
        return await withHeader(label, source, "ledger", channel, cancel);
      }
    }
  } catch (e) {
    if (e instanceof XlsxError) throw unreadableWorkbook(name, e.message);
    throw e;
  }
  throw new InputError(`"${name}" has no rows.`);
}

const KIND_WORDS: Record<InputKind, string> = {
  budget: "budget",
  ledger: "ledger",
  pos: "open purchase orders",
};

/** An input as first mapped: the remembered columns for its header layout, else the guess. */
export function firstMapping<K extends InputKind>(
  kind: K,
  input: LoadedInput<SourceOf<K>>,
  memory: MappingMemory,
  channel: ChannelStarter = reportChannel,
): Promise<MappedInput<K>> {
  const columns = memory.get(kind, input.headers) ?? input.layout.columns;
  return remap(kind, { input, columns, answers: {}, layout: input.layout }, {}, channel);
}

/**
 * The input with other columns or answers, and the layout they decide (its questions): for
 * cells, checked again in the report worker.
 */
export async function remap<K extends InputKind>(
  kind: K,
  mapped: MappedInput<K>,
  change: { columns?: Columns; answers?: FormatAnswers },
  channel: ChannelStarter = reportChannel,
  cancel: Cancel = {},
): Promise<MappedInput<K>> {
  const columns = change.columns ?? mapped.columns;
  const answers = { ...mapped.answers, ...change.answers };
  const layout = await layoutOf(
    kind,
    mapped.input,
    { headerRow: mapped.input.headerRow, columns, ...answers },
    channel,
    cancel,
  );
  return { ...mapped, columns, answers, layout };
}

/** How the engine reads a mapped input: its columns, headings and formats. */
export function mappingOf<C>(mapped: MappedInput): Mapping<C> {
  const { layout } = mapped;
  return {
    columns: mapped.columns as C,
    headerRows: layout.headerRow + 1,
    headers: layout.headers,
    numberFormat: layout.numberFormat,
    dateOrder: layout.dateOrder,
  };
}

/**
 * The questions the user has to answer before the report is built: the number format, the date
 * order, mixed currencies. (Missing columns are {@link mappingGaps}; headings that were not
 * recognised are shown with the columns.)
 */
export function openQuestions(mapped: MappedInput): Question<Field>[] {
  return mapped.layout.questions.filter((q) => q.kind !== "columns" && q.kind !== "headerRow");
}

/** What is missing from a mapping, in words; empty when it can be used. */
export function mappingGaps(kind: InputKind, columns: Columns): string[] {
  const gaps = INPUT_FIELDS[kind]
    .filter((f) => f.required && columns[f.field] === undefined)
    .map((f) => f.label);
  if (
    kind === "ledger" &&
    columns.amount === undefined &&
    columns.debit === undefined &&
    columns.credit === undefined
  ) {
    gaps.push("Amount (or Debit and Credit)");
  }
  return gaps;
}

/** Remembered column mappings, per input kind and header layout. */
export interface MappingMemory {
  get(kind: InputKind, headers: readonly unknown[]): Columns | undefined;
  set(kind: InputKind, headers: readonly unknown[], columns: Columns): void;
}

/** Mappings kept in Web Storage, one memory per input kind (key prefixes kept from the first release). */
export function mappingMemory(storage: KeyValueStorage | undefined): MappingMemory {
  const memories = {} as Record<InputKind, ColumnMemory<Field>>;
  for (const kind of Object.keys(INPUT_FIELDS) as InputKind[]) {
    memories[kind] = columnMemory(
      storage,
      `prod.costReport.${kind}.v1:`,
      INPUT_FIELDS[kind].map((f) => f.field),
    );
  }
  return {
    get: (kind, headers) => memories[kind].get(headers),
    set: (kind, headers, columns) => memories[kind].set(headers, columns),
  };
}
