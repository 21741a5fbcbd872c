/*
 * Picks one input of the cost report (a sheet, a table or a file) and maps its columns. The
 * header row is found and the columns guessed (or remembered from last time); the user can fix
 * any of them before building.
 */
import { useEffect, useId, useState, type ChangeEvent } from "react";
import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { columnLetter, type WorkbookPort } from "../../excel/port";
import {
  INPUT_FIELDS,
  initialColumns,
  loadInput,
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
  /** Reports a problem reading the input. */
  onError(error: unknown): void;
  disabled?: boolean;
}

/** One input of the cost report: where it comes from, and which column holds what. */
export function InputPicker<K extends InputKind>(props: InputPickerProps<K>) {
  const styles = useStyles();
  const { kind, port, memory, value, onChange, onError } = props;
  const [choice, setChoice] = useState<string>("");
  const [triedPreferred, setTriedPreferred] = useState(false);
  const [loading, setLoading] = useState(false);
  const fileInputId = useId();

  const load = async (picked: InputChoice) => {
    setLoading(true);
    try {
      const input = await loadInput(port, picked, kind);
      onChange({ input, columns: initialColumns(kind, input.headers, memory) });
    } catch (e) {
      onChange(null);
      onError(e);
    } finally {
      setLoading(false);
    }
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

  const handleSource = (e: ChangeEvent<HTMLSelectElement>) => {
    const v = e.target.value;
    setChoice(v);
    if (v === "" || v === "file") {
      onChange(null);
      return;
    }
    const [type, ...rest] = v.split(":");
    void load({ kind: type === "table" ? "table" : "sheet", name: rest.join(":") });
  };

  const handleFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const data = await file.arrayBuffer();
    await load({ kind: "file", name: file.name, data });
  };

  const handleColumn = (field: string) => (e: ChangeEvent<HTMLSelectElement>) => {
    if (!value) return;
    const columns = { ...value.columns };
    if (e.target.value === "") delete columns[field as keyof Columns];
    else columns[field as keyof Columns] = Number(e.target.value);
    onChange({ ...value, columns });
  };

  const headerOptions = value?.input.headers.map((h, i) => (
    <option key={i} value={i}>
      {columnLetter(i)}: {h === "" ? "(blank)" : h}
    </option>
  ));

  return (
    <div className={styles.root}>
      <Field
        label={props.label}
        hint={value ? `${value.input.label}, headings on row ${value.input.headerRow + 1}` : undefined}
      >
        <Select value={choice} onChange={handleSource} disabled={props.disabled || loading}>
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
        </Select>
      </Field>
      {choice === "file" && (
        <div className={styles.fileRow}>
          <Field label={`${props.label} file`}>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,.xlsm"
              onChange={(e) => void handleFile(e)}
              disabled={props.disabled || loading}
            />
          </Field>
        </div>
      )}
      {loading && <Text size={200}>Reading…</Text>}
      {value && (
        <div className={styles.grid}>
          {INPUT_FIELDS[kind].map((f) => (
            <Field key={f.field} label={`${f.label}${f.required ? " *" : ""}`} size="small">
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
            onChange(null);
          }}
          disabled={props.disabled}
        >
          Clear
        </Button>
      )}
    </div>
  );
}
