/* A labelled drop-down (Fluent Field + native Select): the one way panels offer a short list. */
import { Field, Select } from "@fluentui/react-components";

/** One choice: a value shown as itself, or a value with its own label. */
export type SelectOption = string | number | { value: string; label: string };

/** Props of a labelled select. */
export interface SelectFieldProps {
  label: string;
  value: string | number;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A line under the field. */
  hint?: string;
}

/** A labelled select; keyboard and screen readers get the native control. */
export function SelectField({ label, value, options, onChange, hint }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint}>
      <Select value={String(value)} onChange={(_e, data) => onChange(data.value)}>
        {options.map((o) => {
          const { value: v, label: text } =
            typeof o === "object" ? o : { value: String(o), label: String(o) };
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </Select>
    </Field>
  );
}
