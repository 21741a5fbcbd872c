/*
 * A drop-down whose choice does something (loads a sheet, re-matches bids) acts only on a choice,
 * never while the user arrows through it. A closed native select changes its value on the arrow
 * keys (and on type-ahead letters) with a change event each time, so arrowing from "Pick…" to the
 * sheet wanted would load every sheet on the way. Here a change made by those keys is held as the
 * shown value until Enter; a change made with the mouse, or in the opened list, acts at once.
 */
import { type ChangeEvent, type KeyboardEvent, useRef, useState } from "react";

/** The props to spread on the select, and the value it shows. */
export interface DeliberateChoice {
  /** The value the select shows: the one held back while browsing, else the chosen one. */
  shown: string;
  /** True while a value reached with the keys waits for Enter. */
  waiting: boolean;
  onChange(event: ChangeEvent<HTMLSelectElement>): void;
  onKeyDown(event: KeyboardEvent<HTMLSelectElement>): void;
  onPointerDown(): void;
  onBlur(): void;
}

/** Keys that leave the choice where it is. */
const NOT_BROWSING = new Set(["Enter", "Tab", "Escape", "Shift", "Control", "Alt", "Meta"]);

/**
 * `chosen` is the value acted on; `onChoose` acts on a new one. Leaving the select with a value
 * still waiting puts the chosen one back: nothing happened, and the select says so.
 */
export function useDeliberateChoice(chosen: string, onChoose: (value: string) => void): DeliberateChoice {
  const browsing = useRef(false);
  const [held, setHeld] = useState<string | null>(null);
  return {
    shown: held ?? chosen,
    waiting: held !== null,
    onKeyDown: (event) => {
      if (event.key === "Enter" && held !== null) {
        event.preventDefault();
        setHeld(null);
        onChoose(held);
      }
      // Alt+Down opens the list; a choice made there is a choice.
      browsing.current = !NOT_BROWSING.has(event.key) && !event.altKey;
    },
    onChange: (event) => {
      const value = event.target.value;
      if (browsing.current) {
        setHeld(value === chosen ? null : value);
        return;
      }
      setHeld(null);
      onChoose(value);
    },
    // The mouse opens the list: what is picked there is a choice.
    onPointerDown: () => {
      browsing.current = false;
    },
    onBlur: () => {
      browsing.current = false;
      setHeld(null);
    },
  };
}
