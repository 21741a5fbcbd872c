/*
 * A button that replaces itself ("Use these columns" becomes "Change columns") or removes its
 * own part of the panel (Remove) takes the focus with it: the browser drops it on the page, and a
 * keyboard user has to find their place again from the top of the pane (issue 20). After such a
 * change, the first control of a chosen place takes the focus instead.
 */
import { type RefObject, useEffect, useRef } from "react";

/** The controls that can take the focus, in the order Tab reaches them. */
const CONTROL =
  "button:not(:disabled), select:not(:disabled), input:not(:disabled):not([type=hidden]), textarea:not(:disabled), a[href]";

/** Was the focus lost (on the page, or on nothing)? */
function focusLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body;
}

/**
 * When `key` changes and the change left the focus nowhere, focuses the first control inside
 * `place` (or `place` itself when it is a control).
 */
export function useFocusIfLost(place: RefObject<HTMLElement | null>, key: string | number | boolean): void {
  const last = useRef(key);
  useEffect(() => {
    if (last.current === key) return;
    last.current = key;
    const target = place.current;
    if (!target || !focusLost()) return;
    (target.matches(CONTROL) ? target : target.querySelector<HTMLElement>(CONTROL))?.focus();
  }, [key, place]);
}
