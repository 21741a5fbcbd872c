/**
 * One cost-report run, from picked inputs to the written sheet: read the inputs and the previous
 * report from the workbook, hand the ledger import, the build (engine) and the layout to the
 * report worker (reportJob.ts, reportProtocol.ts: off the pane's thread), then write the sheet
 * through the workbook port. Progress and Cancel come from the pane's long-task runner.
 */
import type { LayoutId } from "../../engine/chart";
import type { VarianceConvention } from "../../engine/costReport";
import type { Decimal } from "../../engine/money";
import { serialToIso, type Cutoff, type PriorRow } from "../../engine/weeklyCostReport";
import { PortError, type RunOptions, type SheetLinks, type WorkbookPort } from "../../excel/port";
import { throwIfCancelled } from "../files/cancel";
import { ownedSheetState } from "../shell/ownedSheet";
import { ledgerFile, type ReportSummary } from "./reportJob";
import { reportChannel, runReportJob, type JobChannel } from "./reportProtocol";
import { COST_REPORT_OWNER, REPORT_SIGNATURE, readPriorReport, reportSheetName } from "./reportSheet";
import { InputError } from "./inputError";
import {
  mappingGaps,
  mappingOf,
  rereadInput,
  type Columns,
  type InputKind,
  type MappedInput,
} from "./sources";

/** Everything one run needs. */
export interface ReportRequest {
  budget: MappedInput<"budget">;
  ledger: MappedInput<"ledger">;
  pos?: MappedInput<"pos">;
  /** The previous report's sheet, if any. */
  priorSheet?: string;
  layout: LayoutId;
  cutoff: Cutoff;
  /** The period end date (Excel serial): names the sheet. */
  periodEnd: number;
  convention: VarianceConvention;
  efcChangeThreshold: Decimal;
  /** The PO list gives PO amounts to relieve by the ledger (CostReportSettings.relievePos). */
  relievePos: boolean;
  /**
   * Asked before the report of that date, built before, is replaced; false keeps it as it is
   * (the run ends as cancelled, nothing written).
   */
  confirmReplace(question: ReplaceQuestion): Promise<boolean>;
}

/** What the pane asks before replacing a report. */
export interface ReplaceQuestion {
  sheet: string;
  /** ETCs typed or carried into the sheet, which the new report keeps. */
  keptEtcs: number;
  /**
   * The sheet has lost PROD's mark (a user deleted the hidden name) and is PROD's report only by
   * its title and headers: yes also takes it back as PROD's.
   */
  unmarked: boolean;
  /** Formulas on other sheets and names that refer to the sheet: they will point at other figures. */
  links: SheetLinks;
}

/** What the pane tells the user afterwards: the sheet written, and what it shows of the report. */
export interface ReportOutcome {
  sheet: string;
  summary: ReportSummary;
}

function checkMapping(kind: InputKind, m: { columns: Columns }, what: string): void {
  const gaps = mappingGaps(kind, m.columns);
  if (gaps.length > 0) throw new InputError(`Map the ${what}'s columns first: ${gaps.join(", ")}.`);
}

/**
 * Runs the report. Throws InputError for inputs that cannot be used (in words for the user),
 * PortError from the workbook (e.g. cancelled), ProdError from the engine's settings checks.
 */
export async function runCostReport(
  port: WorkbookPort,
  req: ReportRequest,
  options: RunOptions = {},
  channel: () => JobChannel = reportChannel,
): Promise<ReportOutcome> {
  const progress = (done: number, label: string) => options.onProgress?.({ done, total: 100, label });
  const cancelled = () => throwIfCancelled(options.signal);
  const cancel = { signal: options.signal };
  checkMapping("budget", req.budget, "budget");
  checkMapping("ledger", req.ledger, "ledger");
  if (req.pos) checkMapping("pos", req.pos, "open POs");
  // Without the column the cut-off reads, every line would land in "undated".
  if (req.cutoff.kind === "date" && req.ledger.columns.date === undefined) {
    throw new InputError("Map the ledger's Date column, or cut the ledger by accounting period instead.");
  }
  if (req.cutoff.kind === "period" && req.ledger.columns.period === undefined) {
    throw new InputError("Map the ledger's Period column, or cut the ledger by date instead.");
  }
  // Its own ETCs would be carried into itself and its EFCs compared with themselves.
  if (req.priorSheet !== undefined && req.priorSheet === reportSheetName(req.periodEnd)) {
    throw new InputError(
      `"${req.priorSheet}" is the report being built: it cannot be its own previous report. Pick last week's report, or none.`,
    );
  }

  const name = reportSheetName(req.periodEnd);
  // Replace only the pane's sheet of that name, by its mark or, once the user says yes, by its
  // content: after a delete or rename the sheet is made anew, and a user's sheet is never touched.
  const state = await ownedSheetState(port, COST_REPORT_OWNER, name, name, REPORT_SIGNATURE);
  const mode = state === "marked" ? "replaceOwned" : state === "unmarked" ? "reclaim" : "create";
  let replaced: PriorRow[] | undefined;
  if (mode !== "create") {
    // Asked before the inputs are read: the accountant may have typed ETCs into it.
    const used = await port.readUsedRange(name, cancel);
    replaced = used ? readPriorReport(used.values) : undefined;
    const keptEtcs = replaced?.filter((r) => r.etcEdited).length ?? 0;
    // PROD links nothing to its report: every formula elsewhere into it is the user's (issue 21).
    const links = await port.findLinksTo(name);
    if (!(await req.confirmReplace({ sheet: name, keptEtcs, unmarked: mode === "reclaim", links }))) {
      throw new PortError("cancelled", `${name} was left as it is.`, [name]);
    }
  }

  progress(2, "Reading the budget");
  // Sheets and tables are read now, not when they were picked: the figures the user sees.
  // Their layout is checked again, in the report worker (each check on a channel of its own).
  // Cancel stops each read and check where it is.
  const budgetIn = await rereadInput(port, req.budget, "budget", "Budget", channel, cancel);
  progress(3, "Reading the ledger");
  const ledgerIn = await rereadInput(port, req.ledger, "ledger", "Ledger", channel, cancel);
  const posIn = req.pos && (await rereadInput(port, req.pos, "pos", "Open purchase orders", channel, cancel));
  let prior: PriorRow[] | undefined;
  if (req.priorSheet) {
    progress(4, `Reading ${req.priorSheet}`);
    const used = await port.readUsedRange(req.priorSheet, cancel);
    prior = used ? readPriorReport(used.values) : undefined;
    if (!prior) {
      throw new InputError(
        `"${req.priorSheet}" does not look like a cost report (no Acct, ETC and EFC headings). Pick last week's cost report sheet, or none.`,
      );
    }
  }
  cancelled();

  // Reading the ledger, building and laying out the report: off the pane's thread.
  const { sheet, summary } = await runReportJob(
    {
      budget: { label: budgetIn.input.label, rows: budgetIn.input.source.rows, mapping: mappingOf(budgetIn) },
      ledger: {
        label: ledgerIn.input.label,
        source: ledgerFile(ledgerIn.input.source),
        mapping: mappingOf(ledgerIn),
      },
      pos: posIn && { label: posIn.input.label, rows: posIn.input.source.rows, mapping: mappingOf(posIn) },
      prior: prior && req.priorSheet ? { sheet: req.priorSheet, rows: prior } : undefined,
      replaced,
      mode,
      settings: {
        layout: req.layout,
        cutoff: req.cutoff,
        convention: req.convention,
        efcChangeThreshold: req.efcChangeThreshold,
        relievePos: req.relievePos,
      },
      periodEnd: req.periodEnd,
      periodLabel:
        req.cutoff.kind === "date"
          ? `${serialToIso(req.cutoff.start)} to ${serialToIso(req.cutoff.end)}`
          : `period ${req.cutoff.period}, to ${serialToIso(req.periodEnd)}`,
    },
    channel(),
    { signal: options.signal, onProgress: progress },
  );
  progress(80, `Writing ${name}`);
  await port.apply(
    { owner: COST_REPORT_OWNER, sheets: [sheet], activate: name },
    {
      signal: options.signal,
      onProgress: (p) => progress(80 + Math.round((p.done / Math.max(1, p.total)) * 20), p.label),
    },
  );
  return { sheet: name, summary };
}
