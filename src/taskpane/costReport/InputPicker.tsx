/*
 * Picks one input of the cost report (a sheet, a table or a file) and maps its columns. The
 * header row is found and the columns guessed (or remembered from last time); the user can fix
 * any of them before building.
 */
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { columnLetter, type WorkbookPort } from "../../excel/port";
import { usePane } from "../shell/PaneContext";
import { ChoiceField } from "../shell/ChoiceField";
import { PaneStatus } from "../shell/PaneStatus";
import {
  DECIMAL_COMMA,
  DECIMAL_POINT,
  formatWords,
  ORDER_WORDS,
  type DateOrder,
  type Layout,
} from "../../engine/import";
import type { Field as InputField } from "../../engine/weeklyCostReport";
import {
  INPUT_FIELDS,
  firstMapping,
  loadInput,
  openQuestions,
  remap,
  type Columns,
  type InputChoice,
  type InputKind,
  type MappedInput,
  type MappingMemory,
} from "./sources";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  fileRow: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Props of {@link InputPicker}. */
export interface InputPickerProps<K extends InputKind> {
  kind: K;
  /** The field's label ("Budget"). */
  label: string;
  port: WorkbookPort;
  /** Sheet and table names to offer. */
  sheets: readonly string[];
  tables: readonly string[];
  /** Whether "None" is a choice (open POs are optional). @default false */
  optional?: boolean;
  /** The sheet to start with if it exists ("Budget detail"). */
  preferredSheet?: string;
  memory: MappingMemory;
  value: MappedInput<K> | null;
  onChange(value: MappedInput<K> | null): void;
  /** Told true while the input is read or its layout checked, false when done (the build waits). */
  onBusy?(busy: boolean): void;
  disabled?: boolean;
}

/**
 * Where the headings are and what the file proved about its formats, in words: "gl.csv,
 * headings on row 3; amounts 1.234,56 ("1.234,56", row 4); dates day/month ("20/04/2026", row 5)".
 */
function headingWords(label: string, layout: Layout<InputField>): string {
  const parts = [
    layout.headerFound
      ? `${label}, headings on row ${layout.headerRow + 1}`
      : `${label}: no headings recognised, row ${layout.headerRow + 1} is taken as the headings; check the columns`,
  ];
  const n = layout.numberFinding;
  if (n.status === "proved" && n.format)
    parts.push(`amounts ${formatWords(n.format)} ("${n.examples[0].text}", row ${n.examples[0].row})`);
  const d = layout.dateFinding;
  if (d.status === "proved" && d.order)
    parts.push(`dates ${ORDER_WORDS[d.order]} ("${d.examples[0].text}", row ${d.examples[0].row})`);
  return parts.join("; ");
}

/** One input of the cost report: where it comes from, and which column holds what. */
export function InputPicker<K extends InputKind>(props: InputPickerProps<K>) {
  const styles = useStyles();
  const { kind, port, memory, value, onChange } = props;
  // A file or sheet that cannot be read is said under this input, not at the top of the pane.
  const statusSlot = `input-${kind}`;
  const { showError } = usePane(statusSlot);
  const [choice, setChoice] = useState<string>("");
  const [triedPreferred, setTriedPreferred] = useState(false);
  const [loading, setLoading] = useState(false);
  // A sheet's layout is checked in the report worker, so a change of column or format takes a
  // moment: changes are checked one after the other, each from the one before, and a change
  // still being checked when another input is picked (or cleared) is dropped.
  const [checking, setChecking] = useState(0);
  const current = useRef(value);
  current.current = value;
  const pending = useRef<Promise<void>>(Promise.resolve());
  const generation = useRef(0);
  const { onBusy } = props;
  const busy = loading || checking > 0;
  useEffect(() => onBusy?.(busy), [busy, onBusy]);

  const load = async (picked: InputChoice) => {
    generation.current++;
    setLoading(true);
    try {
      const input = await loadInput(port, picked, kind);
      onChange(await firstMapping(kind, input, memory));
    } catch (e) {
      onChange(null);
      showError(e);
    } finally {
      setLoading(false);
    }
  };

  const change = (how: (from: MappedInput<K>) => Promise<MappedInput<K>>) => {
    const asOf = generation.current;
    setChecking((n) => n + 1);
    pending.current = pending.current.then(async () => {
      try {
        const from = current.current;
        if (!from || asOf !== generation.current) return;
        const next = await how(from);
        if (asOf !== generation.current) return;
        current.current = next;
        onChange(next);
      } catch (e) {
        showError(e);
      } finally {
        setChecking((n) => n - 1);
      }
    });
  };

  const clear = () => {
    generation.current++;
    onChange(null);
  };

  // Start from the template's sheet when the workbook has it (the Budget detail sheet).
  const preferred = props.preferredSheet;
  useEffect(() => {
    if (triedPreferred || value || !preferred || !props.sheets.includes(preferred)) return;
    setTriedPreferred(true);
    setChoice(`sheet:${preferred}`);
    void load({ kind: "sheet", name: preferred });
    // load is recreated every render; the guard above makes this run once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preferred, props.sheets, triedPreferred, value]);

  const handleSource = (v: string) => {
    setChoice(v);
    if (v === "" || v === "file") {
      clear();
      return;
    }
    const [type, ...rest] = v.split(":");
    void load({ kind: type === "table" ? "table" : "sheet", name: rest.join(":") });
  };

  const handleFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    await load({ kind: "file", name: file.name, data: file });
  };

  const handleColumn = (field: string) => (e: ChangeEvent<HTMLSelectElement>) => {
    const picked = e.target.value;
    change((from) => {
      const columns = { ...from.columns };
      if (picked === "") delete columns[field as keyof Columns];
      else columns[field as keyof Columns] = Number(picked);
      return remap(kind, from, { columns });
    });
  };

  const handleNumberFormat = (e: ChangeEvent<HTMLSelectElement>) => {
    const numberFormat =
      e.target.value === "," ? DECIMAL_COMMA : e.target.value === "." ? DECIMAL_POINT : undefined;
    change((from) => remap(kind, from, { answers: { numberFormat } }));
  };

  const handleDateOrder = (e: ChangeEvent<HTMLSelectElement>) => {
    const dateOrder = e.target.value === "" ? undefined : (e.target.value as DateOrder);
    change((from) => remap(kind, from, { answers: { dateOrder } }));
  };

  const questions = value ? openQuestions(value) : [];
  const asked = (k: "numberFormat" | "dateOrder") => questions.find((q) => q.kind === k);
  const numberQuestion = asked("numberFormat");
  const dateQuestion = asked("dateOrder");

  const headerOptions = value?.input.headers.map((h, i) => (
    <option key={i} value={i}>
      {columnLetter(i)}: {h === "" ? "(blank)" : h}
    </option>
  ));

  return (
    <div className={styles.root}>
      {/* Arrowing through the sheets reads none of them: the one chosen is read on Enter or a click. */}
      <ChoiceField
        label={props.label}
        required={!props.optional}
        hint={value ? headingWords(value.input.label, value.layout) : undefined}
        waitingHint="Press Enter to read it."
        value={choice}
        onChoose={handleSource}
        disabled={props.disabled || loading}
      >
        <option value="">{props.optional ? "None" : "Pick…"}</option>
        {props.sheets.map((s) => (
          <option key={`sheet:${s}`} value={`sheet:${s}`}>
            Sheet: {s}
          </option>
        ))}
        {props.tables.map((t) => (
          <option key={`table:${t}`} value={`table:${t}`}>
            Table: {t}
          </option>
        ))}
        <option value="file">A file (CSV or .xlsx)…</option>
      </ChoiceField>
      {choice === "file" && (
        <div className={styles.fileRow}>
          <Field label={`${props.label} file`}>
            {/* A native file input: Field hands it the id its label points at. */}
            {(fieldProps) => (
              <input
                {...fieldProps}
                type="file"
                accept=".csv,.txt,.tsv,.xlsx,.xlsm"
                onChange={(e) => void handleFile(e)}
                disabled={props.disabled || loading}
              />
            )}
          </Field>
        </div>
      )}
      {loading && <Text size={200}>Reading…</Text>}
      {!loading && checking > 0 && <Text size={200}>Checking…</Text>}
      {value && (numberQuestion || value.answers.numberFormat) && (
        <Field
          label={`${props.label}: amounts are written`}
          validationState={numberQuestion ? "warning" : "none"}
          validationMessage={numberQuestion?.message}
        >
          <Select
            value={value.answers.numberFormat?.decimal ?? ""}
            onChange={handleNumberFormat}
            disabled={props.disabled}
          >
            <option value="">Pick…</option>
            <option value=".">1,234.56 (decimal point)</option>
            <option value=",">1.234,56 (decimal comma)</option>
          </Select>
        </Field>
      )}
      {value && (dateQuestion || value.answers.dateOrder) && (
        <Field
          label={`${props.label}: dates are written`}
          validationState={dateQuestion ? "warning" : "none"}
          validationMessage={dateQuestion?.message}
        >
          <Select value={value.answers.dateOrder ?? ""} onChange={handleDateOrder} disabled={props.disabled}>
            <option value="">Pick…</option>
            <option value="DMY">Day/month/year (20/04/2026)</option>
            <option value="MDY">Month/day/year (04/20/2026)</option>
          </Select>
        </Field>
      )}
      {questions
        .filter((q) => q.kind === "currency")
        .map((q) => (
          <Text key={q.kind} role="alert">
            {q.message}
          </Text>
        ))}
      {value && (
        <div className={styles.grid}>
          {INPUT_FIELDS[kind].map((f) => (
            <Field key={f.field} label={f.label} required={f.required} size="small">
              <Select
                size="small"
                value={value.columns[f.field] === undefined ? "" : String(value.columns[f.field])}
                onChange={handleColumn(f.field)}
                disabled={props.disabled}
              >
                <option value="">(none)</option>
                {headerOptions}
              </Select>
            </Field>
          ))}
        </div>
      )}
      {value && (
        <Button
          size="small"
          appearance="subtle"
          onClick={() => {
            setChoice("");
            clear();
          }}
          disabled={props.disabled}
        >
          Clear
        </Button>
      )}
      <PaneStatus at={statusSlot} />
    </div>
  );
}
