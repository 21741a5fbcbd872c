/*
 * Where a result, an error or progress appears: next to the action that started it (PaneContext).
 * Each new message or task is announced (Fluent's MessageBar announces itself through the
 * AriaLiveAnnouncer the shell mounts; progress is announced here), and takes the focus, scrolled
 * into view, so a keyboard or screen-reader user is where the answer is.
 */
import { useContext, useEffect, useRef } from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import { PANEL_STATUS, PaneContext, type PaneStatusState, StatusContext } from "./PaneContext";

const useStyles = makeStyles({
  progress: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  progressRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  // A long message wraps inside the pane instead of widening it.
  body: { overflowWrap: "anywhere" },
});

/** Props of a status slot. */
export interface PaneStatusProps {
  /** The slot's name, as given to usePane(). @default PANEL_STATUS */
  at?: string;
}

/** The place under an action where its result, error or progress appears. */
export function PaneStatus({ at = PANEL_STATUS }: PaneStatusProps) {
  const slots = useContext(StatusContext);
  // A panel handed a Pane of its own (UI tests' fake one) shows that Pane's output itself.
  const given = useContext(PaneContext);
  const register = slots?.register;
  useEffect(() => register?.(at), [register, at]);
  if (!slots && given) return null;
  if (!slots) throw new Error("<PaneStatus> must be used inside <PaneShell>");
  return slots.status.at === at ? <StatusView status={slots.status} /> : null;
}

/** Is the focus in the pane's navigation (switching panels must not be interrupted)? */
function focusInNavigation(): boolean {
  return document.activeElement?.closest('[role="tablist"]') != null;
}

/** The message or the progress of `status`, announced and focused when it first shows. */
export function StatusView({ status }: { status: PaneStatusState }) {
  const styles = useStyles();
  const slots = useContext(StatusContext);
  const { announce } = useAnnounce();
  const ref = useRef<HTMLDivElement>(null);
  const { message, busy, shown } = status;
  const label = busy?.label;

  // New output takes the focus, in view: "Done" must not appear a screen above the button.
  useEffect(() => {
    const target = ref.current;
    if (!target || focusInNavigation()) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView?.({ block: "nearest" });
  }, [shown]);

  // Progress is said as it goes; one batch so a fast task does not queue a list of steps.
  useEffect(() => {
    if (label) announce(label, { polite: true, batchId: "pane-progress" });
  }, [announce, label]);

  if (busy)
    return (
      <div
        ref={ref}
        tabIndex={-1}
        role="group"
        aria-label={busy.label}
        className={styles.progress}
        data-pane-status=""
      >
        <div className={styles.progressRow}>
          <Text className={styles.grow}>{busy.label}</Text>
          <Button size="small" onClick={slots?.cancel}>
            Cancel
          </Button>
        </div>
        <ProgressBar
          aria-label={busy.label}
          value={busy.total > 0 ? busy.done / busy.total : undefined}
          thickness="large"
        />
      </div>
    );
  if (!message) return null;
  return (
    <MessageBar
      // A new key per message: the MessageBar announces its text when it mounts.
      key={shown}
      ref={ref}
      tabIndex={-1}
      data-pane-status=""
      intent={message.intent}
      politeness={message.intent === "error" ? "assertive" : "polite"}
      layout="multiline"
    >
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{message.title}</MessageBarTitle>
        {message.body}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={slots?.dismiss} aria-label="Dismiss message">
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
