/*
 * What-if (issue 21): groups of lines switched in or out of a budget's total, and scenarios,
 * named sets of the budget's globals saved, applied and compared. The rules are the engine's
 * (engine/whatif); the workbook work is whatif/whatifWorkbook.ts.
 */
import { useEffect, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Subtitle2,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { GroupSummary } from "../../engine/whatif/groups";
import type { Scenario } from "../../engine/whatif/scenarios";
import { formatDollars } from "../shell/formatMoney";
import { keptOnStoreWords, keptSheetWords, takeBackQuestion, writtenWhere } from "../shell/ownedSheet";
import { usePaneReturn } from "../shell/paneReturn";
import { type Pane, usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { SelectField } from "../shell/SelectField";
import { ChoiceField } from "../shell/ChoiceField";
import {
  type Budget,
  type SavedScenarios,
  applyScenario,
  compareAndWrite,
  findBudgets,
  readGlobals,
  readGlobalsLayout,
  readGroups,
  readScenarios,
  setGroupInTotal,
  stamp,
  takeBackStore,
  writeScenarios,
} from "../whatif/whatifWorkbook";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  list: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  group: { display: "flex", flexDirection: "column", listStyleType: "none" },
});

/** The What-if panel. */
export default function WhatIfPanel() {
  const styles = useStyles();
  const pane = usePane();
  const [budgets, setBudgets] = useState<Budget[] | null>(null);
  const [copy, setCopy] = useState("");

  const look = () =>
    findBudgets(pane.port)
      .then((found) => {
        setBudgets(found);
        setCopy((c) => (found.some((b) => b.copy === c) ? c : (found[0]?.copy ?? "")));
      })
      .catch((error: unknown) => pane.showError(error));
  useEffect(() => {
    void look();
    // Look for the budgets when the panel opens, and when the user comes back to the pane.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  usePaneReturn(() => {
    if (pane.busy === null) void look();
  });

  const budget = budgets?.find((b) => b.copy === copy);
  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">What-if</Subtitle1>
      {budgets !== null && budgets.length === 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            There is no budget in this workbook yet: insert a template (Templates panel), then come back here.
          </MessageBarBody>
        </MessageBar>
      )}
      {budgets !== null && budgets.length > 1 && (
        // Choosing a budget reads its groups and scenarios: it waits for a choice, not for each
        // budget arrowed past (issue 20).
        <ChoiceField
          label="Budget"
          value={copy}
          onChoose={setCopy}
          waitingHint="Press Enter to use this budget."
        >
          {budgets.map((b) => (
            <option key={b.copy} value={b.copy}>
              {b.topSheet}
            </option>
          ))}
        </ChoiceField>
      )}
      <PaneStatus />
      {budget && <Groups key={`g${budget.copy}`} budget={budget} />}
      {budget && <Scenarios key={`s${budget.copy}`} budget={budget} />}
    </div>
  );
}

/** The budget's groups, what each costs, and the switch that puts it in or out of the total. */
function Groups({ budget }: { budget: Budget }) {
  const styles = useStyles();
  const pane = usePane("groups");
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [linesCostOnly, setLinesCostOnly] = useState<string | null>(null);

  const handleRead = async () => {
    try {
      const read = await readGroups(pane.port, budget);
      setGroups(read.groups);
      setLinesCostOnly(read.linesCostOnly);
    } catch (error) {
      pane.showError(error);
    }
  };
  useEffect(() => {
    void handleRead();
    // Read the groups when the budget is chosen, and when the user comes back to the pane (lines
    // tagged or retyped meanwhile).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [budget.copy]);
  usePaneReturn(() => {
    if (pane.busy === null) void handleRead();
  });

  const handleSwitch = async (group: GroupSummary, inTotal: boolean) => {
    pane.clearMessage();
    try {
      await setGroupInTotal(pane.port, budget, group, inTotal);
      await handleRead();
      pane.showNote(
        inTotal
          ? `"${group.name}" is back in the total.`
          : `"${group.name}" is out of the total: its ${group.lines} line(s) are greyed on ${budget.detail} and left out of every total.`,
      );
    } catch (error) {
      pane.showError(error);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="whatif-groups">
      <Subtitle2 as="h3" id="whatif-groups">
        Groups: what-if by lines
      </Subtitle2>
      <Caption1>
        Tag lines in the Group column of {budget.detail} (several groups: separate them with commas). A group
        switched out leaves its lines out of every total, fringes included; the cost shown is what switching
        that group alone saves (or adds back, for a group that is out), fringes and per-person caps included.
        It can be less than the Groups table&apos;s Cost with fringes on the Globals sheet, which is what the
        group&apos;s lines cost as the budget charges them now.
      </Caption1>
      {linesCostOnly !== null && (
        <MessageBar intent="warning">
          <MessageBarBody>{linesCostOnly}</MessageBarBody>
        </MessageBar>
      )}
      {groups !== null && groups.length === 0 && (
        <Text>No line has a group yet. Type one in the Group column, then read the groups again.</Text>
      )}
      {groups !== null && groups.length > 0 && (
        <ul className={styles.list} aria-label="Groups">
          {groups.map((g) => (
            <li key={g.key} className={styles.group}>
              <Switch
                checked={g.inTotal}
                disabled={pane.busy !== null}
                label={`${g.name}: ${g.cost === null ? `a line shows ${g.error}` : `${linesCostOnly !== null ? "its lines cost" : g.inTotal ? "switching it out saves" : "switching it in adds"} ${formatDollars(g.cost)}`}, ${g.lines} line(s), ${g.inTotal ? "in the total" : "out of the total"}`}
                onChange={(_e, data) => void handleSwitch(g, data.checked)}
              />
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Button onClick={() => void handleRead()}>Read groups again</Button>
      </div>
      <PaneStatus at="groups" />
    </section>
  );
}

/** Named sets of the budget's globals: save, apply, compare. */
function Scenarios({ budget }: { budget: Budget }) {
  const styles = useStyles();
  const save = usePane("save");
  const apply = usePane("apply-scenario");
  const compare = usePane("compare");
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [name, setName] = useState("");
  const [toApply, setToApply] = useState("");
  const [checked, setChecked] = useState<string[]>([]);

  const handleRead = async () => {
    try {
      const read = await readScenarios(save.port, budget);
      setScenarios(read.scenarios);
      setProblems(read.problems);
      setToApply((t) => (read.scenarios.some((s) => s.name === t) ? t : (read.scenarios[0]?.name ?? "")));
      setChecked((c) => c.filter((n) => read.scenarios.some((s) => s.name === n)));
    } catch (error) {
      save.showError(error);
    }
  };
  useEffect(() => {
    void handleRead();
    // Read the store when the budget is chosen, and when the user comes back to the pane.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [budget.copy]);
  usePaneReturn(() => {
    if (save.busy === null) void handleRead();
  });

  /**
   * Before an action that may write the store: a store whose hidden mark is gone is taken back
   * after a yes, every scenario on it kept. Answers the saved scenarios, or null when the user
   * kept it as it is: nothing done.
   */
  const takenBack = async (pane: Pane): Promise<SavedScenarios | null> => {
    const kept = await takeBackStore(pane.port, budget, (sheet, { scenarios: on, problems }) =>
      pane.ask(
        takeBackQuestion(
          sheet,
          "a scenario store",
          keptOnStoreWords(
            "scenario",
            on.map((s) => s.name),
            problems.length,
          ),
        ),
      ),
    );
    if (kept === null)
      pane.showNote(
        keptSheetWords(
          budget.storeSheet,
          ", no scenario was saved and no global was changed",
          `try again: PROD then keeps scenarios on a new "${budget.storeSheet}" of its own`,
        ),
      );
    return kept;
  };

  const handleSave = async () => {
    save.clearMessage();
    const trimmed = name.trim();
    if (trimmed === "") {
      save.showError(new Error("Type a name for the scenario first, such as 35 days."));
      return;
    }
    try {
      const saved = (await takenBack(save))?.scenarios;
      if (!saved) return;
      const same = saved.find((s) => s.name.toUpperCase() === trimmed.toUpperCase());
      if (
        same &&
        !(await save.ask({
          title: "Replace the scenario?",
          message: `A scenario named "${same.name}" (saved ${same.saved}) exists. Replace its values with the globals as they are now?`,
          confirmLabel: "Replace it",
          cancelLabel: "Keep it",
          destructive: true,
        }))
      )
        return;
      const layout = await readGlobalsLayout(save.port, budget);
      const scenario: Scenario = {
        name: trimmed,
        saved: stamp(new Date()),
        globals: await readGlobals(save.port, layout),
      };
      await writeScenarios(
        save.port,
        budget,
        same ? saved.map((s) => (s === same ? scenario : s)) : [...saved, scenario],
        saved,
      );
      save.showNote(
        `Scenario "${trimmed}" saved with ${scenario.globals.length} globals on ${budget.storeSheet}.`,
      );
      setName("");
      await handleRead();
    } catch (error) {
      save.showError(error);
    }
  };

  const handleApply = async () => {
    apply.clearMessage();
    const scenario = scenarios?.find((s) => s.name === toApply);
    if (!scenario) return;
    try {
      const store = await takenBack(apply);
      if (!store) return;
      const kept = await applyScenario(apply.port, budget, scenario, store);
      const words =
        `Scenario "${scenario.name}" applied to ${budget.globals}.` +
        (kept.added ? ` Your globals as they were are saved as the scenario "${kept.scenario.name}".` : "");
      // A global the scenario has no value for was left as the user has it: said, as a warning.
      if (kept.unsetWords === "") apply.showNote(words);
      else apply.showWarning(`${words} ${kept.unsetWords}`);
      await handleRead();
    } catch (error) {
      apply.showError(error);
    }
  };

  const handleCompare = async () => {
    compare.clearMessage();
    // In the order they were checked: the first is the base the changes are against.
    const picked = checked.flatMap((n) => (scenarios ?? []).filter((s) => s.name === n));
    let store: SavedScenarios | null;
    try {
      store = await takenBack(compare);
    } catch (error) {
      compare.showError(error);
      return;
    }
    if (!store) return;
    let asked = budget.comparisonSheet;
    const written = await compare.runLong(`Comparing ${picked.length} scenarios`, (options) =>
      compareAndWrite(
        compare.port,
        budget,
        picked,
        store,
        (question, sheet) => {
          asked = sheet;
          return compare.ask(question);
        },
        options,
      ),
    );
    if (written === null) {
      compare.showNote(keptSheetWords(asked, ", and no global was changed"));
    } else if (written) {
      const { comparison, target, carried, unsetWords } = written;
      const words =
        `${comparison.scenarios.length} scenarios compared ${writtenWhere(target, budget.comparisonSheet, "PROD's scenario comparison of this budget")}; your globals are as they were.` +
        (comparison.keptAs ? ` They are also saved as the scenario "${comparison.keptAs}".` : "") +
        (carried === "" ? "" : ` ${carried}`);
      // A scenario compared with the user's value of a global it has none for: said, as a warning.
      if (unsetWords === "") compare.showNote(words);
      else compare.showWarning(`${words} ${unsetWords}`);
    }
    await handleRead();
  };

  const busy = save.busy !== null;
  return (
    <section className={styles.section} aria-labelledby="whatif-scenarios">
      <Subtitle2 as="h3" id="whatif-scenarios">
        Scenarios: what-if by globals
      </Subtitle2>
      <Caption1>
        A scenario is the values of every global on {budget.globals} (shoot days, rates year, percents, ...),
        saved under a name on {budget.storeSheet}.
      </Caption1>
      {problems.map((p) => (
        <MessageBar key={p} intent="warning">
          <MessageBarBody>{p}</MessageBarBody>
        </MessageBar>
      ))}
      <Field label="Scenario name" hint="Saves the globals as they are now.">
        <Input value={name} onChange={(_e, data) => setName(data.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void handleSave()}>
          Save current globals
        </Button>
      </div>
      <PaneStatus at="save" />
      {scenarios !== null && scenarios.length === 0 && <Text>No scenario saved yet.</Text>}
      {scenarios !== null && scenarios.length > 0 && (
        <>
          <SelectField
            label="Scenario to apply"
            value={toApply}
            options={scenarios.map((s) => s.name)}
            onChange={setToApply}
          />
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => void handleApply()}>
              Apply scenario
            </Button>
          </div>
          <PaneStatus at="apply-scenario" />
          <fieldset className={styles.list}>
            <legend>Scenarios to compare (the first checked is the base)</legend>
            {scenarios.map((s) => (
              <Checkbox
                key={s.name}
                label={`${s.name} (saved ${s.saved})`}
                checked={checked.includes(s.name)}
                onChange={(_e, data) =>
                  setChecked((c) => (data.checked ? [...c, s.name] : c.filter((n) => n !== s.name)))
                }
              />
            ))}
          </fieldset>
          <div className={styles.row}>
            <Button disabled={busy || checked.length < 2} onClick={() => void handleCompare()}>
              Compare checked scenarios
            </Button>
          </div>
          <PaneStatus at="compare" />
        </>
      )}
    </section>
  );
}
