/*
 * The column-mapping step: which column of a vendor's file holds the item, the quantity, the
 * days, the day rate... Guessed from the headers (or remembered for the file's layout); the user
 * fixes any column and confirms.
 */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import {
  COLUMN_ROLES,
  missingRoles,
  weekDayColumns,
  type ColumnMapping,
  type ColumnRole,
} from "../../engine/bids";
import { columnLetter } from "../../excel/port";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  actions: { marginTop: tokens.spacingVerticalS },
});

/** Props of {@link ColumnMapper}. */
export interface ColumnMapperProps {
  /** The header row's cells. */
  headers: readonly unknown[];
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  /** Called when the user confirms the mapping. */
  onConfirm: () => void;
  disabled?: boolean;
}

/** A header as an option label: "C: Day Rate". */
function columnLabel(header: unknown, column: number): string {
  const text = header === null || header === undefined ? "" : String(header).trim();
  return text === "" ? `Column ${columnLetter(column)}` : `${columnLetter(column)}: ${text}`;
}

/** The Days option that stands for the per-week day columns. */
const WEEKS = "weeks";

/** The per-week columns as an option label: "Days in each week: C, D, E (Week 1 days, ...)". */
function weeksLabel(headers: readonly unknown[], columns: readonly number[]): string {
  return `Days in each week: ${columns.map(columnLetter).join(", ")} (${columns.map((c) => String(headers[c]).trim()).join(", ")})`;
}

/** One select per role; a required role left unmapped keeps the confirm button disabled. */
export function ColumnMapper({ headers, mapping, onChange, onConfirm, disabled }: ColumnMapperProps) {
  const styles = useStyles();
  const missing = missingRoles(mapping);
  // Per-week day columns ("Week 1 days", "Week 2 days", ...) are offered as the Days (issue 17).
  const weekColumns = weekDayColumns(headers);
  const handleSelect = (role: ColumnRole, value: string) => {
    const { weekColumns: current, ...columns } = mapping;
    // The days are one column or the week columns, never both.
    const weeks = role !== "days" ? current : value === WEEKS ? weekColumns : undefined;
    if (value === "" || value === WEEKS) delete columns[role];
    else columns[role] = Number(value);
    onChange(weeks ? { ...columns, weekColumns: weeks } : columns);
  };
  const selected = (role: ColumnRole) =>
    role === "days" && mapping.weekColumns ? WEEKS : mapping[role] === undefined ? "" : String(mapping[role]);
  return (
    <div>
      <div className={styles.grid}>
        {COLUMN_ROLES.map(({ role, label, required }) => (
          <Field key={role} label={label} required={required}>
            <Select
              value={selected(role)}
              onChange={(_e, data) => handleSelect(role, data.value)}
              disabled={disabled}
            >
              <option value="">{required ? "Pick a column" : "Not in this file"}</option>
              {headers.map((header, column) => (
                <option key={column} value={String(column)}>
                  {columnLabel(header, column)}
                </option>
              ))}
              {role === "days" && weekColumns && (
                <option value={WEEKS}>{weeksLabel(headers, weekColumns)}</option>
              )}
            </Select>
          </Field>
        ))}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onConfirm} disabled={disabled || missing.length > 0}>
          {missing.length > 0 ? `Pick the ${missing.join(" and ")} column` : "Use these columns"}
        </Button>
      </div>
    </div>
  );
}
