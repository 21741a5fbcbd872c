/*
 * The user coming back to the pane. Excel's task pane is a window of its own: a click back into
 * it from the grid focuses that window, and a pane hidden and shown again (the pane closed and
 * reopened, Excel minimised) becomes visible. What the user did in the workbook meanwhile (a
 * template inserted, a sheet deleted, lines retyped) is read again then, as the pane's theme is.
 */
import { useEffect, useRef } from "react";

/**
 * Calls `onReturn` when the pane's window gains the focus or becomes visible again. A return
 * fires both events at once; they make one call, after the current task.
 */
export function usePaneReturn(onReturn: () => void): void {
  const latest = useRef(onReturn);
  useEffect(() => {
    latest.current = onReturn;
  });
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const back = () => {
      if (document.visibilityState === "hidden" || pending !== null) return;
      pending = setTimeout(() => {
        pending = null;
        latest.current();
      }, 0);
    };
    window.addEventListener("focus", back);
    document.addEventListener("visibilitychange", back);
    return () => {
      if (pending !== null) clearTimeout(pending);
      window.removeEventListener("focus", back);
      document.removeEventListener("visibilitychange", back);
    };
  }, []);
}
