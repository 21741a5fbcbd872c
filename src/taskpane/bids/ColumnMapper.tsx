/*
 * The column-mapping step: which column of a vendor's file holds the item, the quantity, the
 * days, the day rate... Guessed from the headers (or remembered for the file's layout); the user
 * fixes any column and confirms.
 */
import { Button, Field, Select, makeStyles, tokens } from "@fluentui/react-components";
import { COLUMN_ROLES, missingRoles, type ColumnMapping, type ColumnRole } from "../../engine/bids";
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
  /** Labels fields uniquely when several vendors are open. */
  idPrefix: string;
  disabled?: boolean;
}

/** A header as an option label: "C: Day Rate". */
function columnLabel(header: unknown, column: number): string {
  const text = header === null || header === undefined ? "" : String(header).trim();
  return text === "" ? `Column ${columnLetter(column)}` : `${columnLetter(column)}: ${text}`;
}

/** One select per role; a required role left unmapped keeps the confirm button disabled. */
export function ColumnMapper({
  headers,
  mapping,
  onChange,
  onConfirm,
  idPrefix,
  disabled,
}: ColumnMapperProps) {
  const styles = useStyles();
  const missing = missingRoles(mapping);
  const handleSelect = (role: ColumnRole, value: string) => {
    const next: ColumnMapping = { ...mapping };
    if (value === "") delete next[role];
    else next[role] = Number(value);
    onChange(next);
  };
  return (
    <div>
      <div className={styles.grid}>
        {COLUMN_ROLES.map(({ role, label, required }) => (
          <Field key={role} label={required ? `${label} (required)` : label}>
            <Select
              id={`${idPrefix}-${role}`}
              value={mapping[role] === undefined ? "" : String(mapping[role])}
              onChange={(_e, data) => handleSelect(role, data.value)}
              disabled={disabled}
            >
              <option value="">{required ? "Pick a column" : "Not in this file"}</option>
              {headers.map((header, column) => (
                <option key={column} value={String(column)}>
                  {columnLabel(header, column)}
                </option>
              ))}
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
