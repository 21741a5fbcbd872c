/*
 * A labelled drop-down whose choice does something at once (reads a sheet, re-matches bids):
 * arrowing through it does nothing until Enter (useDeliberateChoice), and the hint says so while
 * a value waits. Plain settings use SelectField.
 */
import type { ReactNode } from "react";
import { Field, Select } from "@fluentui/react-components";
import { useDeliberateChoice } from "./useDeliberateChoice";

/** Props of {@link ChoiceField}. */
export interface ChoiceFieldProps {
  label: string;
  /** The value acted on. */
  value: string;
  /** Acts on a value chosen with Enter, a click or in the opened list. */
  onChoose: (value: string) => void;
  /** The `<option>`s. */
  children: ReactNode;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
  /** What Enter will do, said while a value reached with the arrows waits. */
  waitingHint: string;
}

/** A Field with a native select that acts on a deliberate choice only. */
export function ChoiceField(props: ChoiceFieldProps) {
  const choice = useDeliberateChoice(props.value, props.onChoose);
  return (
    <Field
      label={props.label}
      required={props.required}
      hint={choice.waiting ? props.waitingHint : props.hint}
      className={props.className}
    >
      <Select
        value={choice.shown}
        onChange={choice.onChange}
        onKeyDown={choice.onKeyDown}
        onPointerDown={choice.onPointerDown}
        onBlur={choice.onBlur}
        disabled={props.disabled}
      >
        {props.children}
      </Select>
    </Field>
  );
}
