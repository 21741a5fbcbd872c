/**
 * The heavy part of a cost-report run, on plain data: map the budget and the open POs, read the
 * ledger (a file of hundreds of thousands of lines), build the report (engine) and lay out its
 * sheet. Issue 16: at 100,000 lines this held the pane's thread for 0.5-6 s (Cancel, the
 * progress bar and the PROD formulas of the shared runtime waited), so it runs in a Web Worker
 * (report.worker.ts, through reportProtocol.ts). Everything it takes and gives is plain data that
 * a structured clone carries, except the decimals, which reportProtocol.ts encodes.
 */
import {
  buildCostReport,
  mapBudgetRows,
  mapPoRows,
  type BudgetColumns,
  type CostReport,
  type CostReportSettings,
  type Flag,
  type LedgerCheck,
  type LedgerColumns,
  type Mapping,
  type OpenPo,
  type PoColumns,
  type PriorRow,
  type Reconciliation,
  type RowProblem,
} from "../../engine/weeklyCostReport";
import type { SheetPlan } from "../../excel/port";
import { throwIfCancelled } from "../files/cancel";
import { loadXlsxReader } from "../files/readFile";
import { importLedger, type LedgerSource } from "./ledgerImport";
import { reportSheet, type ReportSheetInput } from "./reportSheet";
import { InputError } from "./inputError";

/** A ledger as plain data: an .xlsx file travels as the picked file and is opened again by the job. */
export type LedgerFile =
  Exclude<LedgerSource, { kind: "xlsx" }> | { kind: "xlsx"; name: string; file: Blob; sheet: number };

/** Cells read from the workbook or a file, with the mapping the user confirmed. */
export interface MappedRows<C> {
  /** How the sheet names the input: "sheet Budget detail", "gl-week12.csv". */
  label: string;
  rows: readonly (readonly unknown[])[];
  mapping: Mapping<C>;
}

/** Everything one report is computed from. */
export interface ReportJob {
  budget: MappedRows<BudgetColumns>;
  ledger: { label: string; source: LedgerFile; mapping: Mapping<LedgerColumns> };
  pos?: MappedRows<PoColumns>;
  /** The previous report's accounts, and the sheet they were read from. */
  prior?: { sheet: string; rows: PriorRow[] };
  /** The accounts of this date's report when it is replaced (its typed ETCs are kept). */
  replaced?: PriorRow[];
  /** Whether this date's report is made, replaced, or taken back after its mark was deleted. */
  mode: ReportSheetInput["mode"];
  settings: CostReportSettings;
  /** The period end date (Excel serial) and the period as the sheet's heading says it. */
  periodEnd: number;
  periodLabel: string;
}

/** An input row that could not be read, with the input it is in ("Ledger", "Budget", "Open POs"). */
export interface SourcedProblem {
  source: string;
  problem: RowProblem;
}

/** What the job gives back: the sheet to write and what the pane tells the user. */
export interface ComputedReport {
  sheet: SheetPlan;
  report: CostReport;
  problems: SourcedProblem[];
  ledgerCheck: LedgerCheck;
}

/**
 * What the pane shows of a report, beside the sheet that holds all of it: the worker sends back
 * only this and the sheet, so the pane's thread does not take in every account's figures and
 * every listed line again (issue 16).
 */
export interface ReportSummary {
  reconciliation: Reconciliation;
  ledgerCheck: LedgerCheck;
  /** Accounts that carried their ETC from the previous report, kept it from the report replaced, held their EFC. */
  carriedEtcs: number;
  keptEtcs: number;
  heldEfcs: number;
  /** How many accounts carry each flag. */
  flagged: Record<Flag, number>;
  /** Ledger lines with no readable account (listed on the sheet). */
  uncodedLines: number;
  /** Input rows that could not be read and are left out (listed on the sheet); not title or total rows. */
  unreadRows: number;
}

/** The summary of a computed report. */
export function summarize({ report, problems, ledgerCheck }: ComputedReport): ReportSummary {
  const flagged: Record<Flag, number> = { overBudget: 0, efcChange: 0, unbudgeted: 0, poOverRemaining: 0 };
  for (const row of report.rows) if (row.kind === "account") for (const flag of row.flags) flagged[flag]++;
  return {
    reconciliation: report.reconciliation,
    ledgerCheck,
    carriedEtcs: report.carriedEtcs,
    keptEtcs: report.keptEtcs,
    heldEfcs: report.heldEfcs,
    flagged,
    uncodedLines: report.exceptions.uncoded.length,
    unreadRows: problems.filter((p) => p.problem.excluded && !p.problem.notALine).length,
  };
}

/** How the job reports progress (0..100 of the whole run) and learns of a Cancel in-thread. */
export interface JobOptions {
  signal?: AbortSignal;
  onProgress?(done: number, label: string): void;
}

/** The ledger as plain data (an open .xlsx workbook is sent as the picked file). */
export function ledgerFile(source: LedgerSource): LedgerFile {
  if (source.kind !== "xlsx") return source;
  return { kind: "xlsx", name: source.name, file: source.file, sheet: source.sheet };
}

async function openLedger(source: LedgerFile) {
  if (source.kind !== "xlsx") return source;
  const { XlsxWorkbook } = await loadXlsxReader();
  // The pane opened the same file to preview it: it is a workbook this reader can use.
  const book = XlsxWorkbook.open(await source.file.arrayBuffer());
  return { kind: source.kind, name: source.name, sheet: source.sheet, book };
}

/**
 * Computes the report and lays out its sheet. Throws InputError when the budget has no lines,
 * PortError ("cancelled") when the signal aborts, ProdError from the engine's settings checks.
 */
export async function computeReport(job: ReportJob, options: JobOptions = {}): Promise<ComputedReport> {
  const progress = (done: number, label: string) => options.onProgress?.(done, label);
  const problems: SourcedProblem[] = [];
  const budget = mapBudgetRows(job.budget.rows, job.budget.mapping);
  budget.problems.forEach((problem) => problems.push({ source: "Budget", problem }));
  if (budget.lines.length === 0) {
    throw new InputError(
      `No budget lines were found in ${job.budget.label}: check the Account and Budget amount columns.`,
    );
  }

  const ledger = await importLedger(await openLedger(job.ledger.source), job.ledger.mapping, {
    signal: options.signal,
    onProgress: (p) => progress(5 + Math.round(p.fraction * 65), p.label),
  });
  ledger.problems.forEach((problem) => problems.push({ source: "Ledger", problem }));

  let openPos: OpenPo[] = [];
  if (job.pos) {
    const pos = mapPoRows(job.pos.rows, job.pos.mapping);
    pos.problems.forEach((problem) => problems.push({ source: "Open POs", problem }));
    openPos = pos.lines;
  }
  throwIfCancelled(options.signal);

  progress(75, "Building the report");
  const report = buildCostReport({
    budget: budget.lines,
    ledger: ledger.lines,
    openPos,
    prior: job.prior?.rows,
    replaced: job.replaced,
    settings: job.settings,
  });
  throwIfCancelled(options.signal);

  const sheet = reportSheet({
    report,
    periodEnd: job.periodEnd,
    periodLabel: job.periodLabel,
    convention: job.settings.convention,
    efcChangeThreshold: job.settings.efcChangeThreshold,
    sources: {
      budget: job.budget.label,
      ledger: `${job.ledger.label} (${ledger.lines.length.toLocaleString("en-US")} lines)`,
      openPos: job.pos ? job.pos.label : "none",
      prior: job.prior?.sheet ?? "none (first report)",
    },
    problems,
    ledgerCheck: ledger.check,
    mode: job.mode,
    relievePos: job.settings.relievePos ?? false,
  });
  return { sheet, report, problems, ledgerCheck: ledger.check };
}
