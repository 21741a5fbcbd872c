/*
 * Fringes and rates (spec/taskpane.md section 2): the built-in fringe library (when each figure
 * is in force, its source, confirmed or not), copying a preset into the workbook's Fringes table, applying a fringe set to
 * the selected detail lines, and a quick paid-hours / day-pay / overtime calculator.
 */
import { useEffect, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { ProdError } from "../../engine/errors";
import {
  FRINGE_LIBRARY,
  LIBRARY_NAMES,
  entryName,
  libraryYears,
  periodWords,
  type FringeDefinition,
  type FringeType,
} from "../../engine/fringes/library";
import { statusWords } from "../../engine/fringes/table";
import { Decimal, parseNumericText, toDecimal } from "../../engine/money";
import { formatDollars } from "../shell/formatMoney";
import {
  RULE_PRESETS,
  type RulePresetName,
  dayPay,
  describePreset,
  hourlyFromDayRate,
  overtimePremium,
  paidHours,
  parseRule,
  sagDayPerformerPay,
} from "../../engine/pay";
import type { TableData } from "../../excel/port";
import {
  applySetToSelection,
  budgetYearOf,
  copyPreset,
  createFringeSheet,
  findFringeTables,
  tableWarning,
} from "../fringes/fringeTables";
import { usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { takeBackQuestion } from "../shell/ownedSheet";
import { count } from "../shell/words";
import { problemProps } from "../shell/problemProps";
import { PRESET_OPTIONS, RULE_OPTIONS } from "../shell/optionLabels";
import { budgetGlobalName, presetRows } from "../templates/buildPlan";
import { SelectField } from "../shell/SelectField";
import { usePresetYear } from "../fringes/usePresetYear";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(110px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  results: {
    display: "grid",
    gridTemplateColumns: "auto auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    justifyContent: "start",
  },
  figure: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  muted: { color: tokens.colorNeutralForeground3 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  entry: { display: "flex", flexDirection: "column" },
});

/** A library rate as a line producer reads it: 6.2%, $14.63/hour, or "you fill it in". */
export function rateLabel(d: FringeDefinition): string {
  if (d.rate === null) return d.type === "%" ? "your rate (%)" : `your rate ($${PER[d.type]})`;
  const rate = new Decimal(d.rate);
  if (d.type === "%") return `${rate.times(100).toString()}%`;
  return `${formatDollars(rate)}${PER[d.type]}`;
}

/** How a flat rate is charged, after the amount. */
const PER: Readonly<Record<Exclude<FringeType, "%">, string>> = {
  HOUR: "/hour",
  DAY: "/day",
  WEEK: "/week",
  FLAT: " once",
};

/** A library cap as a line producer reads it: $7,000.00, none, or a band "$3,500.00 to $74,600.00". */
export function cutoffLabel(d: FringeDefinition): string {
  const cap = d.cutoff === null ? "none" : formatDollars(new Decimal(d.cutoff));
  return d.threshold === undefined ? cap : `${formatDollars(new Decimal(d.threshold))} to ${cap}`;
}

const NEW_SHEET = "__new__";

/** The years the library has figures for, latest first. */
const LIBRARY_YEARS = [...new Set(LIBRARY_NAMES.flatMap((name) => libraryYears(name)))].sort((a, b) => b - a);

/** The entries in force at any time in `year`: a guild's two contract years both show. */
function inForceDuring(year: number): FringeDefinition[] {
  return FRINGE_LIBRARY.filter((f) => f.from <= `${year}-12-31` && f.to >= `${year}-01-01`);
}

/** The fringe library, one year at a time, with when each figure is in force and its source. */
function LibraryList() {
  const styles = useStyles();
  // The latest year of the payroll taxes: a guild's next contract year may run into the year after.
  const [year, setYear] = useState(libraryYears("SS").at(-1) ?? LIBRARY_YEARS[0]);
  const shown = inForceDuring(year);
  return (
    <section className={styles.section} aria-labelledby="fringe-library">
      <Subtitle2 as="h3" id="fringe-library">
        Fringe library
      </Subtitle2>
      <SelectField label="Year" value={year} options={LIBRARY_YEARS} onChange={(v) => setYear(Number(v))} />
      <Table size="extra-small" aria-label={`Fringe library, ${year}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Fringe</TableHeaderCell>
            <TableHeaderCell>Rate</TableHeaderCell>
            <TableHeaderCell>Cutoff</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shown.map((f) => (
            <TableRow key={`${f.name}@${f.from}`}>
              <TableCell>
                <div className={styles.entry}>
                  <Text weight="semibold">{entryName(f)}</Text>
                  <Caption1>{f.description}</Caption1>
                  <Caption1 className={styles.muted}>In force {periodWords(f)}</Caption1>
                  <Caption1 className={styles.muted}>
                    Source:{" "}
                    {f.source === "" ? (
                      f.sourceName
                    ) : (
                      <Link href={f.source} target="_blank" rel="noreferrer">
                        {f.sourceName}
                      </Link>
                    )}
                  </Caption1>
                </div>
              </TableCell>
              <TableCell>{rateLabel(f)}</TableCell>
              <TableCell>{cutoffLabel(f)}</TableCell>
              <TableCell>
                {f.confirmed ? (
                  <Badge appearance="tint" color="success">
                    {statusWords(f)}
                  </Badge>
                ) : (
                  <Text className={styles.warning}>{statusWords(f)}</Text>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Caption1 className={styles.muted}>
        Guild rates change on July 1 (SAG-AFTRA, DGA) or August 1 (IATSE), not January 1. In a formula,
        &quot;SAG-AFTRA@2026-08-15&quot; uses the rate in force on that day, &quot;SAG-AFTRA-2026&quot; the
        rate on January 1, 2026, and &quot;SAG-AFTRA&quot; the latest rate PROD holds.
      </Caption1>
    </section>
  );
}

/** Copy a preset into a fringe table of the workbook, or a new Fringes sheet. */
function CopyPreset() {
  const styles = useStyles();
  const pane = usePane("copy");
  const fringes = usePresetYear("PAYROLL-CA");
  const { preset, year } = fringes;
  const [tables, setTables] = useState<TableData[] | null>(null);
  const [target, setTarget] = useState(NEW_SHEET);

  const handleRefresh = async () => {
    try {
      const found = await findFringeTables(pane.port);
      setTables(found);
      setTarget((t) =>
        t === NEW_SHEET || !found.some((f) => f.name === t) ? (found[0]?.name ?? NEW_SHEET) : t,
      );
    } catch (error) {
      pane.showError(error);
    }
  };

  useEffect(() => {
    void handleRefresh();
    // Look for the workbook's fringe tables once, when the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One workbook, one set of rates: the year offered is the year of the budget the table belongs
  // to (its rates date's, or an older budget's typed Fringe_Year), or of the workbook's first
  // budget for a new sheet.
  useEffect(() => {
    if (tables === null) return;
    let current = true;
    const nameOf = (global: "Rates_Date" | "Fringe_Year") =>
      (target === NEW_SHEET ? null : budgetGlobalName(global, target)) ?? global;
    Promise.all([
      pane.port.readNamedRange(nameOf("Rates_Date")),
      pane.port.readNamedRange(nameOf("Fringe_Year")),
    ])
      .then(([date, typedYear]) => {
        const year = date
          ? budgetYearOf(date.values[0]?.[0], true)
          : budgetYearOf(typedYear?.values[0]?.[0], false);
        if (current && year !== null) fringes.setYear(year);
      })
      .catch((error: unknown) => pane.showError(error));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, tables]);

  const handleCopy = async () => {
    const table = tables?.find((t) => t.name === target);
    const result = await pane.runLong(`Copying ${preset} ${year}`, async (options) => {
      if (!table) {
        const created = await createFringeSheet(pane.port, presetRows(preset, year), options);
        return { table: created.table, moved: null };
      }
      const copied = await copyPreset(pane, table, preset, year, options);
      return copied.copied ? { table: table.name, moved: copied.moved } : null;
    });
    if (result) {
      pane.showNote(
        `${preset} ${year} copied into the table ${result.table}.` + (result.moved ? ` ${result.moved}` : ""),
      );
      await handleRefresh();
    }
  };

  // Tables PROD.FRINGE would refuse: a rate still to fill in (workers' comp, the payroll fee).
  const warnings = (tables ?? []).map(tableWarning).filter((w): w is string => w !== null);

  return (
    <section className={styles.section} aria-labelledby="fringe-copy">
      <Subtitle2 as="h3" id="fringe-copy">
        Copy into the workbook
      </Subtitle2>
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={styles.grid}>
        <SelectField
          label="Preset"
          hint={fringes.description}
          value={preset}
          options={PRESET_OPTIONS}
          onChange={fringes.setPreset}
        />
        <SelectField
          label="Year"
          value={year}
          options={fringes.years}
          onChange={(v) => fringes.setYear(Number(v))}
        />
      </div>
      <SelectField
        label="Into"
        value={target}
        options={[
          ...(tables ?? []).map((t) => ({ value: t.name, label: `Table ${t.name} (${t.sheet})` })),
          { value: NEW_SHEET, label: "A new Fringes sheet" },
        ]}
        onChange={setTarget}
      />
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={pane.busy !== null || tables === null}
          onClick={() => void handleCopy()}
        >
          Copy {preset}
        </Button>
        <Button onClick={() => void handleRefresh()}>Find tables again</Button>
      </div>
      <PaneStatus at="copy" />
    </section>
  );
}

/** Put a fringe set in the Fringes set column of the selected detail lines. */
function ApplySet() {
  const styles = useStyles();
  const pane = usePane("apply");
  const [fringeSet, setFringeSet] = useState("Fringes");
  const handleApply = async () => {
    pane.clearMessage();
    try {
      const { sheet, lines, leftAlone } = await applySetToSelection(pane.port, fringeSet, (detail) =>
        pane.ask(
          takeBackQuestion(
            detail,
            "a budget detail sheet",
            "changes nothing else on it, then puts the fringe set on the selected lines",
          ),
        ),
      );
      const untouched = "headings, empty lines and rows outside the budget lines are left alone";
      pane.showNote(
        lines === 0
          ? `No budget lines in the selection on ${sheet}: nothing changed (${untouched}).`
          : `Fringes set "${fringeSet.trim() || "(none)"}" put on ${count(lines, "selected line")} of ${sheet}.` +
              (leftAlone > 0 ? ` The other selected rows were left alone: ${untouched}.` : ""),
      );
    } catch (error) {
      pane.showError(error);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="fringe-apply">
      <Subtitle2 as="h3" id="fringe-apply">
        Apply to selected lines
      </Subtitle2>
      <Field
        label="Fringes set"
        hint="The budget's own fringe table (Fringes), library names such as SAG-AFTRA,PAYROLL-CA, or both: Fringes,SAG-AFTRA. Empty removes fringes."
      >
        <Input value={fringeSet} onChange={(_e, data) => setFringeSet(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button disabled={pane.busy !== null} onClick={() => void handleApply()}>
          Apply to selection
        </Button>
      </div>
      <PaneStatus at="apply" />
    </section>
  );
}

/**
 * Why a typed figure cannot be used, in words a production user reads (not the engine's
 * 'must be a number, got "ten"'); null when it can. `aboveZero`: 0 cannot be meant (a guaranteed
 * day of 0 hours has no hourly rate).
 */
function figureProblem(text: string, what: string, example: string, aboveZero = false): string | null {
  if (text.trim() === "") return `Type the ${what}, for example ${example}.`;
  const value = parseNumericText(text);
  if (value === undefined) return `Type the ${what} as a number, for example ${example}.`;
  if (value.isNeg()) return `The ${what} cannot be less than 0.`;
  if (aboveZero && value.isZero()) return `The ${what} must be more than 0, for example ${example}.`;
  return null;
}

/** Quick paid hours / day pay / overtime calculator over the pay engine. */
function PayCalculator() {
  const styles = useStyles();
  const [dayRate, setDayRate] = useState("750");
  const [guaranteed, setGuaranteed] = useState("10");
  const [worked, setWorked] = useState("12");
  const [rule, setRule] = useState<string>("CA");
  const [custom, setCustom] = useState("10:1.5,14:2");
  const [moneyBreak, setMoneyBreak] = useState("");
  // SAG-AFTRA day performers: with a money break given, the day is figured by its rules.
  const performer = rule === "SAG-DAY" && moneyBreak.trim() !== "";

  // Each figure's problem in words, on its own field.
  const problems = {
    dayRate: figureProblem(dayRate, "day rate", "750"),
    guaranteed: performer ? null : figureProblem(guaranteed, "guaranteed hours", "10", true),
    worked: figureProblem(worked, "hours worked", "12"),
    moneyBreak: performer ? figureProblem(moneyBreak, "money break", "2,400") : null,
  };
  let result: { label: string; value: string }[] | null = null;
  let note: string | null = null;
  let problem: string | null = null;
  let ruleProblem: string | null = null;
  if (Object.values(problems).every((p) => p === null))
    try {
      const parsed = parseRule(rule === "custom" ? custom : rule);
      const rate = toDecimal(dayRate, "Day rate");
      const hours = toDecimal(worked, "Hours worked");
      if (performer) {
        const day = sagDayPerformerPay(rate, hours, toDecimal(moneyBreak, "Money break"));
        note = day.overBreak
          ? "Over the money break: the day rate covers 10 hours, then 1.5x the money break / 8 per hour, in tenths."
          : "At or under the money break: the day rate covers 8 hours, then SAG-DAY overtime on the day rate / 8.";
        result = [
          { label: "Day pay", value: formatDollars(day.pay) },
          { label: "Overtime", value: formatDollars(day.overtime) },
        ];
      } else {
        const hourly = hourlyFromDayRate(rate, toDecimal(guaranteed, "Guaranteed hours"), parsed);
        result = [
          { label: "Paid hours", value: paidHours(hours, parsed).toString() },
          // The hourly rate is not rounded (spec: rates are not rounded); shown to 4 places.
          { label: "Hourly rate", value: `$${hourly.toDecimalPlaces(4).toString()}` },
          { label: "Day pay", value: formatDollars(dayPay(hourly, hours, parsed)) },
          { label: "Overtime premium", value: formatDollars(overtimePremium(hourly, hours, parsed)) },
        ];
      }
    } catch (error) {
      if (!(error instanceof ProdError)) throw error;
      if (rule === "custom")
        ruleProblem =
          "PROD cannot read this rule. Type hours:multiplier pairs, for example 10:1.5,14:2 (1.5x after 10 hours, 2x after 14).";
      else problem = error.message;
    }
  // The figures are said as they change (one announcement for a burst of typing).
  const { announce } = useAnnounce();
  const said = result?.map(({ label, value }) => `${label} ${value}`).join(", ") ?? "";
  useEffect(() => {
    if (said) announce(said, { polite: true, batchId: "pay-calculator" });
  }, [said, announce]);

  return (
    <section className={styles.section} aria-labelledby="pay-calculator">
      <Subtitle2 as="h3" id="pay-calculator">
        Day pay calculator
      </Subtitle2>
      <div className={styles.grid}>
        <Field label="Day rate ($)" {...problemProps(problems.dayRate)}>
          <Input inputMode="decimal" value={dayRate} onChange={(_e, d) => setDayRate(d.value)} />
        </Field>
        <Field label="Guaranteed hours" {...problemProps(problems.guaranteed)}>
          <Input inputMode="decimal" value={guaranteed} onChange={(_e, d) => setGuaranteed(d.value)} />
        </Field>
        <Field label="Hours worked" {...problemProps(problems.worked)}>
          <Input inputMode="decimal" value={worked} onChange={(_e, d) => setWorked(d.value)} />
        </Field>
      </div>
      <SelectField
        label="Overtime rule"
        hint={
          rule === "custom"
            ? "threshold:multiplier pairs, e.g. 10:1.5,14:2"
            : describePreset(RULE_PRESETS[rule as RulePresetName])
        }
        value={rule}
        options={[...RULE_OPTIONS, { value: "custom", label: "Custom rule" }]}
        onChange={setRule}
      />
      {rule === "custom" && (
        <Field label="Custom rule" {...problemProps(ruleProblem)}>
          <Input value={custom} onChange={(_e, d) => setCustom(d.value)} />
        </Field>
      )}
      {rule === "SAG-DAY" && (
        <Field
          label="Money break ($)"
          hint="Twice the day-performer minimum of your agreement year. Leave blank to figure the day from the hourly rate."
          {...problemProps(problems.moneyBreak)}
        >
          <Input inputMode="decimal" value={moneyBreak} onChange={(_e, d) => setMoneyBreak(d.value)} />
        </Field>
      )}
      {problem ? (
        <Text role="alert">{problem}</Text>
      ) : (
        result && (
          <>
            <div className={styles.results} aria-label="Calculator results" role="group">
              {result.flatMap(({ label, value }) => [
                <Text key={label}>{label}</Text>,
                <Text key={`${label}-value`} className={styles.figure}>
                  {value}
                </Text>,
              ])}
            </div>
            {note && <Caption1>{note}</Caption1>}
          </>
        )
      )}
    </section>
  );
}

/** The Fringes panel. */
export default function FringesPanel() {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Fringes and rates</Subtitle1>
      <CopyPreset />
      <ApplySet />
      <PayCalculator />
      <LibraryList />
    </div>
  );
}
