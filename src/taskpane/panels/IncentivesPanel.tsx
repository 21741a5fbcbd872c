/*
 * Production incentives (issue 22): pick a program and see what it pays back on the selected
 * budget (qualified spend by bucket, the lines not counted and why, the caps reached, what is not
 * confirmed), and compare two to four programs on an "Incentive comparison" sheet of live
 * formulas. The work is in ../incentives (runIncentives.ts); this panel asks and says what happened.
 */
import { useMemo, useState } from "react";
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
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { findProgram, type IncentiveResult } from "../../engine/incentives/calculate";
import { PROGRAM_NAMES } from "../../engine/incentives/programs";
import { TAG_COLUMNS } from "../../engine/incentives/tags";
import type { Decimal } from "../../engine/money";
import { ChoiceField } from "../shell/ChoiceField";
import { usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { formatDollars } from "../shell/formatMoney";
import { keptSheetWords } from "../shell/ownedSheet";
import {
  compareIncentives,
  explain,
  followSheet,
  MAX_PROGRAMS,
  paneRate,
  rateOf,
  readBudget,
  type ProgramRequest,
} from "../incentives/runIncentives";
import { selectedBudget, type BudgetRange } from "../incentives/budgetRange";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Each program's latest rule set: its title and currency, for the pickers. */
const PROGRAMS = PROGRAM_NAMES.map((name) => {
  const p = findProgram(name);
  return { name, title: p.title, currency: p.currency };
});
const currencyOf = (name: string) => PROGRAMS.find((p) => p.name === name)?.currency ?? "USD";
const CURRENCIES = [...new Set(PROGRAMS.map((p) => p.currency))];

/** A rate as a percent: "20%". */
const percentWords = (rate: Decimal) => `${rate.times(100).toString()}%`;

/** The explanation of one program over the budget. */
function Explanation({ result, rowOf }: { result: IncentiveResult; rowOf: (line: number) => number }) {
  const styles = useStyles();
  return (
    <div className={styles.section} aria-label={`What ${result.program.name} pays back`} role="region">
      <Body1>
        {`${result.program.title}: gross credit ${formatDollars(result.gross)}, net cash ${formatDollars(result.net)} (${result.monetisation.words}).`}
      </Body1>
      {result.failed !== null && <Body1>{`Not eligible: ${result.failed}.`}</Body1>}
      {result.buckets.length > 0 && (
        <Table size="small" aria-label="Qualified spend by bucket">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Bucket</TableHeaderCell>
              <TableHeaderCell>Qualified spend</TableHeaderCell>
              <TableHeaderCell>Rate</TableHeaderCell>
              <TableHeaderCell>Credit</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.buckets.map((b, i) => (
              <TableRow key={i}>
                <TableCell>{b.figure.confirmed ? b.label : `${b.label} (not confirmed)`}</TableCell>
                <TableCell>{formatDollars(b.base)}</TableCell>
                <TableCell>{b.rate === null ? "" : percentWords(b.rate)}</TableCell>
                <TableCell>{formatDollars(b.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Subtitle2 as="h4">Caps reached</Subtitle2>
      {result.caps.length === 0 ? (
        <Caption1>None.</Caption1>
      ) : (
        <ul className={styles.list}>
          {result.caps.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h4">Lines not counted</Subtitle2>
      {result.excluded.length === 0 ? (
        <Caption1>None: every line with an amount counts.</Caption1>
      ) : (
        <ul className={styles.list}>
          {result.excluded.map((x) => (
            <li key={x.row}>{`Row ${rowOf(x.row)} (${formatDollars(x.amount)}): ${x.reason}`}</li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h4">Not confirmed</Subtitle2>
      {result.unconfirmed.length + result.notes.length === 0 ? (
        <Caption1>Every figure used is confirmed by a primary source.</Caption1>
      ) : (
        <ul className={styles.list}>
          {result.unconfirmed.map((u, i) => (
            <li key={`u${i}`}>{`Not confirmed: ${u}`}</li>
          ))}
          {result.notes.map((n, i) => (
            <li key={`n${i}`}>{`Assumed: ${n}`}</li>
          ))}
        </ul>
      )}
      <Caption1>{`Expected timing: ${result.timing}. Confirm these rules with the film office before the budget locks.`}</Caption1>
    </div>
  );
}

/** The Incentives panel. */
export default function IncentivesPanel() {
  const styles = useStyles();
  const explaining = usePane("incentives-explain");
  const comparing = usePane("incentives-compare");
  const choosing = usePane("incentives-budget");
  const { port } = explaining;
  const [program, setProgram] = useState(PROGRAMS[0].name);
  const [settings, setSettings] = useState("");
  const [rate, setRate] = useState("");
  const [shown, setShown] = useState<{ result: IncentiveResult; rowOf: (line: number) => number } | null>(
    null,
  );
  const [picked, setPicked] = useState<string[]>([]);
  const [budgetCurrency, setBudgetCurrency] = useState("USD");
  const [rates, setRates] = useState<Record<string, string>>({});
  // Programs' own rates, taken from the comparison where no currency's field holds them (followSheet).
  const [programRates, setProgramRates] = useState<Record<string, string>>({});
  // The budget range read last: Show and Compare read it again until "Use the selection" (budgetRange.ts).
  const [budget, setBudget] = useState<BudgetRange | null>(null);
  const [programSettings, setProgramSettings] = useState<Record<string, string>>({});
  const busy = explaining.busy !== null;
  const currency = currencyOf(program);

  const foreign = useMemo(
    () => [...new Set(picked.map(currencyOf))].filter((c) => c !== budgetCurrency),
    [picked, budgetCurrency],
  );

  /** The budget read last, or the selection when none was read yet. */
  const budgetToRead = async () => budget ?? (await selectedBudget(port));

  const handleUseSelection = async () => {
    choosing.clearMessage();
    try {
      const read = await readBudget(port, await selectedBudget(port));
      setBudget(read.range);
      setShown(null);
      choosing.showNote(
        `Budget: ${read.cells.label}. Showing and comparing read it until you choose another.`,
      );
    } catch (error) {
      choosing.showError(error);
    }
  };

  const handleExplain = async () => {
    explaining.clearMessage();
    setShown(null);
    try {
      const read = await readBudget(port, await budgetToRead());
      setBudget(read.range);
      const result = explain(read, {
        name: program,
        settings,
        exchangeRate: rateOf(rate, "The exchange rate"),
      });
      setShown({ result, rowOf: read.rowOf });
      // The answer in words next to the button takes the focus (PaneStatus), so a keyboard or
      // screen-reader user hears it and is where the details start (issue 20).
      explaining.showNote(
        result.failed === null
          ? `${result.program.name} pays back ${formatDollars(result.gross)} gross, ${formatDollars(result.net)} net cash on this budget: the details are below.`
          : `${result.program.name} pays back nothing on this budget: it is not eligible, as said below.`,
      );
    } catch (error) {
      explaining.showError(error);
    }
  };

  const handlePick = (name: string, checked: boolean) =>
    setPicked((now) => (checked ? [...now, name].slice(0, MAX_PROGRAMS) : now.filter((p) => p !== name)));

  const handleCompare = async () => {
    comparing.clearMessage();
    try {
      const paneRates = { byCurrency: rates, byProgram: programRates };
      const requests: ProgramRequest[] = picked.map((name) => ({
        name,
        settings: programSettings[name] ?? "",
        exchangeRate: paneRate(name, budgetCurrency, paneRates),
      }));
      const ref = await budgetToRead();
      let asked = "";
      const written = await comparing.runLong("Writing the comparison", (options) =>
        compareIncentives(
          port,
          ref,
          requests,
          (question, sheet) => {
            asked = sheet;
            return comparing.ask(question);
          },
          options,
        ),
      );
      if (written === undefined) return;
      if (written === null) {
        comparing.showNote(keptSheetWords(asked));
        return;
      }
      setBudget(written.budget.range);
      const parts = written.programs.map(
        (p) => `${p.name} gross ${formatDollars(p.result.gross)}, net cash ${formatDollars(p.result.net)}`,
      );
      const follow = followSheet(written, budgetCurrency, paneRates);
      setProgramSettings((now) => ({ ...now, ...follow.settings }));
      setRates(follow.rates.byCurrency);
      setProgramRates(follow.rates.byProgram);
      comparing.showNote(
        `"${written.sheetName}" written: ${parts.join("; ")}.${follow.words}${written.carried === "" ? "" : ` ${written.carried}`}${written.live ? "" : " The figures are values, not formulas: the sheet says why."}`,
      );
    } catch (error) {
      comparing.showError(error);
    }
  };

  const programOptions = PROGRAMS.map((p) => (
    <option key={p.name} value={p.name}>{`${p.name}: ${p.title} (${p.currency})`}</option>
  ));

  return (
    <div className={styles.root}>
      <Subtitle1 as="h2">Production incentives</Subtitle1>
      <Body1>
        What a location&apos;s film incentive pays back on this budget, line by line, and several locations
        side by side.
      </Body1>
      <section className={styles.section} aria-labelledby="incentives-budget-heading">
        <Subtitle2 as="h3" id="incentives-budget-heading">
          {budget === null ? "Budget: the selection" : `Budget: ${budget.sheet}!${budget.address}`}
        </Subtitle2>
        <Caption1 className={styles.hint}>
          {`Select the budget's cells with its headings row: an amount column (Total, Budget or Amount) and the tag columns ${TAG_COLUMNS.join(", ")} (at least Where and Class). A line without Where or Class is never counted; it is listed. PROD keeps reading the budget it read first, wherever you click, until you press "Use the selection".`}
        </Caption1>
        <Button disabled={busy} onClick={() => void handleUseSelection()}>
          Use the selection
        </Button>
        <PaneStatus at="incentives-budget" />
      </section>

      <section className={styles.section} aria-labelledby="incentives-explain-heading">
        <Subtitle2 as="h3" id="incentives-explain-heading">
          One program
        </Subtitle2>
        <ChoiceField
          label="Program"
          value={program}
          onChoose={(v) => {
            setProgram(v);
            setShown(null);
          }}
          waitingHint="Press Enter to pick this program."
          disabled={busy}
        >
          {programOptions}
        </ChoiceField>
        <Field
          label="Settings (optional)"
          hint='As NAME=VALUE pairs, such as "SALE=0.88" or "GEP=NO". Blank: the defaults.'
        >
          <Input value={settings} onChange={(_e, data) => setSettings(data.value)} disabled={busy} />
        </Field>
        <Field
          label={`Exchange rate: ${currency} per unit of the budget's currency (optional)`}
          hint={`Blank when the budget is in ${currency}.`}
        >
          <Input value={rate} onChange={(_e, data) => setRate(data.value)} disabled={busy} />
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void handleExplain()}>
          Show what it pays back
        </Button>
        <PaneStatus at="incentives-explain" />
        {shown && <Explanation result={shown.result} rowOf={shown.rowOf} />}
      </section>

      <section className={styles.section} aria-labelledby="incentives-compare-heading">
        <Subtitle2 as="h3" id="incentives-compare-heading">
          Compare programs
        </Subtitle2>
        <div role="group" aria-labelledby="incentives-picked-label" className={styles.section}>
          <Label id="incentives-picked-label">{`Programs to compare (two to ${MAX_PROGRAMS})`}</Label>
          {PROGRAMS.map((p) => (
            <Checkbox
              key={p.name}
              checked={picked.includes(p.name)}
              disabled={busy || (!picked.includes(p.name) && picked.length >= MAX_PROGRAMS)}
              onChange={(_e, data) => handlePick(p.name, data.checked === true)}
              label={`${p.name}: ${p.title}`}
            />
          ))}
        </div>
        {picked.map((name) => (
          <Field
            key={name}
            label={`${name} settings (optional)`}
            hint="Written on the sheet beside the program, where you can change them."
          >
            <Input
              value={programSettings[name] ?? ""}
              onChange={(_e, data) => setProgramSettings((now) => ({ ...now, [name]: data.value }))}
              disabled={busy}
            />
          </Field>
        ))}
        <ChoiceField
          label="Budget currency"
          value={budgetCurrency}
          onChoose={setBudgetCurrency}
          waitingHint="Press Enter to pick this currency."
          disabled={busy}
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </ChoiceField>
        {foreign.map((c) => (
          <Field
            key={c}
            label={`Exchange rate: ${c} per ${budgetCurrency}`}
            hint="Written on the sheet beside each program in this currency, where you can change it."
          >
            <Input
              value={rates[c] ?? ""}
              onChange={(_e, data) => setRates((now) => ({ ...now, [c]: data.value }))}
              disabled={busy}
            />
          </Field>
        ))}
        {picked
          .filter((name) => programRates[name] !== undefined)
          .map((name) => {
            const c = currencyOf(name);
            return (
              <Field
                key={`rate ${name}`}
                label={`${name} exchange rate: ${c} per ${budgetCurrency}`}
                hint={`Your rate from the comparison, for ${name} only${c === budgetCurrency ? "" : `, instead of the ${c} rate`}. Blank: none, the budget taken as ${c}.`}
              >
                <Input
                  value={programRates[name]}
                  onChange={(_e, data) => setProgramRates((now) => ({ ...now, [name]: data.value }))}
                  disabled={busy}
                />
              </Field>
            );
          })}
        <Button
          appearance="primary"
          disabled={busy || picked.length < 2}
          onClick={() => void handleCompare()}
        >
          Write the comparison
        </Button>
        {picked.length < 2 && <Caption1 className={styles.hint}>Pick at least two programs.</Caption1>}
        <PaneStatus at="incentives-compare" />
      </section>
    </div>
  );
}
