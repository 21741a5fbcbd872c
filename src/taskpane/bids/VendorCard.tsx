/*
 * One vendor in the Bids panel: its name, where the bid came from, the column mapping (until it
 * is confirmed), the rows that could not be read, and the vendor's terms.
 */
import { useRef } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { WEEK_CONVENTIONS, type ColumnMapping, type TermsText } from "../../engine/bids";
import { DECIMAL_COMMA, DECIMAL_POINT, type NumberFormat } from "../../engine/import";
import { ChoiceField } from "../shell/ChoiceField";
import { ColumnMapper } from "./ColumnMapper";
import { draftHeaders, termProblems, type TermField, type VendorDraft } from "./vendorDraft";
import { problemProps } from "../shell/problemProps";
import { useFocusIfLost } from "../shell/useFocusIfLost";

const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  // A drop-down as wide as its grid column, never wider: the Week convention's long labels
  // covered the Discount field at 320 px (issue 17).
  fill: { minWidth: 0, width: "100%" },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  terms: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  // Groups the column step for focus only: its parts stay the card's own rows.
  contents: { display: "contents" },
});

/** How many rows left out are listed before "and N more". */
const PROBLEMS_SHOWN = 5;

/** Props of {@link VendorCard}. */
export interface VendorCardProps {
  vendor: VendorDraft;
  /** 1-based position, for labels ("Vendor 2"). */
  position: number;
  disabled?: boolean;
  /** Why the name cannot be used (another vendor has it), shown at the field. */
  nameProblem?: string;
  onRename: (name: string) => void;
  onSelectSheet: (index: number) => void;
  onMappingChange: (mapping: ColumnMapping) => void;
  onConfirmMapping: () => void;
  onEditMapping: () => void;
  onTermsChange: (terms: TermsText) => void;
  /** The user's answer when the file's numbers could be read two ways. */
  onNumberFormat: (format: NumberFormat) => void;
  onRemove: () => void;
}

/** A vendor's card. */
export function VendorCard(props: VendorCardProps) {
  const { vendor, position, disabled } = props;
  const styles = useStyles();
  const id = `bid-vendor-${vendor.id}`;
  const sheet = vendor.sheets[vendor.sheetIndex];
  const setTerm = (key: keyof TermsText, value: string | boolean) =>
    props.onTermsChange({ ...vendor.terms, [key]: value });
  const problems = termProblems(vendor.terms);
  // "Use these columns", "Change columns" and the answer about amounts each replace themselves:
  // the column step that takes their place takes the focus (issue 20).
  const columnStep = useRef<HTMLDivElement>(null);
  useFocusIfLost(columnStep, `${vendor.mapped} ${vendor.numberFormat !== undefined}`);
  const termField = (key: TermField, label: string, hint: string) => (
    <Field label={label} hint={hint} {...problemProps(problems[key])}>
      <Input
        value={vendor.terms[key]}
        onChange={(_e, data) => setTerm(key, data.value)}
        disabled={disabled}
      />
    </Field>
  );

  return (
    <section className={styles.card} aria-label={`Vendor ${position}: ${vendor.name}`}>
      <div className={styles.row}>
        <Field
          label={`Vendor ${position} name`}
          style={{ flexGrow: 1 }}
          validationState={props.nameProblem ? "error" : "none"}
          validationMessage={props.nameProblem}
        >
          <Input value={vendor.name} onChange={(_e, d) => props.onRename(d.value)} disabled={disabled} />
        </Field>
        <Button onClick={props.onRemove} disabled={disabled} aria-label={`Remove ${vendor.name}`}>
          Remove
        </Button>
      </div>
      <Caption1>From {vendor.source}</Caption1>

      {vendor.sheets.length > 1 && (
        <ChoiceField
          label="Sheet"
          waitingHint="Press Enter to read this sheet."
          value={String(vendor.sheetIndex)}
          onChoose={(v) => props.onSelectSheet(Number(v))}
          disabled={disabled}
        >
          {vendor.sheets.map((s, i) => (
            <option key={i} value={String(i)}>
              {s.name}
            </option>
          ))}
        </ChoiceField>
      )}

      {vendor.headerRow >= 0 && !vendor.numberFormat && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>How does this file write amounts?</MessageBarTitle>
            {vendor.numberQuestion}
            <div className={styles.row}>
              <Button size="small" onClick={() => props.onNumberFormat(DECIMAL_POINT)} disabled={disabled}>
                1,234.56 (1.000 is one)
              </Button>
              <Button size="small" onClick={() => props.onNumberFormat(DECIMAL_COMMA)} disabled={disabled}>
                1.234,56 (1.000 is one thousand)
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {vendor.mapped && vendor.lines.length === 0 && vendor.problems.length === 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>No bid lines</MessageBarTitle>
            {sheet ? `"${sheet.name}"` : "The file"} has headings but no lines under them. Pick another sheet
            or file, or remove this vendor.
          </MessageBarBody>
        </MessageBar>
      )}

      <div ref={columnStep} className={styles.contents}>
        {vendor.headerRow < 0 ? (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>Nothing to read</MessageBarTitle>
              {sheet ? `"${sheet.name}" is empty.` : "The file is empty."} Pick another sheet or file, or
              remove this vendor.
            </MessageBarBody>
          </MessageBar>
        ) : vendor.mapped ? (
          <div className={styles.row}>
            <Text>
              {vendor.lines.length} {vendor.lines.length === 1 ? "line" : "lines"} read
              {vendor.remembered ? " with the columns you chose for this layout before" : ""}.
            </Text>
            <Button size="small" onClick={props.onEditMapping} disabled={disabled}>
              Change columns
            </Button>
          </div>
        ) : (
          <>
            <Subtitle2 as="h3">Which column holds what?</Subtitle2>
            <ColumnMapper
              headers={draftHeaders(vendor)}
              mapping={vendor.mapping}
              onChange={props.onMappingChange}
              onConfirm={props.onConfirmMapping}
              disabled={disabled || !vendor.numberFormat}
            />
          </>
        )}
      </div>

      {vendor.mapped && vendor.problems.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>
              {vendor.problems.length} {vendor.problems.length === 1 ? "row was" : "rows were"} left out
            </MessageBarTitle>
            <ul>
              {vendor.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
                <li key={p.row}>{p.message}</li>
              ))}
            </ul>
            {vendor.problems.length > PROBLEMS_SHOWN &&
              `and ${vendor.problems.length - PROBLEMS_SHOWN} more. `}
            Fix them in the file and add it again, or compare without them.
          </MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2 as="h3">Terms</Subtitle2>
      {vendor.termsFrom !== undefined && (
        <Caption1>Terms as last compared for &quot;{vendor.termsFrom}&quot;.</Caption1>
      )}
      <div className={styles.terms}>
        <Field label="Week convention" className={styles.fill}>
          <Select
            className={styles.fill}
            value={vendor.terms.weekDays}
            onChange={(_e, d) => setTerm("weekDays", d.value)}
            disabled={disabled}
          >
            {WEEK_CONVENTIONS.map((w) => (
              <option key={w.weekDays} value={String(w.weekDays)}>
                {w.label}
              </option>
            ))}
          </Select>
        </Field>
        {termField("discount", "Discount %", "Off the rental")}
        {termField("lossDamage", "Loss & damage %", "On the rental after discount")}
        {termField("taxRate", "Sales tax %", "On taxable lines")}
        {termField("delivery", "Delivery $", "Once per order")}
        {termField("pickup", "Pickup $", "Once per order")}
      </div>
      <Checkbox
        id={`${id}-taxable`}
        checked={vendor.terms.taxableByDefault}
        onChange={(_e, d) => setTerm("taxableByDefault", d.checked === true)}
        label="Lines without a Taxable column are taxable"
        disabled={disabled}
      />
    </section>
  );
}
