/*
 * The pane's frame: the pane's heading, navigation between panels (tabs and their tab panels),
 * the one message and the one progress bar with Cancel (shown next to the action that started
 * them: PaneContext), the live region that announces them, and the yes/no dialog. Panels load
 * lazily (React.lazy) so the first paint only carries the shell; each panel is its own chunk.
 */
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  AriaLiveAnnouncer,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { RunOptions, WorkbookPort } from "../../excel/port";
import { PortError } from "../../excel/port";
import {
  type PaneStatusState,
  type Question,
  type Shell,
  ShellContext,
  StatusContext,
  type StatusSlots,
} from "./PaneContext";
import { type PaneMessage, describeError } from "./messages";
import { StatusView } from "./PaneStatus";
import { PANELS, type PanelEntry, type PanelId } from "../panels/registry";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    // Excel's pane is 320 px wide by default and narrower at 200% zoom: nothing may need more.
    // Grid and flex items default to their content's width, and a text box's content is ~20
    // characters wide, so two fields side by side pushed past the pane's right edge. Let every
    // field shrink to the space it is given, and long words wrap instead of widening the pane.
    minWidth: 0,
    overflowWrap: "anywhere",
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Input, & .fui-Select, & .fui-Textarea, & input[type=file]": { minWidth: 0, maxWidth: "100%" },
    // A focus ring that shows on any theme: Fluent marks a focused input with a 2 px underline
    // only, and a link not at all beyond the browser's own outline.
    "& a:focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
      borderRadius: tokens.borderRadiusSmall,
    },
    "& .fui-Input:focus-within, & .fui-Select:focus-within, & .fui-Textarea:focus-within": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
    // Fluent's Text and Subtitle render inline even as <p> or <h3>; a paragraph must be a block
    // or two sentences and a heading run together on one line.
    "& p.fui-Text, & h2.fui-Text, & h3.fui-Text": { display: "block" },
  },
  // The pane's name is Excel's title bar above the pane; the heading is there for screen readers'
  // heading navigation (one h1, an h2 per panel).
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
  },
  nav: { flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** Props of the pane's frame. */
export interface PaneShellProps {
  /** The workbook the panels work on. */
  port: WorkbookPort;
  /** The panel shown first. @default "templates" */
  initialPanel?: PanelId;
  /** The panels to offer. @default PANELS */
  panels?: readonly PanelEntry[];
}

interface PendingQuestion extends Question {
  resolve: (yes: boolean) => void;
}

const EMPTY: PaneStatusState = { at: "", message: null, busy: null, shown: 0 };

/** Where focus goes back to: an element that is still there and can take it. */
function focusable(element: Element | null): element is HTMLElement {
  return (
    element instanceof HTMLElement &&
    element.isConnected &&
    !element.matches(":disabled") &&
    element.getAttribute("aria-disabled") !== "true"
  );
}

/** The pane: heading, navigation, the current panel, its status, the announcer and the dialog. */
export function PaneShell({ port, initialPanel = "templates", panels = PANELS }: PaneShellProps) {
  return (
    <AriaLiveAnnouncer>
      <Frame port={port} initialPanel={initialPanel} panels={panels} />
    </AriaLiveAnnouncer>
  );
}

function Frame({ port, initialPanel, panels }: Required<PaneShellProps>) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const [status, setStatus] = useState<PaneStatusState>(EMPTY);
  const [slots, setSlots] = useState<ReadonlyMap<string, number>>(new Map());
  const [question, setQuestion] = useState<PendingQuestion | null>(null);
  const abort = useRef<AbortController | null>(null);
  const main = useRef<HTMLElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // What started the message shown (focus returns there on Dismiss), and what opened the dialog.
  const trigger = useRef<Element | null>(null);
  const asker = useRef<Element | null>(null);

  /** Remember the control that started an action, unless focus is in the status itself. */
  const rememberTrigger = useCallback(() => {
    const active = document.activeElement;
    if (
      active &&
      active !== document.body &&
      main.current?.contains(active) &&
      !active.closest("[data-pane-status]")
    )
      trigger.current = active;
  }, []);

  const show = useCallback(
    (at: string, message: PaneMessage) => {
      rememberTrigger();
      setStatus((s) => ({ at, message, busy: null, shown: s.shown + 1 }));
    },
    [rememberTrigger],
  );

  const clear = useCallback(
    (at: string) => {
      rememberTrigger();
      setStatus((s) => ({ ...s, at, message: null }));
    },
    [rememberTrigger],
  );

  const runLong = useCallback(
    async <T,>(
      at: string,
      label: string,
      work: (options: RunOptions) => Promise<T>,
    ): Promise<T | undefined> => {
      const controller = new AbortController();
      abort.current = controller;
      rememberTrigger();
      setStatus((s) => ({ at, message: null, busy: { done: 0, total: 0, label }, shown: s.shown + 1 }));
      try {
        return await work({
          signal: controller.signal,
          onProgress: (p) =>
            setStatus((s) => (s.busy ? { ...s, busy: { ...p, label: `${label}: ${p.label}` } } : s)),
        });
      } catch (error) {
        const message = describeError(
          controller.signal.aborted && !(error instanceof PortError) ? new PortError("cancelled", "") : error,
        );
        setStatus((s) => ({ at, message, busy: null, shown: s.shown + 1 }));
        return undefined;
      } finally {
        abort.current = null;
        setStatus((s) => (s.busy ? { ...s, busy: null } : s));
      }
    },
    [rememberTrigger],
  );

  const ask = useCallback((q: Question) => {
    asker.current = document.activeElement;
    return new Promise<boolean>((resolve) => setQuestion({ ...q, resolve }));
  }, []);

  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
  };

  /** Focus back on what started the action, else on the panel. */
  const refocus = useCallback((target: Element | null) => {
    if (focusable(target)) target.focus();
    else panelRef.current?.focus();
  }, []);

  // The dialog closed: focus goes back to what opened it, unless the answer already moved it
  // (progress or a result took it).
  useEffect(() => {
    if (question !== null || asker.current === null) return;
    const opener = asker.current;
    asker.current = null;
    const active = document.activeElement;
    if (!active || active === document.body || active.closest('[role="dialog"], [role="alertdialog"]'))
      refocus(opener);
  }, [question, refocus]);

  // Work ended with nothing to show (a "no" to a question): the progress that had the focus is
  // gone, so the focus goes back to the button that started it.
  useEffect(() => {
    if (status.busy || status.message) return;
    if (document.activeElement === document.body && trigger.current) refocus(trigger.current);
  }, [status, refocus]);

  const dismiss = useCallback(() => {
    setStatus((s) => ({ ...s, message: null }));
    refocus(trigger.current);
  }, [refocus]);

  const register = useCallback((at: string) => {
    setSlots((m) => new Map(m).set(at, (m.get(at) ?? 0) + 1));
    return () =>
      setSlots((m) => {
        const next = new Map(m);
        const n = (next.get(at) ?? 1) - 1;
        if (n > 0) next.set(at, n);
        else next.delete(at);
        return next;
      });
  }, []);

  const busy = status.busy;
  const shell: Shell = useMemo(
    () => ({ port, busy, show, clear, runLong, ask }),
    [port, busy, show, clear, runLong, ask],
  );
  const statusSlots: StatusSlots = useMemo(
    () => ({ status, register, dismiss, cancel: () => abort.current?.abort() }),
    [status, register, dismiss],
  );

  const current = panels.find((p) => p.id === panel) ?? panels[0];
  const Panel = current.Component;
  const tabId = (id: PanelId) => `prod-tab-${id}`;
  const panelId = (id: PanelId) => `prod-panel-${id}`;

  return (
    <ShellContext.Provider value={shell}>
      <StatusContext.Provider value={statusSlots}>
        <main className={styles.root} ref={main}>
          <h1 className={styles.visuallyHidden}>PROD budget</h1>
          <TabList
            className={styles.nav}
            selectedValue={current.id}
            onTabSelect={(_e, data) => setPanel(data.value as PanelId)}
            aria-label="PROD panels"
            size="small"
          >
            {panels.map((p) => (
              <Tab key={p.id} value={p.id} id={tabId(p.id)} aria-controls={panelId(p.id)}>
                {p.label}
              </Tab>
            ))}
          </TabList>

          {panels.map((p) =>
            p.id === current.id ? (
              <div
                key={p.id}
                id={panelId(p.id)}
                role="tabpanel"
                aria-labelledby={tabId(p.id)}
                tabIndex={-1}
                ref={panelRef}
                className={styles.panel}
              >
                <Suspense fallback={<Spinner size="small" label={`Loading ${p.label}…`} />}>
                  <Panel />
                </Suspense>
                {/* Output for a slot that is not on screen shows under the panel. */}
                {!slots.has(status.at) && <StatusView status={status} />}
              </div>
            ) : (
              // Every tab's aria-controls names a tab panel that is there, hidden until chosen.
              <div key={p.id} id={panelId(p.id)} role="tabpanel" aria-labelledby={tabId(p.id)} hidden />
            ),
          )}

          <Dialog open={question !== null} onOpenChange={(_e, data) => !data.open && answer(false)}>
            <DialogSurface>
              <DialogBody>
                <DialogTitle>{question?.title}</DialogTitle>
                <DialogContent>{question?.message}</DialogContent>
                <DialogActions>
                  {/* The dialog focuses its first button: the safe answer when "yes" loses work. */}
                  {question?.destructive ? (
                    <>
                      <Button appearance="primary" onClick={() => answer(false)}>
                        {question.cancelLabel ?? "Cancel"}
                      </Button>
                      <Button onClick={() => answer(true)}>{question.confirmLabel ?? "Continue"}</Button>
                    </>
                  ) : (
                    <>
                      <Button appearance="primary" onClick={() => answer(true)}>
                        {question?.confirmLabel ?? "Continue"}
                      </Button>
                      <Button onClick={() => answer(false)}>{question?.cancelLabel ?? "Cancel"}</Button>
                    </>
                  )}
                </DialogActions>
              </DialogBody>
            </DialogSurface>
          </Dialog>
        </main>
      </StatusContext.Provider>
    </ShellContext.Provider>
  );
}
