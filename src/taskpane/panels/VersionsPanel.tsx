/*
 * Budget versions (issue 21): save the live budget under a name and date as values in a store
 * PROD owns, compare Current with up to three saved versions on a "Budget comparison" sheet of
 * live formulas, and lock a version's totals beside the Top Sheet as Original and Variance.
 * The work is in ../versions (runVersions.ts); this panel asks the questions and says what happened.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  Subtitle1,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { LAYOUT_IDS, LAYOUTS, type LayoutId } from "../../engine/chart";
import { ProdError } from "../../engine/errors";
import { Decimal } from "../../engine/money";
import { CURRENT, MAX_COMPARED, type BudgetVersion } from "../../engine/versions";
import { type Pane, usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { SelectField } from "../shell/SelectField";
import { ChoiceField } from "../shell/ChoiceField";
import { formatDollars } from "../shell/formatMoney";
import { keptOnStoreWords, keptSheetWords, takeBackQuestion, writtenWhere } from "../shell/ownedSheet";
import { usePaneReturn } from "../shell/paneReturn";
import { COMPARISON_SHEET } from "../versions/comparisonSheet";
import { compareCurrent, lockOriginal, saveCurrent, type CompareResult } from "../versions/runVersions";
import { templateBudgets, type BudgetChoice } from "../versions/source";
import { readVersions, STORE_SHEET, takeBackVersions, type StoreState } from "../versions/versionStore";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The value of the budget picker for the selected range. */
const RANGE = "range";

/** Now as the store records it: "2026-12-04 16:40" (the computer's local time). */
function savedNow(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** A change as a signed percent with two decimals ("+8.68%"), or "" where there is none. */
function percent(change: Decimal | null): string {
  if (change === null) return "";
  const p = change.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return ` (${p.isNegative() ? "" : "+"}${p.toFixed(2)}%)`;
}

/** The comparison's totals in words, for the note under Compare. */
function totalsInWords({ comparison, target }: CompareResult): string {
  const total = comparison.rows[comparison.rows.length - 1];
  const base = comparison.names[comparison.base];
  const parts = comparison.names.map((name, i) =>
    i === comparison.base
      ? `${name} ${formatDollars(total.figures[i])} (base)`
      : `${name} ${formatDollars(total.figures[i])}, ${formatDollars(total.differences[i])} against ${base}${percent(total.changes[i])}`,
  );
  const partial =
    comparison.partial.length === 0
      ? ""
      : ` ${comparison.partial.length} account${comparison.partial.length === 1 ? " is" : "s are"} not in every version: listed under the table.`;
  // The sheet is named only when it is not "Budget comparison" itself.
  const where =
    target.sheetName === COMPARISON_SHEET
      ? ""
      : ` ${writtenWhere(target, COMPARISON_SHEET, "PROD's budget comparison")}`;
  return `Budget comparison written${where}. Totals: ${parts.join("; ")}.${partial}`;
}

/**
 * Said when versions used were changed by hand on "PROD versions" after PROD saved them (someone
 * unprotected the sheet): PROD does not compare silently with altered figures.
 */
function changedWords(changed: readonly BudgetVersion[]): string {
  if (changed.length === 0) return "";
  const names = changed.map((v) => `"${v.name}"`);
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  const one = changed.length === 1;
  return ` Check this: ${list} ${one ? "was" : "were"} changed on the sheet "PROD versions" after PROD saved ${one ? "it" : "them"} (the sheet was unprotected and edited), so ${one ? "its" : "their"} figures here are as the sheet holds them now, not as they were saved.`;
}

/** The Versions panel. */
export default function VersionsPanel() {
  const styles = useStyles();
  const saving = usePane("versions-save");
  const comparing = usePane("versions-compare");
  const locking = usePane("versions-lock");
  const { port } = saving;
  const [templates, setTemplates] = useState<Extract<BudgetChoice, { kind: "template" }>[]>([]);
  const [budgetKey, setBudgetKey] = useState<string>(RANGE);
  const [rangeLayout, setRangeLayout] = useState<LayoutId>("FEATURE");
  const [versions, setVersions] = useState<BudgetVersion[]>([]);
  /** The store's hidden mark is gone: its versions were read by its title (readVersions). */
  const [unmarked, setUnmarked] = useState(false);
  const [name, setName] = useState(() => `Working ${savedNow().slice(0, 10)}`);
  const [picked, setPicked] = useState<number[]>([]);
  const [base, setBase] = useState<string>("current");
  const [filter, setFilter] = useState("");
  const [topSheetOnly, setTopSheetOnly] = useState(false);
  const [original, setOriginal] = useState<string>("");

  /** The user picked a budget: reading the workbook again keeps that choice. */
  const chosen = useRef(false);
  const refresh = useCallback(async () => {
    try {
      const found = await templateBudgets(port);
      setTemplates(found);
      if (!chosen.current) setBudgetKey((key) => (key === RANGE && found.length > 0 ? found[0].copy : key));
      const store = await readVersions(port);
      setVersions(store.kind === "ours" ? store.versions : []);
      setUnmarked(store.kind === "ours" && store.unmarked);
    } catch (error) {
      saving.showError(error);
    }
  }, [port, saving]);

  useEffect(() => {
    void refresh();
    // Read when the panel opens, and when the user comes back to the pane (below): not each time
    // the pane turns busy or idle (refresh changes with `saving`), which read the whole store again
    // during and after every save, compare and lock; a save lists what it wrote (SaveResult).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [port]);

  const busy = saving.busy !== null;
  // Back from the workbook (a template inserted, a version sheet edited): read it again.
  usePaneReturn(() => {
    if (!busy) void refresh();
  });
  const template = templates.find((t) => t.copy === budgetKey);

  /** The budget picked: a template's, or the range selected in the sheet now. */
  const choice = async (): Promise<BudgetChoice> =>
    template ?? { kind: "range", ref: await port.getSelection(), layout: rangeLayout };

  /**
   * Before an action that writes the store or from it: the store, read once for the action; one
   * whose hidden mark is gone is taken back after a yes, every version on it kept. Null when the
   * user kept it as it is (`also`: what else was not written): nothing done.
   */
  const takenBack = async (pane: Pane, also: string): Promise<StoreState | null> => {
    const store = await takeBackVersions(port, (sheet, on) =>
      pane.ask(
        takeBackQuestion(
          sheet,
          "a version store",
          keptOnStoreWords(
            "version",
            on.map((v) => v.name),
          ),
        ),
      ),
    );
    if (store) setUnmarked(false);
    else
      pane.showNote(
        keptSheetWords(
          STORE_SHEET,
          also,
          `try again: PROD then keeps versions on a new "${STORE_SHEET}" of its own`,
        ),
      );
    return store;
  };

  const handleSave = async () => {
    saving.clearMessage();
    try {
      const store = await takenBack(saving, ", and no version was saved");
      if (!store) return;
      const budget = await choice();
      const result = await saving.runLong("Saving the version", (options) =>
        saveCurrent(
          port,
          store,
          budget,
          name,
          savedNow(),
          (existing) =>
            saving.ask({
              title: "That name is already used",
              message: `A version "${existing.name}" was saved on ${existing.savedOn}. Replace it with the budget as it is now? Comparisons that show it will show the new figures.`,
              confirmLabel: "Replace it",
              destructive: true,
            }),
          options,
        ),
      );
      if (result === undefined) return;
      if (result === null) {
        saving.showNote("Nothing was saved: the version already saved under that name is kept.");
        return;
      }
      setVersions(result.versions);
      saving.showNote(
        `${result.replaced ? "Replaced" : "Saved"} "${result.version.name}": ${result.version.lines.length} lines, ${formatDollars(new Decimal(result.total))}${result.onTopSheet === "" ? "" : ` (${result.onTopSheet})`}, on the sheet "PROD versions".`,
      );
    } catch (error) {
      saving.showError(error);
    }
  };

  const handlePick = (id: number, checked: boolean) => {
    setPicked((now) => (checked ? [...now, id].slice(0, MAX_COMPARED - 1) : now.filter((p) => p !== id)));
    if (!checked && base === String(id)) setBase("current");
  };

  const handleCompare = async () => {
    comparing.clearMessage();
    try {
      const store = await takenBack(comparing, ", and no comparison was written");
      if (!store) return;
      const budget = await choice();
      let asked = COMPARISON_SHEET;
      const written = await comparing.runLong("Writing the comparison", (options) =>
        compareCurrent(
          port,
          store,
          budget,
          { versionIds: picked, base: base === "current" ? "current" : Number(base), filter, topSheetOnly },
          (question, sheet) => {
            asked = sheet;
            return comparing.ask(question);
          },
          options,
        ),
      );
      if (written === null) {
        comparing.showNote(keptSheetWords(asked));
      } else if (written) {
        const carried = written.carried === "" ? "" : ` ${written.carried}`;
        const words = totalsInWords(written) + carried + changedWords(written.changed);
        if (written.changed.length > 0) comparing.showWarning(words);
        else comparing.showNote(words);
      }
    } catch (error) {
      comparing.showError(error);
    }
  };

  const handleLock = async () => {
    locking.clearMessage();
    try {
      if (!template) throw new ProdError("invalid", "Pick a template budget first.");
      const version = versions.find((v) => String(v.id) === (original || String(versions[0]?.id)));
      if (!version) throw new ProdError("invalid", "Save a version first.");
      const store = await takenBack(locking, ", and no Original column was written");
      if (!store) return;
      const done = await lockOriginal(port, store, template, version.id, (address) =>
        locking.ask({
          title: "Those cells are not empty",
          message: `${address} already holds something (an earlier Original column, or your own cells). Write the Original and Variance columns over it?`,
          confirmLabel: "Write over them",
          destructive: true,
        }),
      );
      if (done === null) {
        locking.showNote("Nothing was written.");
        return;
      }
      const rows = (figures: readonly { label: string }[]) => figures.map((f) => `"${f.label}"`).join(", ");
      const differs = [
        done.missing.length > 0
          ? ` Rows "${version.name}" does not have, left blank: ${rows(done.missing)}.`
          : "",
        done.dropped.length > 0
          ? ` Rows of "${version.name}" this Top Sheet does not have, not shown: ${rows(done.dropped)}.`
          : "",
      ].join("");
      const words = `"${template.topSheet}" shows "${version.name}" as Original in column H and the Variance (current total less original) in column I.${differs}`;
      if (done.changed) locking.showWarning(words + changedWords([version]));
      else locking.showNote(words);
    } catch (error) {
      locking.showError(error);
    }
  };

  const budgetOptions = [
    ...templates.map((t) => ({ value: t.copy, label: `${t.detail} (template budget)` })),
    { value: RANGE, label: "The range selected in the sheet" },
  ];
  const pickedVersions = versions.filter((v) => picked.includes(v.id));

  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Budget versions</Subtitle1>
      <Body1>
        Save the budget as it is today under a name, compare it later with what changed, and show the original
        totals beside the Top Sheet.
      </Body1>
      {/* The budget chosen changes the panel (the range's chart, the Lock section): it waits for a
          choice, not for each budget arrowed past (issue 20). */}
      <ChoiceField
        label="Budget"
        value={template ? budgetKey : RANGE}
        onChoose={(key) => {
          chosen.current = true;
          setBudgetKey(key);
        }}
        waitingHint="Press Enter to use this budget."
        hint={
          template
            ? undefined
            : "Select the budget's cells with its headings row (Account, Description, Amount) before saving or comparing."
        }
      >
        {budgetOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </ChoiceField>
      {!template && (
        <SelectField
          label="Chart of accounts of the range"
          value={rangeLayout}
          options={LAYOUT_IDS.map((id) => ({ value: id, label: LAYOUTS[id].name }))}
          onChange={(v) => setRangeLayout(v as LayoutId)}
        />
      )}

      <section className={styles.section} aria-labelledby="versions-save-heading">
        <Subtitle2 as="h3" id="versions-save-heading">
          Save a version
        </Subtitle2>
        <Field label="Version name" hint='Such as "Studio approved" or "Working 2026-12-04".'>
          <Input value={name} onChange={(_e, data) => setName(data.value)} disabled={busy} />
        </Field>
        <Button appearance="primary" disabled={busy || name.trim() === ""} onClick={() => void handleSave()}>
          Save version
        </Button>
        <PaneStatus at="versions-save" />
      </section>

      <section className={styles.section} aria-labelledby="versions-compare-heading">
        <Subtitle2 as="h3" id="versions-compare-heading">
          Compare with Current
        </Subtitle2>
        {unmarked && (
          <Caption1 className={styles.hint}>
            {`"${STORE_SHEET}" has lost the hidden mark PROD keeps on its own sheets: the versions below were read by its title and headings. PROD asks before it saves, compares or locks there again.`}
          </Caption1>
        )}
        {versions.length === 0 ? (
          <Caption1 className={styles.hint}>No version saved yet: save one first.</Caption1>
        ) : (
          // A group, not a Field: a Field names its control with its own label, and each
          // checkbox must keep its version's name.
          <div role="group" aria-labelledby="versions-picked-label" className={styles.section}>
            <Label id="versions-picked-label">{`Saved versions to compare (up to ${MAX_COMPARED - 1})`}</Label>
            {versions.map((v) => (
              <Checkbox
                key={v.id}
                checked={picked.includes(v.id)}
                disabled={busy || (!picked.includes(v.id) && picked.length >= MAX_COMPARED - 1)}
                onChange={(_e, data) => handlePick(v.id, data.checked === true)}
                label={`${v.name} (saved ${v.savedOn})`}
              />
            ))}
          </div>
        )}
        <SelectField
          label="Compare against (base)"
          value={base}
          options={[
            { value: "current", label: CURRENT },
            ...pickedVersions.map((v) => ({ value: String(v.id), label: v.name })),
          ]}
          onChange={setBase}
        />
        <Field
          label="Accounts (optional)"
          hint='Blank for every account, or numbers and ranges joined by commas, ! to leave out: "2000-4999,!2700".'
        >
          <Input value={filter} onChange={(_e, data) => setFilter(data.value)} disabled={busy} />
        </Field>
        <Checkbox
          checked={topSheetOnly}
          onChange={(_e, data) => setTopSheetOnly(data.checked === true)}
          disabled={busy}
          label="Top sheet only (categories and levels, no accounts)"
        />
        <Button
          appearance="primary"
          disabled={busy || picked.length === 0}
          onClick={() => void handleCompare()}
        >
          Compare
        </Button>
        <PaneStatus at="versions-compare" />
      </section>

      {template && (
        <section className={styles.section} aria-labelledby="versions-lock-heading">
          <Subtitle2 as="h3" id="versions-lock-heading">
            Lock original totals
          </Subtitle2>
          <SelectField
            label="Original version"
            value={original || String(versions[0]?.id ?? "")}
            options={versions.map((v) => ({ value: String(v.id), label: v.name }))}
            onChange={setOriginal}
            hint={`Shown as Original beside the live total on ${template.topSheet ?? "the Top Sheet"}, with the Variance.`}
          />
          <Button disabled={busy || versions.length === 0} onClick={() => void handleLock()}>
            Lock original totals
          </Button>
          <PaneStatus at="versions-lock" />
        </section>
      )}
    </div>
  );
}
