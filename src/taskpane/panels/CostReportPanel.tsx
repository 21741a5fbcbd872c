/*
 * The weekly cost report (spec/taskpane.md section 4): pick the budget, the ledger, open POs and
 * last week's report; set the period; build. The report lands on its own sheet named for the
 * period end date, which the pane owns and replaces when re-run for the same date.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Divider,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Subtitle2,
  Text,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { LAYOUTS, type LayoutId } from "../../engine/chart";
import type { VarianceConvention } from "../../engine/costReport";
import { parseNumericText } from "../../engine/money";
import { parseDate, type Cutoff, type Flag } from "../../engine/weeklyCostReport";
import { usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { unmarkedSheetWords } from "../shell/ownedSheet";
import { hasLinks, sheetLinksWords } from "../shell/sheetLinks";
import { count } from "../shell/words";
import { InputPicker } from "../costReport/InputPicker";
import { runCostReport, type ReportOutcome } from "../costReport/runReport";
import { InputError } from "../costReport/inputError";
import { mappingMemory, openQuestions, type InputKind, type MappedInput } from "../costReport/sources";
import { browserStorage, type KeyValueStorage } from "../shell/columnMemory";
import { formatDollars } from "../shell/formatMoney";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

const REPORT_PREFIX = "Cost Report ";
const DEFAULT_THRESHOLD = "5000";

/** Today's date as ISO text, the default period end. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The newest cost-report sheet dated before `endIso`: last week's report, the usual prior. */
export function latestPriorReport(sheets: readonly string[], endIso: string): string {
  return (
    sheets
      .filter((s) => s.startsWith(REPORT_PREFIX) && s.slice(REPORT_PREFIX.length) < endIso)
      .sort()
      .pop() ?? ""
  );
}

/**
 * Where "this period" starts when the user leaves it blank: the day after last week's report
 * (so no day is missed or counted twice between reports), else the 7 days up to the end date.
 */
export function defaultPeriodStart(end: number, priorSheet: string): number {
  const priorEnd = priorSheet.startsWith(REPORT_PREFIX)
    ? parseDate(priorSheet.slice(REPORT_PREFIX.length))
    : undefined;
  return priorEnd !== undefined && priorEnd < end ? priorEnd + 1 : end - 6;
}

/** Props of the panel; tests pass a storage fake. */
export interface CostReportPanelProps {
  /** Where column mappings are remembered. @default localStorage */
  mappingStorage?: KeyValueStorage;
}

/** The Cost report panel. */
export default function CostReportPanel(props: CostReportPanelProps) {
  const styles = useStyles();
  // Results, errors and progress of Build appear under the Build button.
  const pane = usePane("build");
  const { announce } = useAnnounce();
  const { port } = pane;
  const memory = useMemo(
    () => mappingMemory(props.mappingStorage ?? browserStorage()),
    [props.mappingStorage],
  );
  const [sheets, setSheets] = useState<string[]>([]);
  const [tables, setTables] = useState<string[]>([]);
  const [budget, setBudget] = useState<MappedInput<"budget"> | null>(null);
  const [ledger, setLedger] = useState<MappedInput<"ledger"> | null>(null);
  const [pos, setPos] = useState<MappedInput<"pos"> | null>(null);
  const [relievePos, setRelievePos] = useState(true);
  const [prior, setPrior] = useState<string | undefined>(undefined);
  const [periodEnd, setPeriodEnd] = useState(todayIso());
  const [periodStart, setPeriodStart] = useState("");
  const [cutBy, setCutBy] = useState<"date" | "period">("date");
  const [currentPeriod, setCurrentPeriod] = useState("");
  const [layout, setLayout] = useState<LayoutId>("FEATURE");
  const [convention, setConvention] = useState<VarianceConvention>("UNDER");
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [outcome, setOutcome] = useState<ReportOutcome | null>(null);
  const [inputsBusy, setInputsBusy] = useState<Partial<Record<InputKind, boolean>>>({});
  const onBusy = useMemo(() => {
    const told = (kind: InputKind) => (b: boolean) => setInputsBusy((was) => ({ ...was, [kind]: b }));
    return { budget: told("budget"), ledger: told("ledger"), pos: told("pos") };
  }, []);
  // The summary under the result message is announced after it (the message takes the focus).
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const text = summaryRef.current?.textContent;
    if (outcome && text) announce(text, { polite: true });
  }, [outcome, announce]);

  const refresh = useCallback(async () => {
    try {
      // One request after the other: Excel runs a pane's batches in order anyway.
      const s = await port.listSheets();
      const t = await port.listTables();
      setSheets(s);
      setTables(t.map((x) => x.name));
    } catch (e) {
      pane.showError(e);
    }
  }, [port, pane]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Last week's report is the default previous report, until the user picks another (or none).
  const priorSheet = prior ?? latestPriorReport(sheets, periodEnd);

  const busy = pane.busy !== null;
  // A question about an input's formats (how it writes amounts or dates) stops the build.
  const questionsOpen = [budget, ledger, pos].some((m) => m !== null && openQuestions(m).length > 0);
  // An input being read or checked (a sheet's layout is checked in the report worker) stops it too.
  const checking = Object.values(inputsBusy).some(Boolean);
  const ready = budget !== null && ledger !== null && !questionsOpen && !checking;
  // The report for this date cannot be its own previous report.
  const thisReport = `${REPORT_PREFIX}${periodEnd}`;

  const handleBuild = async () => {
    pane.clearMessage();
    setOutcome(null);
    const end = parseDate(periodEnd);
    if (end === undefined) {
      pane.showError(new InputError("Enter the period end date (for example 2026-11-20)."));
      return;
    }
    let cutoff: Cutoff;
    if (cutBy === "date") {
      const start = periodStart.trim() === "" ? defaultPeriodStart(end, priorSheet) : parseDate(periodStart);
      if (start === undefined) {
        pane.showError(
          new InputError(
            "The period start date is not a date. Leave it blank for the 7 days up to the end date.",
          ),
        );
        return;
      }
      cutoff = { kind: "date", start, end };
    } else {
      if (currentPeriod.trim() === "") {
        pane.showError(
          new InputError(
            "Enter the current accounting period, as the ledger writes it (for example 12 or P12).",
          ),
        );
        return;
      }
      const n = Number(currentPeriod.trim());
      cutoff = { kind: "period", period: Number.isFinite(n) ? n : currentPeriod.trim() };
    }
    const t = parseNumericText(threshold.trim() === "" ? "0" : threshold);
    if (t === undefined || t.isNeg()) {
      pane.showError(
        new InputError("The EFC change threshold must be an amount of 0 or more, for example 5,000."),
      );
      return;
    }
    if (!budget || !ledger) return;
    const result = await pane.runLong("Building the cost report", (options) =>
      runCostReport(
        port,
        {
          budget,
          ledger,
          pos: pos ?? undefined,
          priorSheet: priorSheet === "" ? undefined : priorSheet,
          layout,
          cutoff,
          periodEnd: end,
          convention,
          efcChangeThreshold: t,
          relievePos,
          confirmReplace: ({ sheet, keptEtcs, unmarked, links }) =>
            pane.ask({
              title: `Replace ${sheet}?`,
              message:
                (unmarked
                  ? `${unmarkedSheetWords(sheet, "a cost report")} Replace it only if it is PROD's report: building it again replaces it with the books as they are now, and PROD marks it as its own again.`
                  : `${sheet} is there already. Building it again replaces it with the books as they are now.`) +
                (keptEtcs > 0
                  ? ` The ${count(keptEtcs, "ETC")} typed or carried into it ${keptEtcs === 1 ? "is" : "are"} kept.`
                  : "") +
                (hasLinks(links) ? ` ${sheetLinksWords(sheet, links)}` : ""),
              confirmLabel: "Replace it",
              cancelLabel: "Keep it",
              destructive: true,
            }),
        },
        options,
      ),
    );
    if (!result) return;
    memory.set("budget", budget.input.headers, budget.columns);
    memory.set("ledger", ledger.input.headers, ledger.columns);
    if (pos) memory.set("pos", pos.input.headers, pos.columns);
    setOutcome(result);
    const unread = result.summary.unreadRows;
    pane.showNote(
      `${result.sheet} is ready.` +
        (unread > 0
          ? ` ${count(unread, "input row")} could not be read: ${unread === 1 ? "it is" : "they are"} left out and listed at the bottom of the sheet.`
          : ""),
    );
    void refresh();
  };

  const flagged = (flag: Flag) => outcome?.summary.flagged[flag] ?? 0;
  const rec = outcome?.summary.reconciliation;
  const check = outcome?.summary.ledgerCheck;

  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Cost report</Subtitle1>
      <Text>
        Build the weekly cost report: budget, actuals and open POs per account, rolled up by category and
        level, with your ETCs carried forward from last week's report.
      </Text>
      <InputPicker
        kind="budget"
        label="Budget"
        port={port}
        sheets={sheets}
        tables={tables}
        preferredSheet="Budget detail"
        memory={memory}
        value={budget}
        onChange={setBudget}
        onBusy={onBusy.budget}
        disabled={busy}
      />
      <InputPicker
        kind="ledger"
        label="Ledger (GL detail)"
        port={port}
        sheets={sheets}
        tables={tables}
        memory={memory}
        value={ledger}
        onChange={setLedger}
        onBusy={onBusy.ledger}
        disabled={busy}
      />
      <InputPicker
        kind="pos"
        label="Open purchase orders"
        port={port}
        sheets={sheets}
        tables={tables}
        optional
        memory={memory}
        value={pos}
        onChange={setPos}
        onBusy={onBusy.pos}
        disabled={busy}
      />
      {pos && (
        <Checkbox
          checked={relievePos}
          onChange={(_, d) => setRelievePos(d.checked === true)}
          disabled={busy}
          label="The list gives each PO's amount: relieve it by the ledger lines with its PO number (clear this when it gives open balances already net of invoices)"
        />
      )}
      <Field label="Previous cost report" hint="Its ETCs are carried forward and its EFCs become Prior EFC.">
        <Select value={priorSheet} onChange={(e) => setPrior(e.target.value)} disabled={busy}>
          <option value="">None (first report)</option>
          {sheets
            .filter((s) => s !== thisReport)
            .map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
        </Select>
      </Field>
      <Divider />
      <Subtitle2 as="h3">Period and settings</Subtitle2>
      <Field label="Period end date" required>
        <Input type="date" value={periodEnd} onChange={(_, d) => setPeriodEnd(d.value)} disabled={busy} />
      </Field>
      <Field label="Cut the ledger by">
        <RadioGroup
          layout="horizontal"
          value={cutBy}
          onChange={(_, d) => setCutBy(d.value as "date" | "period")}
        >
          <Radio value="date" label="Date" disabled={busy} />
          <Radio value="period" label="Accounting period" disabled={busy} />
        </RadioGroup>
      </Field>
      {cutBy === "date" ? (
        <div className={styles.row}>
          <Field
            label="This period starts"
            hint="Blank: the day after the previous report, or the 7 days up to the end date."
          >
            <Input
              type="date"
              value={periodStart}
              onChange={(_, d) => setPeriodStart(d.value)}
              disabled={busy}
            />
          </Field>
        </div>
      ) : (
        <Field label="Current period" hint="As the ledger writes it; earlier periods count to date.">
          <Input value={currentPeriod} onChange={(_, d) => setCurrentPeriod(d.value)} disabled={busy} />
        </Field>
      )}
      <div className={styles.row}>
        <Field label="Chart of accounts">
          <Select value={layout} onChange={(e) => setLayout(e.target.value as LayoutId)} disabled={busy}>
            {Object.values(LAYOUTS).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Variance">
          <Select
            value={convention}
            onChange={(e) => setConvention(e.target.value as VarianceConvention)}
            disabled={busy}
          >
            <option value="UNDER">Under/(Over): budget − EFC</option>
            <option value="OVER">Over/(Under): EFC − budget</option>
          </Select>
        </Field>
      </div>
      <Field label="Flag an EFC that moved more than" hint="Compared with the previous report.">
        <Input
          value={threshold}
          onChange={(_, d) => setThreshold(d.value)}
          disabled={busy}
          inputMode="decimal"
        />
      </Field>
      <Button appearance="primary" onClick={() => void handleBuild()} disabled={!ready || busy}>
        Build cost report
      </Button>
      {!ready && (
        <Text size={200}>
          {questionsOpen
            ? "Answer the questions about the inputs above (how they write amounts or dates) to build the report."
            : budget && ledger
              ? "Checking the inputs…"
              : "Pick the budget and the ledger to build the report."}
        </Text>
      )}
      <PaneStatus at="build" />
      {outcome && rec && check && (
        <div className={styles.summary} role="group" aria-label="Last report" ref={summaryRef}>
          <Subtitle2 as="h3">{outcome.sheet}</Subtitle2>
          <Text>
            Actual to date {formatDollars(rec.reportToDate)}{" "}
            {rec.agreement.toDate === "differs"
              ? `does NOT agree with the ledger (${formatDollars(rec.ledgerToDate)})`
              : check.leftOut > 0
                ? `holds the ledger lines read, but ${count(check.leftOut, "ledger line")} could not be read and ${check.leftOut === 1 ? "is" : "are"} NOT in it (${formatDollars(check.leftOutAmount)} where readable; listed on the sheet)`
                : rec.agreement.toDate === "rounding"
                  ? `agrees with the ledger (${formatDollars(rec.ledgerToDate)}; the ${formatDollars(
                      rec.reportToDate.minus(rec.ledgerToDate).abs(),
                    )} difference is rounding each account to the cent)`
                  : "agrees with the ledger"}{" "}
            ({count(rec.ledgerLines, "line")}
            {rec.laterLines > 0
              ? `, ${rec.laterLines.toLocaleString("en-US")} after the cut-off left out`
              : ""}
            ).
          </Text>
          {check.controlTotal && (
            <Text>
              The export states its own total, {formatDollars(check.controlTotal.amount)} (row{" "}
              {check.controlTotal.row}, left out as a line):{" "}
              {check.linesTotal.eq(check.controlTotal.amount)
                ? "the lines read agree with it."
                : `the lines read (${formatDollars(check.linesTotal)}) do NOT agree with it.`}
            </Text>
          )}
          {check.notLines > 0 && (
            <Text>
              Title, heading and total rows of the ledger left out (not lines): {check.notLines} (listed on
              the sheet).
            </Text>
          )}
          <Text>
            ETCs carried from the previous report: {outcome.summary.carriedEtcs}.
            {outcome.summary.keptEtcs > 0 &&
              ` ETCs kept from the report replaced: ${outcome.summary.keptEtcs}.`}
          </Text>
          <Text>
            Over budget: {flagged("overBudget")}. EFC moved: {flagged("efcChange")}. Unbudgeted:{" "}
            {flagged("unbudgeted")}. POs over what is left: {flagged("poOverRemaining")}.
          </Text>
          {outcome.summary.uncodedLines > 0 && (
            <Text>Uncoded ledger lines: {outcome.summary.uncodedLines} (listed on the sheet).</Text>
          )}
        </div>
      )}
    </div>
  );
}
