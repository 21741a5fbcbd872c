/**
 * Builds the weekly cost report (domain/reference.md 5.1 columns and formulas, 5.2 roll-ups):
 * per account Budget | This period | Actual to date | Open POs | Total committed | ETC | EFC |
 * Variance | Prior EFC | Change | % spent, rolled up per category, level and grand total.
 *
 * The ledger pass is one loop over the lines with a remembered account -> bucket lookup, so a
 * 250,000-line ledger costs one map lookup and two integer additions per line; everything after
 * it works on accounts (hundreds), not lines, and is linear in them once sorted.
 */
import { levelOrder } from "../chart";
import { estimateToComplete, estimatedFinalCost, variance, type VarianceConvention } from "../costReport";
import { Decimal, roundCents, ZERO } from "../money";
import { AmountSum } from "./amount";
import { placer, compareCodes, type Placement } from "./coding";
import { timingOf } from "./cutoff";
import { accountKeyOf as normalizeAccount } from "./accountKeys";
import type {
  AccountRow,
  Agreement,
  CategoryVariance,
  CostReport,
  CostReportInput,
  Exceptions,
  Figures,
  Flag,
  OpenPo,
  PoLogLine,
  PriorRow,
  ReportRow,
  TotalRow,
} from "./types";

/** Everything the ledger, POs, budget and prior report say about one account. */
interface Bucket {
  account: string;
  description: string;
  budget: Decimal;
  budgeted: boolean;
  thisPeriod: AmountSum;
  toDate: AmountSum;
  openPos: Decimal;
  prior?: PriorRow;
  /** The account in the report being replaced (same date, built again). */
  replaced?: PriorRow;
}

const UNCODED = "";

/**
 * The key a PO is relieved under: its account and its PO number, the number without spaces and
 * case ("po-101 " is PO-101), so a PO split over two accounts is relieved per account.
 */
const poKey = (account: string, po: string) => `${account}\u0000${po.replace(/\s+/g, "").toUpperCase()}`;

/** Progress and cancellation of a build (the pane's progress bar and Cancel button). */
export interface BuildOptions {
  /** Called between steps; throwing from it (e.g. an AbortError) stops the build. */
  checkpoint?: (done: number, total: number) => void;
}

/**
 * Builds the report. Throws a ProdError for settings it cannot use (a cut-off that ends before
 * it starts); every ledger line is accounted for in the rows, the exceptions or the
 * reconciliation's "after the cut-off" count.
 */
export function buildCostReport(input: CostReportInput, options: BuildOptions = {}): CostReport {
  const { settings } = input;
  const timing = timingOf(settings.cutoff);
  const place = placer(settings.layout);
  const buckets = new Map<string, Bucket>();
  const bucketFor = (account: string): Bucket => {
    let b = buckets.get(account);
    if (!b) {
      b = {
        account,
        description: "",
        budget: ZERO,
        budgeted: false,
        thisPeriod: new AmountSum(),
        toDate: new AmountSum(),
        openPos: ZERO,
      };
      buckets.set(account, b);
    }
    return b;
  };

  // Budget first, so the ledger pass knows which accounts are budgeted.
  for (const line of input.budget) {
    const account = normalizeAccount(line.account);
    // mapBudgetRows reports such a line to the user and leaves it out of the budget lines.
    if (account === undefined) continue;
    const b = bucketFor(account);
    b.budget = b.budget.plus(line.amount);
    b.budgeted = true;
    if (b.description === "" && line.description.trim() !== "") b.description = line.description.trim();
  }

  const exceptions: Exceptions = { unbudgeted: [], uncoded: [], undated: [], pos: [] };
  const uncoded = bucketFor(UNCODED);
  // What the ledger relieves of each PO of the log (only the keys of POs read are looked up).
  const relief = new Map<string, AmountSum>();
  if (settings.relievePos) {
    for (const po of input.openPos) {
      if (po.po.trim() === "") continue;
      relief.set(poKey(normalizeAccount(po.account) ?? UNCODED, po.po), new AmountSum());
    }
  }
  const byRawAccount = new Map<string, Bucket>();
  const ledgerToDate = new AmountSum();
  const ledgerThisPeriod = new AmountSum();
  const laterTotal = new AmountSum();
  let laterLines = 0;
  const total = input.ledger.length;
  const step = 50_000;
  for (let i = 0; i < total; i++) {
    if (options.checkpoint && i % step === 0) options.checkpoint(i, total);
    const line = input.ledger[i];
    let b = byRawAccount.get(line.account);
    if (!b) {
      const account = normalizeAccount(line.account);
      b = account === undefined ? uncoded : bucketFor(account);
      byRawAccount.set(line.account, b);
    }
    const t = timing(line.date, line.period);
    if (t === "later") {
      laterLines++;
      laterTotal.add(line.amount);
      continue;
    }
    b.toDate.add(line.amount);
    ledgerToDate.add(line.amount);
    if (relief.size > 0 && line.po !== "") relief.get(poKey(b.account, line.po))?.add(line.amount);
    if (t === "thisPeriod") {
      b.thisPeriod.add(line.amount);
      ledgerThisPeriod.add(line.amount);
    } else if (t === "undated") {
      exceptions.undated.push(line);
    }
    if (b === uncoded) exceptions.uncoded.push(line);
    else if (!b.budgeted) exceptions.unbudgeted.push(line);
  }
  options.checkpoint?.(total, total);

  let poTotal = ZERO;
  let poRelieved = ZERO;
  const poLog = relievedPos(input.openPos, relief);
  for (const po of poLog) {
    const account = normalizeAccount(po.account);
    const b = account === undefined ? uncoded : bucketFor(account);
    b.openPos = b.openPos.plus(po.open);
    poTotal = poTotal.plus(po.amount);
    poRelieved = poRelieved.plus(po.amount.minus(po.open));
    if (!b.budgeted) exceptions.pos.push(po);
  }

  const hasPrior = input.prior !== undefined;
  for (const p of input.prior ?? []) {
    const account = normalizeAccount(p.account);
    if (account === undefined) continue;
    // An account the previous report had but nothing else mentions keeps its row, so an ETC
    // the accountant typed on it is never lost.
    const b = bucketFor(account);
    b.prior = p;
  }
  for (const r of input.replaced ?? []) {
    const account = normalizeAccount(r.account);
    if (account === undefined) continue;
    bucketFor(account).replaced = r;
  }

  const accountRows: AccountRow[] = [];
  const sources = { default: 0, carried: 0, held: 0, kept: 0 };
  for (const b of buckets.values()) {
    if (b === uncoded) continue;
    const p = place(b.account);
    const row = accountRow(b, p, settings.convention, hasPrior, settings.efcChangeThreshold);
    sources[row.etcSource]++;
    accountRows.push(row);
  }
  accountRows.sort(
    (x, y) => orderOf(place(x.account), place(y.account)) || compareCodes(x.account, y.account),
  );

  const rows: ReportRow[] = [];
  const categoryTotals: TotalRow[] = [];
  const levelTotals: TotalRow[] = [];
  // Levels in the chart's own order, the same order as the top sheet (chart.ts levelOrder).
  for (const { level, name } of levelOrder(settings.layout)) {
    const inLevel = accountRows.filter((r) => r.level === level);
    if (inLevel.length === 0) continue;
    const categoriesHere: TotalRow[] = [];
    let start = 0;
    while (start < inLevel.length) {
      const category = inLevel[start].category;
      let end = start;
      while (end < inLevel.length && inLevel[end].category === category) end++;
      const members = inLevel.slice(start, end);
      rows.push(...members);
      const categoryRow = totalRow(
        "category",
        category,
        place(members[0].account).categoryName,
        level,
        members.map((m) => m.figures),
        settings.convention,
        settings.efcChangeThreshold,
      );
      rows.push(categoryRow);
      categoriesHere.push(categoryRow);
      start = end;
    }
    categoryTotals.push(...categoriesHere);
    const levelRow = totalRow(
      "level",
      level,
      `Total ${name}`,
      level,
      categoriesHere.map((c) => c.figures),
      settings.convention,
      settings.efcChangeThreshold,
    );
    rows.push(levelRow);
    levelTotals.push(levelRow);
  }

  const pieces = levelTotals.map((l) => l.figures);
  // Reference.md 2.5: below the line = production + post + other (as the top sheet, topsheet.ts).
  // Not a part of the grand total: the levels are.
  if (levelTotals.length > 0) {
    rows.push(
      totalRow(
        "belowTheLine",
        "BTL",
        "Total Below-the-line",
        "TOTAL",
        levelTotals.filter((l) => l.level !== "ATL").map((l) => l.figures),
        settings.convention,
        settings.efcChangeThreshold,
      ),
    );
  }
  const uncodedHasMoney =
    exceptions.uncoded.length > 0 || !uncoded.openPos.isZero() || !uncoded.toDate.total().isZero();
  if (uncodedHasMoney) {
    const row = accountRow(uncoded, undefined, settings.convention, hasPrior, settings.efcChangeThreshold);
    rows.push(row);
    pieces.push(row.figures);
  }
  const grand = totalRow(
    "total",
    "TOTAL",
    "Grand total",
    "TOTAL",
    pieces,
    settings.convention,
    settings.efcChangeThreshold,
  );
  rows.push(grand);

  // The exact money the report's account rows hold, before each was rounded to cents: compared
  // with the exact totals read, a line left out shows as a difference, while cents that differ
  // only because every account is rounded on its own show as rounding.
  let heldToDate = ZERO;
  let heldThisPeriod = ZERO;
  let heldOpenPos = ZERO;
  for (const r of rows) {
    const b = r.kind === "account" ? buckets.get(r.account) : undefined;
    if (!b) continue;
    heldToDate = heldToDate.plus(b.toDate.total());
    heldThisPeriod = heldThisPeriod.plus(b.thisPeriod.total());
    heldOpenPos = heldOpenPos.plus(b.openPos);
  }

  const largestVariances: CategoryVariance[] = categoryTotals
    .filter((c) => !c.figures.variance.isZero())
    .sort((a, b) => b.figures.variance.abs().comparedTo(a.figures.variance.abs()))
    .slice(0, 10)
    .map((c) => ({ code: c.code, name: c.name, variance: c.figures.variance }));

  return {
    rows,
    exceptions,
    reconciliation: {
      ledgerLines: total,
      ledgerToDate: roundCents(ledgerToDate.total()),
      ledgerThisPeriod: roundCents(ledgerThisPeriod.total()),
      reportToDate: grand.figures.actualToDate,
      reportThisPeriod: grand.figures.thisPeriod,
      laterLines,
      laterTotal: roundCents(laterTotal.total()),
      poTotal: roundCents(poTotal),
      poRelieved: roundCents(poRelieved),
      reportOpenPos: grand.figures.openPos,
      agreement: {
        toDate: agreementOf(ledgerToDate.total(), heldToDate, grand.figures.actualToDate),
        thisPeriod: agreementOf(ledgerThisPeriod.total(), heldThisPeriod, grand.figures.thisPeriod),
        openPos: agreementOf(poTotal.minus(poRelieved), heldOpenPos, grand.figures.openPos),
      },
    },
    largestVariances,
    carriedEtcs: sources.carried,
    keptEtcs: sources.kept,
    heldEfcs: sources.held,
    poLog,
  };
}

/**
 * The PO log: each PO with what the ledger relieved of it and what is still open. The ledger
 * lines of one key (account + PO number) relieve its PO rows in the order read, each up to its
 * amount; the last row takes what remains, so a PO billed over its amount shows the overage as
 * relieved and nothing open (the overage is an actual, counted once). A credit that leaves the
 * relief below 0 opens nothing beyond the PO's amount; a negative PO is never relieved.
 */
function relievedPos(pos: readonly OpenPo[], relief: ReadonlyMap<string, AmountSum>): PoLogLine[] {
  const remaining = new Map<string, Decimal>();
  const lastOf = new Map<string, OpenPo>();
  for (const po of pos) {
    const key = poKey(normalizeAccount(po.account) ?? UNCODED, po.po);
    const sum = relief.get(key);
    if (!sum) continue;
    remaining.set(key, sum.total());
    lastOf.set(key, po);
  }
  return pos.map((po) => {
    const key = poKey(normalizeAccount(po.account) ?? UNCODED, po.po);
    const left = remaining.get(key);
    if (left === undefined || po.amount.isNeg()) return { ...po, relieved: ZERO, open: po.amount };
    const used = lastOf.get(key) === po ? left : Decimal.min(Decimal.max(left, ZERO), po.amount);
    remaining.set(key, left.minus(used));
    const open = Decimal.min(Decimal.max(po.amount.minus(used), ZERO), po.amount);
    return { ...po, relieved: used, open };
  });
}

/**
 * How a report total compares with the total read: `read` and `held` are exact (the money read,
 * the money in the report's rows), `shown` is the report's total of rounded account figures.
 */
function agreementOf(read: Decimal, held: Decimal, shown: Decimal): Agreement {
  if (!held.eq(read)) return "differs";
  return shown.eq(roundCents(read)) ? "agrees" : "rounding";
}

function orderOf(a: Placement, b: Placement): number {
  return a.order - b.order || compareCodes(a.category, b.category);
}

/**
 * One account's figures. Each account's money figures are rounded to cents here, once: they are
 * the report's results, and the subtotals then add the cents the sheet shows, so every subtotal
 * foots to the rows above it.
 */
function accountRow(
  b: Bucket,
  p: Placement | undefined,
  convention: VarianceConvention,
  hasPrior: boolean,
  threshold: Decimal,
): AccountRow {
  const budget = roundCents(b.budget);
  const thisPeriod = roundCents(b.thisPeriod.total());
  const actualToDate = roundCents(b.toDate.total());
  const openPos = roundCents(b.openPos);
  // Committed is worked out here, once: the ETC needs it, and the subtotals add it up.
  const committed = actualToDate.plus(openPos);
  // The accountant's own figure wins over the default: first the ETC in the report being
  // replaced (typed there, or carried into it), then last week's held EFC (ETC = that EFC less
  // what is committed now, never below 0), then last week's ETC.
  const kept = accountantsEtc(b.replaced);
  const held = b.prior?.holdEfc ? b.prior.efc : undefined;
  const carried = accountantsEtc(b.prior);
  const etcSource: AccountRow["etcSource"] = kept ? "kept" : held ? "held" : carried ? "carried" : "default";
  const etc = kept
    ? roundCents(kept)
    : held
      ? Decimal.max(roundCents(held).minus(committed), ZERO)
      : carried
        ? roundCents(carried)
        : estimateToComplete(budget, committed);
  const efc = estimatedFinalCost(actualToDate, openPos, etc);
  const prior = (x: Decimal | undefined) => (hasPrior ? roundCents(x ?? ZERO) : undefined);
  const figures = figuresOf(
    {
      budget,
      thisPeriod,
      actualToDate,
      openPos,
      committed,
      etc,
      efc,
      priorEfc: prior(b.prior?.efc),
      priorActualToDate: prior(b.prior?.actualToDate),
      priorEtc: prior(b.prior?.etc),
    },
    convention,
  );

  const flags = commonFlags(figures, threshold);
  const moneyOnIt = !actualToDate.isZero() || !openPos.isZero();
  if (!b.budgeted && moneyOnIt && b.account !== UNCODED) flags.push("unbudgeted");
  const left = budget.minus(actualToDate);
  if (openPos.gt(0) && openPos.gt(left.isNeg() ? ZERO : left)) flags.push("poOverRemaining");

  // The replaced report's note and mark are what the accountant left there (a cleared note too).
  const carriedFrom = b.replaced ?? b.prior;
  return {
    kind: "account",
    account: b.account,
    description:
      b.account === UNCODED
        ? "Uncoded ledger lines"
        : b.description ||
          b.prior?.description ||
          b.replaced?.description ||
          `${p?.categoryName ?? ""}: not in the budget`,
    category: p?.category ?? "UNCODED",
    level: p?.level ?? "UNCODED",
    figures,
    etcSource,
    note: carriedFrom?.note ?? "",
    holdEfc: carriedFrom?.holdEfc ?? false,
    budgeted: b.budgeted,
    flags,
  };
}

/** A report row's ETC when it is the accountant's (edited or carried), not a default. */
function accountantsEtc(row: PriorRow | undefined): Decimal | undefined {
  return row?.etcEdited ? row.etc : undefined;
}

/** The figures a row is given; the rest (variance, change, % spent) follow from them. */
type GivenFigures = Omit<Figures, "variance" | "change" | "percentSpent">;

/** The figures a subtotal adds up from its parts. */
const ADDED = ["budget", "thisPeriod", "actualToDate", "openPos", "committed", "etc", "efc"] as const;
const PRIOR = ["priorEfc", "priorActualToDate", "priorEtc"] as const;

function figuresOf(given: GivenFigures, convention: VarianceConvention): Figures {
  const { budget, actualToDate, efc, priorEfc } = given;
  return {
    ...given,
    variance: variance(budget, efc, convention),
    change: priorEfc === undefined ? undefined : efc.minus(priorEfc),
    percentSpent: budget.isZero() ? undefined : actualToDate.div(budget),
  };
}

/** Flags that apply to accounts and subtotals alike. */
function commonFlags(f: Figures, threshold: Decimal): Flag[] {
  const flags: Flag[] = [];
  if (f.efc.gt(f.budget)) flags.push("overBudget");
  if (f.change !== undefined && f.change.abs().gt(threshold)) flags.push("efcChange");
  return flags;
}

function totalRow(
  kind: TotalRow["kind"],
  code: string,
  name: string,
  level: TotalRow["level"],
  parts: readonly Figures[],
  convention: VarianceConvention,
  threshold: Decimal,
): TotalRow {
  const given = {} as GivenFigures;
  for (const k of ADDED) given[k] = parts.reduce((sum, f) => sum.plus(f[k]), ZERO);
  // Last week's figures are there only when there was a previous report.
  for (const k of PRIOR) {
    given[k] = parts.reduce<Decimal | undefined>((sum, f) => {
      const x = f[k];
      return x === undefined ? sum : (sum ?? ZERO).plus(x);
    }, undefined);
  }
  const figures = figuresOf(given, convention);
  return { kind, code, name, level, figures, flags: commonFlags(figures, threshold) };
}
