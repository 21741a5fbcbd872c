/*
 * The pane's frame: navigation between panels, the one message bar, the one progress bar with
 * Cancel, and the yes/no dialog. Panels load lazily (React.lazy) so the first paint only carries
 * the shell; each panel is its own chunk.
 */
import { Suspense, useCallback, useMemo, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Progress, RunOptions, WorkbookPort } from "../../excel/port";
import { PortError } from "../../excel/port";
import { type Pane, PaneContext, type Question } from "./PaneContext";
import { type PaneMessage, describeError } from "./messages";
import { PANELS, type PanelEntry, type PanelId } from "../panels/registry";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
    // Excel's pane is 320-450 px wide. Grid and flex items default to their content's width,
    // and a text box's content is ~20 characters wide, so two fields side by side pushed past
    // the pane's right edge. Let every field shrink to the space it is given.
    "& .fui-Field": { minWidth: 0 },
    "& .fui-Input": { minWidth: 0, maxWidth: "100%" },
    // Fluent's Text and Subtitle render inline even as <p> or <h3>; a paragraph must be a block
    // or two sentences and a heading run together on one line.
    "& p.fui-Text, & h2.fui-Text, & h3.fui-Text": { display: "block" },
  },
  nav: { flexWrap: "wrap" },
  progress: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  progressRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
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

/** The pane: navigation, message bar, progress, dialog and the current panel. */
export function PaneShell({ port, initialPanel = "templates", panels = PANELS }: PaneShellProps) {
  const styles = useStyles();
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [busy, setBusy] = useState<Progress | null>(null);
  const [question, setQuestion] = useState<PendingQuestion | null>(null);
  const abort = useRef<AbortController | null>(null);

  const showError = useCallback((error: unknown) => setMessage(describeError(error)), []);
  const showNote = useCallback((body: string) => setMessage({ intent: "success", title: "Done", body }), []);
  const clearMessage = useCallback(() => setMessage(null), []);

  const runLong = useCallback(
    async <T,>(label: string, work: (options: RunOptions) => Promise<T>): Promise<T | undefined> => {
      const controller = new AbortController();
      abort.current = controller;
      setMessage(null);
      setBusy({ done: 0, total: 0, label });
      try {
        return await work({
          signal: controller.signal,
          onProgress: (p) => setBusy({ ...p, label: `${label}: ${p.label}` }),
        });
      } catch (error) {
        setMessage(
          describeError(
            controller.signal.aborted && !(error instanceof PortError)
              ? new PortError("cancelled", "")
              : error,
          ),
        );
        return undefined;
      } finally {
        abort.current = null;
        setBusy(null);
      }
    },
    [],
  );

  const ask = useCallback(
    (q: Question) => new Promise<boolean>((resolve) => setQuestion({ ...q, resolve })),
    [],
  );

  const answer = (yes: boolean) => {
    question?.resolve(yes);
    setQuestion(null);
  };

  const pane: Pane = useMemo(
    () => ({ port, showError, showNote, clearMessage, runLong, ask, busy }),
    [port, showError, showNote, clearMessage, runLong, ask, busy],
  );

  const current = panels.find((p) => p.id === panel) ?? panels[0];
  const Panel = current.Component;

  return (
    <PaneContext.Provider value={pane}>
      <main className={styles.root}>
        <TabList
          className={styles.nav}
          selectedValue={panel}
          onTabSelect={(_e, data) => setPanel(data.value as PanelId)}
          aria-label="PROD panels"
          size="small"
        >
          {panels.map((p) => (
            <Tab key={p.id} value={p.id}>
              {p.label}
            </Tab>
          ))}
        </TabList>

        {message && (
          <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.body}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="transparent"
                size="small"
                onClick={clearMessage}
                aria-label="Dismiss message"
              >
                Dismiss
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {busy && (
          <div className={styles.progress} role="status" aria-live="polite">
            <div className={styles.progressRow}>
              <Text className={styles.grow}>{busy.label}</Text>
              <Button size="small" onClick={() => abort.current?.abort()}>
                Cancel
              </Button>
            </div>
            <ProgressBar
              aria-label={busy.label}
              value={busy.total > 0 ? busy.done / busy.total : undefined}
              thickness="large"
            />
          </div>
        )}

        <section aria-label={current.label}>
          <Suspense fallback={<Spinner size="small" label={`Loading ${current.label}…`} />}>
            <Panel />
          </Suspense>
        </section>

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
    </PaneContext.Provider>
  );
}
