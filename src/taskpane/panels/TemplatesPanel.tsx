/*
 * Budget templates (spec/taskpane.md section 1): pick a chart of accounts, fill the globals,
 * insert a formula-live budget. Never touches existing sheets: when the names are taken, it asks
 * and creates numbered copies ("Top Sheet 2") instead.
 */
import { useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Subtitle1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LayoutId } from "../../engine/chart";
import { dateSerial } from "../../engine/import/dates";
import { RULE_PRESETS, type RulePresetName, describePreset } from "../../engine/pay";
import { TEMPLATES, type BudgetTemplate, type TemplateGlobals } from "../../engine/templates";
import type { WorkbookPort } from "../../excel/port";
import { firstFreeCopy } from "../shell/freeCopy";
import { usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { PRESET_OPTIONS, RULE_OPTIONS } from "../shell/optionLabels";
import {
  type TemplateSheetNames,
  TEMPLATES_OWNER,
  buildTemplatePlan,
  namesForCopy,
} from "../templates/buildPlan";
import { SelectField } from "../shell/SelectField";
import { usePresetYear } from "../fringes/usePresetYear";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(120px, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The numeric globals the form edits, with their labels; percentages are typed as percents. */
const NUMBER_FIELDS: readonly {
  key: keyof TemplateGlobals;
  label: string;
  percent?: boolean;
  whole?: boolean;
  tvOnly?: boolean;
  /** Shown only for a template whose prep and wrap are counted this way. */
  schedule?: BudgetTemplate["schedule"];
  max?: number;
}[] = [
  { key: "prepWeeks", label: "Prep (weeks)", schedule: "weeks" },
  { key: "prepDays", label: "Prep (days)", schedule: "days" },
  { key: "shootDays", label: "Shoot (days)" },
  { key: "wrapWeeks", label: "Wrap (weeks)", schedule: "weeks" },
  { key: "wrapDays", label: "Wrap (days)", schedule: "days" },
  { key: "hoursPerDay", label: "Shoot-day hours", max: 24 },
  { key: "daysPerWeek", label: "Shoot days per week", max: 7 },
  { key: "episodes", label: "Episodes", whole: true, tvOnly: true, max: 200 },
  { key: "contingencyPct", label: "Contingency %", percent: true },
  { key: "insurancePct", label: "Insurance %", percent: true },
  { key: "bondPct", label: "Completion bond %", percent: true },
  { key: "markupPct", label: "Markup / fee %", percent: true },
];

/** Form text for a template's defaults (percents shown as 10, not 0.1). */
function formValues(globals: TemplateGlobals): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of NUMBER_FIELDS) {
    const v = globals[f.key] as number;
    out[f.key] = String(f.percent ? Number((v * 100).toFixed(6)) : v);
  }
  return out;
}

/** Why a typed value is not usable, or null when it is. */
function problem(text: string, field: (typeof NUMBER_FIELDS)[number]): string | null {
  if (text.trim() === "") return "Enter a number.";
  const value = Number(text);
  if (!Number.isFinite(value)) return "Enter a number.";
  if (value < 0) return "Must be 0 or more.";
  if (field.whole && (!Number.isInteger(value) || value < 1)) return "Enter a whole number, 1 or more.";
  if (field.key === "daysPerWeek" && value === 0) return "Must be more than 0.";
  if (field.max !== undefined && value > field.max) return `Must be ${field.max} or less.`;
  if (field.percent && value > 100) return "Must be 100 or less.";
  return null;
}

/** Today's date, ISO, in the user's own time zone. */
function todayIso(now: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * The rates date the form offers: today when the library holds the payroll figures of this year
 * for the preset (a budget made today is priced at the rates in force today until its first
 * payroll date is typed), otherwise 1 January of the latest year held.
 */
export function defaultRatesDate(years: readonly number[], today: string): string {
  return years.includes(Number(today.slice(0, 4))) ? today : `${years[years.length - 1]}-01-01`;
}

/** Why a typed rates date is not usable for the preset, or null when it is. */
export function ratesDateProblem(text: string, preset: string, years: readonly number[]): string | null {
  const [y, m, d] = text.split("-").map(Number);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || dateSerial(y, m, d) === undefined) return "Enter a date.";
  if (!years.includes(y))
    return `PROD holds ${preset} figures for ${years.join(" and ")}: pick a date in ${years.length > 1 ? "one of those years" : "that year"}.`;
  return null;
}

/** The first copy number whose sheets, names, tables and ownership marks are all free. */
export async function freeCopy(
  port: WorkbookPort,
  layoutId: LayoutId,
): Promise<{ copy: number; sheets: TemplateSheetNames; suffix: string }> {
  const template = TEMPLATES[layoutId];
  // A copy whose sheets were renamed still holds its marks: its number is taken.
  const markedCopies = new Set((await port.findOwned(TEMPLATES_OWNER)).map((o) => o.copy));
  const copy = await firstFreeCopy(
    port,
    (n) => {
      const candidate = namesForCopy(template, n);
      const probe = buildTemplatePlan(template, template.defaults, candidate.sheets, candidate.suffix);
      return [
        ...Object.values(candidate.sheets),
        ...probe.names,
        ...probe.plan.sheets.flatMap((s) => (s.tables ?? []).map((t) => t.name)),
      ];
    },
    (n) => markedCopies.has(namesForCopy(template, n).suffix),
  );
  return { copy, ...namesForCopy(template, copy) };
}

/** The Templates panel. */
export default function TemplatesPanel() {
  const styles = useStyles();
  const pane = usePane();
  const [layoutId, setLayoutId] = useState<LayoutId>("FEATURE");
  const template = TEMPLATES[layoutId];
  const [values, setValues] = useState<Record<string, string>>(() => formValues(TEMPLATES.FEATURE.defaults));
  const fringes = usePresetYear(template.defaults.fringePreset);
  const [ratesDate, setRatesDate] = useState(() => defaultRatesDate(fringes.years, todayIso(new Date())));
  const [payRule, setPayRule] = useState(template.defaults.payRule);
  const ratesDateError = ratesDateProblem(ratesDate, fringes.preset, fringes.years);

  const fields = NUMBER_FIELDS.filter(
    (f) => (!f.tvOnly || template.amortization) && (!f.schedule || f.schedule === template.schedule),
  );
  const problems = Object.fromEntries(fields.map((f) => [f.key, problem(values[f.key] ?? "", f)]));
  const valid = Object.values(problems).every((p) => p === null) && ratesDateError === null;

  const handleTemplate = (id: LayoutId) => {
    setLayoutId(id);
    setValues(formValues(TEMPLATES[id].defaults));
  };

  const handleInsert = async () => {
    pane.clearMessage();
    const globals: TemplateGlobals = {
      ...template.defaults,
      fringePreset: fringes.preset,
      ratesDate,
      payRule,
    };
    for (const f of fields) {
      const v = Number(values[f.key]);
      (globals[f.key] as number) = f.percent ? v / 100 : v;
    }
    let target: Awaited<ReturnType<typeof freeCopy>>;
    try {
      target = await freeCopy(pane.port, layoutId);
    } catch (error) {
      pane.showError(error);
      return;
    }
    const sheetList = Object.values(target.sheets).join(", ");
    if (target.copy > 1) {
      const base = Object.values(namesForCopy(template, 1).sheets).join(", ");
      const yes = await pane.ask({
        title: "Those sheets already exist",
        message: `This workbook already has sheets or names used by a budget (${base}). PROD leaves them as they are and will create ${sheetList} instead.`,
        confirmLabel: "Create new sheets",
      });
      if (!yes) return;
    }
    const { plan } = buildTemplatePlan(template, globals, target.sheets, target.suffix);
    const done = await pane.runLong(`Inserting ${template.name}`, async (options) => {
      await pane.port.apply(plan, options);
      return true;
    });
    if (done)
      pane.showNote(
        `${template.name} inserted: ${sheetList}. Workers' comp and the payroll fee have no rate yet: the totals leave them out, and ${target.sheets.topSheet} says so, until you type them in the table on ${target.sheets.fringes}. Then fill the rates on ${target.sheets.detail}.`,
      );
  };

  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Budget templates</Subtitle1>
      <Field label="Template">
        <RadioGroup value={layoutId} onChange={(_e, data) => handleTemplate(data.value as LayoutId)}>
          {(Object.keys(TEMPLATES) as LayoutId[]).map((id) => (
            <Radio key={id} value={id} label={TEMPLATES[id].name} />
          ))}
        </RadioGroup>
      </Field>
      <Body1>{template.description}</Body1>

      <div className={styles.grid}>
        {fields.map((f) => (
          <Field
            key={f.key}
            label={f.label}
            validationState={problems[f.key] ? "error" : "none"}
            validationMessage={problems[f.key] ?? undefined}
          >
            <Input
              type="number"
              inputMode="decimal"
              value={values[f.key] ?? ""}
              onChange={(_e, data) => setValues((v) => ({ ...v, [f.key]: data.value }))}
            />
          </Field>
        ))}
      </div>

      <SelectField
        label="Work state (payroll fringes)"
        hint={fringes.description}
        value={fringes.preset}
        options={PRESET_OPTIONS}
        onChange={fringes.setPreset}
      />
      <Field
        label="Rates date (first payroll)"
        hint="Fringe rates in force on this day: guild rates change on July 1 or August 1."
        validationState={ratesDateError ? "error" : "none"}
        validationMessage={ratesDateError ?? undefined}
      >
        <Input type="date" value={ratesDate} onChange={(_e, data) => setRatesDate(data.value)} />
      </Field>
      <SelectField
        label="Overtime rule (paid hours)"
        hint={payRule in RULE_PRESETS ? describePreset(RULE_PRESETS[payRule as RulePresetName]) : undefined}
        value={payRule}
        options={RULE_OPTIONS}
        onChange={setPayRule}
      />

      <Caption1 className={styles.hint}>
        Creates {Object.values(namesForCopy(template, 1).sheets).join(", ")}. Existing sheets are never
        changed.
      </Caption1>
      <Button
        appearance="primary"
        disabled={!valid || pane.busy !== null}
        onClick={() => void handleInsert()}
      >
        Insert {template.name}
      </Button>
      <PaneStatus />
    </div>
  );
}
