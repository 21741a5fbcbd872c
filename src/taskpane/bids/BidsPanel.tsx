/*
 * The Bids panel (spec/taskpane.md section 3): the production manager adds two or more vendors'
 * bids (files or workbook ranges/tables), maps their columns once, sets each vendor's terms,
 * compares, fixes item matches, writes the comparison sheet, and can write the chosen award into
 * a budget line after confirming.
 */
import { useEffect, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useAnnounce,
} from "@fluentui/react-components";
import {
  normalizeItemName,
  readDays,
  readTerms,
  type Comparison,
  type MatchOverride,
  type VendorBid,
} from "../../engine/bids";
import { ProdError } from "../../engine/errors";
import { fromNumber, toMoney, type Decimal } from "../../engine/money";
import { splitAddress } from "../../excel/port";
import { formatDollars } from "../shell/formatMoney";
import { usePane } from "../shell/PaneContext";
import { PaneStatus } from "../shell/PaneStatus";
import { unmarkedSheetWords } from "../shell/ownedSheet";
import { hasLinks, linkedSheetQuestion, linksBesides, sheetLinksWords } from "../shell/sheetLinks";
import { ChoiceField } from "../shell/ChoiceField";
import { count } from "../shell/words";
import { problemProps } from "../shell/problemProps";
import { useFocusIfLost } from "../shell/useFocusIfLost";
import { comparisonSheetPlan, itemsBidText, type ComparisonLayout } from "./comparisonSheet";
import { runComparison, type ComparisonPacing } from "./runComparison";
import {
  webStorageMappingStore,
  webStorageTermsStore,
  type MappingStore,
  type TermsStore,
} from "./mappingStore";
import { browserStorage } from "../shell/columnMemory";
import { readSheetFile, type SheetFile } from "../files/readFile";
import { VendorCard } from "./VendorCard";
import { VendorWordsList } from "./VendorWords";
import {
  confirmMapping,
  nameClashes,
  newVendorDraft,
  renameVendor,
  selectSheet,
  termProblems,
  vendorName,
  withRememberedTerms,
  type VendorDraft,
} from "./vendorDraft";
import {
  awardWritePlan,
  comparisonAwardLink,
  comparisonTarget,
  earlierComparison,
  isSingleCell,
  linkCellName,
  placementCells,
  readBudgetCell,
  rowsFromSelection,
  rowsFromTable,
  type AwardPlacement,
  type BudgetCell,
} from "./workbookBids";

const useStyles = makeStyles({
  // A long vendor, file or item name with no space in it breaks where it must, so it never runs
  // over the figures beside it or out of a 320 px pane (issue 17).
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    overflowWrap: "anywhere",
  },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  hidden: { display: "none" },
  // Drop-downs as wide as the pane, never wider: an item's long name pushed the Matched item
  // drop-down out of a 320 px pane (issue 17); the select shows what fits.
  fill: { minWidth: 0, width: "100%" },
  stack: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    alignItems: "start",
    marginBottom: tokens.spacingVerticalM,
  },
});

/** Props of {@link BidsPanel}; the defaults are the real browser ones, tests pass fakes. */
export interface BidsPanelProps {
  /** Where column mappings are remembered. @default localStorage */
  store?: MappingStore;
  /** Where each vendor's terms are remembered, by name. @default localStorage */
  terms?: TermsStore;
  /** Reads a picked file. @default readSheetFile on the file's bytes */
  readFile?: (file: File) => Promise<SheetFile>;
  /** How the comparison yields to Excel between slices of work. @default 40 ms slices */
  pacing?: ComparisonPacing;
}

/** The comparison sheet the pane last wrote, and the comparison it shows. */
interface WrittenSheet {
  readonly sheetName: string;
  readonly layout: ComparisonLayout;
  readonly result: Comparison;
}

/** Reads the file the user picked. */
const readPickedFile = async (file: File): Promise<SheetFile> =>
  readSheetFile(file.name, await file.arrayBuffer());

/** Why the days typed cannot be used, in words; null when they can (blank: each line's own days). */
function daysProblem(text: string): string | null {
  try {
    readDays(text);
    return null;
  } catch (error) {
    if (!(error instanceof ProdError)) throw error;
    return "Type the days as a number, for example 12, or the days of each week, for example 5+5+2.";
  }
}

/** The best awards of a comparison, in the words the panel shows and announces. */
function awardWords(result: Comparison): { single: string; split: string } {
  const names = (vendors: readonly number[]) => vendors.map((vi) => result.vendors[vi].name).join(" + ");
  return {
    single: result.bestSingle
      ? `Best single vendor: ${names(result.bestSingle.vendors)}, ${formatDollars(result.bestSingle.total)}.`
      : "No vendor bid every item, so there is no single-vendor award.",
    split:
      `Best split award: ${names(result.bestSplit.vendors)}, ${formatDollars(result.bestSplit.total)}` +
      (result.saving !== undefined ? `, saving ${formatDollars(result.saving)}.` : "."),
  };
}

/** The Bids panel. */
export function BidsPanel({
  store: storeProp,
  terms: termsProp,
  readFile = readPickedFile,
  pacing,
}: BidsPanelProps) {
  const styles = useStyles();
  // Each action's progress, result and error show next to its own button (issue 20).
  const adding = usePane("bids-add");
  const comparing = usePane("bids-compare");
  const writing = usePane("bids-write");
  const { port, ask, busy } = comparing;
  const [store] = useState<MappingStore>(() => storeProp ?? webStorageMappingStore(browserStorage()));
  const [termsStore] = useState<TermsStore>(() => termsProp ?? webStorageTermsStore(browserStorage()));
  const [vendors, setVendors] = useState<VendorDraft[]>([]);
  const [schedule, setSchedule] = useState("");
  const [overrides, setOverrides] = useState<MatchOverride[]>([]);
  const [result, setResult] = useState<Comparison | null>(null);
  const [written, setWritten] = useState<WrittenSheet | null>(null);
  const [apart, setApart] = useState("");
  const [apartVendor, setApartVendor] = useState("");
  const [awardChoice, setAwardChoice] = useState<"split" | "single">("split");
  const [tables, setTables] = useState<{ name: string; sheet: string }[]>([]);
  const [table, setTable] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  // Removing a vendor takes its Remove button away: the focus goes to adding one (issue 20).
  const addRow = useRef<HTMLDivElement>(null);
  const nextId = useRef(1);
  // A comparison just run takes the focus and is said (issue 20): where the result is, and what.
  const resultSection = useRef<HTMLElement>(null);
  const [justCompared, setJustCompared] = useState<Comparison | null>(null);
  const { announce } = useAnnounce();
  useEffect(() => {
    if (!justCompared || justCompared !== result) return;
    resultSection.current?.focus();
    resultSection.current?.scrollIntoView?.({ block: "nearest" });
    const { single, split } = awardWords(justCompared);
    announce(`Compared ${count(justCompared.vendors.length, "vendor")}. ${single} ${split}`, {
      polite: true,
    });
  }, [justCompared, result, announce]);
  const disabled = busy !== null;
  useFocusIfLost(addRow, vendors.length);

  useEffect(() => {
    let live = true;
    port.listTables().then(
      (list) => live && setTables(list),
      // Without the table list the user can still use the selection or files.
      () => live && setTables([]),
    );
    return () => {
      live = false;
    };
  }, [port]);

  /** Any change to the inputs makes an earlier comparison stale. */
  const changeVendors = (update: (list: VendorDraft[]) => VendorDraft[]) => {
    setVendors(update);
    setResult(null);
  };
  const updateVendor = (id: string, update: (v: VendorDraft) => VendorDraft) =>
    changeVendors((list) => list.map((v) => (v.id === id ? update(v) : v)));
  const addVendor = (name: string, source: string, sheets: VendorDraft["sheets"]) => {
    const id = `v${nextId.current++}`;
    changeVendors((list) => [
      ...list,
      withRememberedTerms(newVendorDraft(id, name, source, sheets, store), termsStore),
    ]);
  };

  const handleFiles = async (files: FileList | null) => {
    if (!files) return;
    adding.clearMessage();
    for (const file of Array.from(files)) {
      try {
        const bid = await readFile(file);
        addVendor(
          file.name.replace(/\.[^.]+$/, ""),
          file.name,
          bid.sheets.map((s) => ({ name: s.name, rows: s.rows, firstRowNumber: 1 })),
        );
      } catch (e) {
        adding.showError(e);
      }
    }
    if (fileInput.current) fileInput.current.value = "";
  };

  const handleFromSelection = async () => {
    adding.clearMessage();
    try {
      const read = await rowsFromSelection(port);
      addVendor(read.suggestedName, read.source, [
        { name: read.source, rows: read.rows, firstRowNumber: read.firstRowNumber },
      ]);
    } catch (e) {
      adding.showError(e);
    }
  };

  const handleFromTable = async () => {
    if (!table) return;
    adding.clearMessage();
    try {
      const read = await rowsFromTable(port, table);
      addVendor(read.suggestedName, read.source, [
        { name: read.source, rows: read.rows, firstRowNumber: read.firstRowNumber },
      ]);
    } catch (e) {
      adding.showError(e);
    }
  };

  const handleConfirmMapping = (id: string) => {
    adding.clearMessage();
    try {
      const vendor = vendors.find((v) => v.id === id);
      if (!vendor) return;
      const confirmed = confirmMapping(vendor, store);
      changeVendors((list) => list.map((v) => (v.id === id ? confirmed : v)));
    } catch (e) {
      adding.showError(e);
    }
  };

  const mappedVendors = vendors.filter((v) => v.mapped);
  const clashes = nameClashes(vendors);
  // A figure that cannot be read is said on its field; Compare waits for it (issue 20).
  const scheduleProblem = daysProblem(schedule);
  const figuresOk =
    scheduleProblem === null && mappedVendors.every((v) => Object.keys(termProblems(v.terms)).length === 0);
  const canCompare = mappedVendors.length >= 2 && clashes.size === 0 && figuresOk && !disabled;

  /**
   * Compares in slices with the shell's progress bar and Cancel (1,000-line bids take a while on
   * a slow laptop). The earlier result stays on show meanwhile; a failed or cancelled run clears
   * it, since the inputs it was for have changed.
   */
  const compare = async (withOverrides: MatchOverride[]): Promise<void> => {
    const comparison = await comparing.runLong("Comparing the bids", async (options) => {
      const bids: VendorBid[] = mappedVendors.map((v) => ({
        id: v.id,
        name: vendorName(v),
        terms: readTerms(v.terms, vendorName(v)),
        lines: v.lines,
      }));
      return runComparison(
        { vendors: bids, schedule: readDays(schedule), overrides: withOverrides },
        options,
        pacing,
      );
    });
    setResult(comparison ?? null);
    setJustCompared(comparison ?? null);
    // The terms a comparison ran on are the vendor's, next time a bid of that name is added.
    if (comparison) for (const v of mappedVendors) termsStore.set(vendorName(v), v.terms);
    setApart("");
    setApartVendor("");
  };

  /** Re-matches every line of one comparison row with another row, and compares again. */
  const handleRematch = (fromKey: string, toKey: string) => {
    if (!result) return;
    const row = result.items.find((i) => i.key === fromKey);
    if (!row) return;
    const added: MatchOverride[] = [];
    row.bids.forEach((bid, vi) => {
      for (const line of bid?.lines ?? []) {
        added.push({
          vendorId: result.vendors[vi].id,
          itemKey: normalizeItemName(line.item),
          matchTo: toKey,
        });
      }
    });
    const next = [...overrides, ...added];
    setOverrides(next);
    void compare(next);
  };

  /**
   * Takes one vendor's line off a matched row: the chosen vendor's item gets a row of its own,
   * and the other vendors stay matched (issue 17: every vendor after the first was split off).
   */
  const handleSeparate = (key: string, vendorId: string) => {
    if (!result) return;
    const row = result.items.find((i) => i.key === key);
    const vi = result.vendors.findIndex((v) => v.id === vendorId);
    const bid = row?.bids[vi];
    if (!bid) return;
    const added = bid.lines.map((line): MatchOverride => ({
      vendorId,
      itemKey: normalizeItemName(line.item),
      matchTo: null,
    }));
    const next = [...overrides, ...added];
    setOverrides(next);
    void compare(next);
  };

  const handleUndoMatches = () => {
    setOverrides([]);
    void compare([]);
  };

  /**
   * Writes the comparison sheet. Before replacing an earlier one whose single-vendor award a
   * budget cell may link to, when this comparison has none, it asks: the cell would show #VALUE!
   * and break the budget's totals (issue 17). "Yes" shows the split award in that cell instead.
   * Formulas elsewhere into the earlier sheet, besides the award links PROD keeps, are named in
   * the first question it asks, or in a question of their own (spec/taskpane.md, issue 21).
   */
  const handleWriteSheet = async () => {
    if (!result) return;
    writing.clearMessage();
    const problems = mappedVendors.flatMap((v) => v.problems.map((p) => `${v.name}: ${p.message}`));
    try {
      const target = await comparisonTarget(port);
      const earlier =
        target.mode === "create"
          ? { hadSingle: false, links: [], userNotes: [] }
          : await earlierComparison(port, target.sheetName);
      // The award links point at the fixed totals of row 4, which a re-run keeps in place.
      const links =
        target.mode === "create"
          ? { cells: [], names: [] }
          : linksBesides(await port.findLinksTo(target.sheetName), {
              cells: earlier.links.map((l) => splitAddress(l.cell)),
            });
      let linksToSay = hasLinks(links);
      /** The links, said once, in the first question asked. */
      const linksWords = () => {
        const words = linksToSay ? ` ${sheetLinksWords(target.sheetName, links)}` : "";
        linksToSay = false;
        return words;
      };
      if (target.mode === "reclaim") {
        const yes = await ask({
          title: `Replace "${target.sheetName}"?`,
          message: `${unmarkedSheetWords(target.sheetName, "a bid comparison")} Replace it only if it is PROD's comparison: writing replaces it with this comparison, keeps your notes in its last column, and PROD marks it as its own again.${linksWords()}`,
          confirmLabel: "Replace it",
          cancelLabel: "Cancel",
        });
        if (!yes) {
          writing.showNote(
            `Nothing was written: "${target.sheetName}" is as it was. If it is your own sheet, rename it, and PROD writes its comparison on a sheet of its own.`,
          );
          return;
        }
      }
      let splitForSingle = false;
      if (earlier.hadSingle && !result.bestSingle) {
        const now =
          earlier.singleTotal === undefined ? "" : ` (${formatDollars(fromNumber(earlier.singleTotal))} now)`;
        const linked = earlier.links.filter((l) => l.award === "single").map((l) => l.cell);
        const said = linksWords();
        const yes = await ask({
          title: "No single-vendor award this time",
          message:
            `No vendor bid every item in full, so this comparison has no single-vendor award. ` +
            (linked.length > 0
              ? `${linked.join(", ")} ${linked.length === 1 ? "links" : "link"} to it on "${target.sheetName}"${now} and would show #VALUE!, breaking the budget's totals. `
              : `A budget cell linked to it on "${target.sheetName}"${now} would show #VALUE!. `) +
            (said === "" ? "" : `${said.trim()} `) +
            `Show the split award (${formatDollars(result.bestSplit.total)}) in its place, so linked cells keep a number? Cancel writes nothing.`,
          confirmLabel: "Show the split award there",
          cancelLabel: "Cancel",
        });
        if (!yes) {
          writing.showNote(`Nothing was written: "${target.sheetName}" and the budget are as they were.`);
          return;
        }
        splitForSingle = true;
      }
      if (linksToSay && !(await ask(linkedSheetQuestion(target.sheetName, links)))) {
        writing.showNote(`Nothing was written: "${target.sheetName}" is as it was.`);
        return;
      }
      const sheet = await writing.runLong("Writing the bid comparison", async (options) => {
        const { plan, layout } = comparisonSheetPlan(result, {
          sheetName: target.sheetName,
          mode: target.mode,
          scheduleText: schedule.trim() || undefined,
          problems,
          links: earlier.links,
          userNotes: earlier.userNotes,
          splitForSingle,
        });
        await port.apply(plan, options);
        return { sheetName: target.sheetName, layout, result };
      });
      if (sheet) {
        setWritten(sheet);
        const linked = earlier.links.map(
          (l) =>
            `${l.cell} (${l.award === "single" && !result.bestSingle ? "split, in place of the single award" : l.award})`,
        );
        writing.showNote(
          `The comparison is on the sheet "${sheet.sheetName}". Running it again replaces that sheet only.` +
            (linked.length > 0 ? ` Budget cells linked to its totals: ${linked.join(", ")}.` : "") +
            (earlier.userNotes.length > 0
              ? ` Your notes (${earlier.userNotes.length}) are kept with their items.`
              : ""),
        );
      }
    } catch (e) {
      writing.showError(e);
    }
  };

  /**
   * The question before an award goes into a budget cell: what the cell is on its line, and
   * where the award belongs when that cell would give a wrong figure (a Rate the line multiplies,
   * an Amount, Units or X cell): the line's Rate with Amount 1 and X 1, which it offers.
   */
  const awardQuestion = (
    where: string,
    cell: BudgetCell,
    amount: Decimal,
    placement: AwardPlacement,
  ): string => {
    const meaning = cell.meaning;
    if (!meaning) return "";
    const on = `${where} is the ${meaning.header} of its budget line`;
    if (!meaning.offer) return `${on}, so the award is the line's total there. `;
    const rate = placementCells(placement)[0].address;
    const ones = placementCells(placement)
      .slice(1)
      .map((r) => r.address);
    const multiplied =
      meaning.role === "rate" && meaning.multiplier
        ? `: the line multiplies it by ${meaning.multiplier.toString()} (Amount x X), so ${formatDollars(amount)} would count as ${formatDollars(amount.times(meaning.multiplier))}`
        : "";
    return (
      `${on}${multiplied}. An award is the line's total: it goes in the line's Total, or in its Rate with Amount 1 and X 1. ` +
      `Put it in ${rate}${ones.length > 0 ? ` and set ${ones.join(" and ")} to 1` : ""} instead? `
    );
  };

  const handleWriteAward = async () => {
    if (!result) return;
    const award = awardChoice === "single" ? result.bestSingle : result.bestSplit;
    if (!award) return;
    writing.clearMessage();
    try {
      const target = await port.getSelection();
      if (!isSingleCell(target)) {
        writing.showNote(
          `Select the one budget cell the award goes into (you have ${target.address} selected), then try again.`,
        );
        return;
      }
      const amount = award.total;
      const label = `${awardChoice === "single" ? "single-vendor award" : "split award"}: ${award.vendors
        .map((vi) => result.vendors[vi].name)
        .join(" + ")}`;
      const cell = await readBudgetCell(port, target);
      const offer = cell.meaning?.offer;
      const placement: AwardPlacement = offer
        ? { sheet: target.sheet, row: cell.row, column: offer.rateColumn, ones: offer.factorColumns }
        : { sheet: target.sheet, row: cell.row, column: cell.column };
      const cells = placementCells(placement);
      const place = `${target.sheet}!${cells[0].address}`;
      // A link only to a sheet that shows these very results (a re-match makes it stale).
      const link =
        written && written.result === result ? await comparisonAwardLink(port, written, awardChoice) : null;
      const occupied = (await port.findNonEmpty(cells)).map((r) => r.address);
      const yes = await ask({
        title: "Write the award into the budget?",
        message:
          awardQuestion(`${target.sheet}!${target.address}`, cell, amount, placement) +
          (link
            ? `Link ${place} to the ${label} total on the sheet "${link.sheetName}" (${formatDollars(amount)} now), so it follows the comparison?`
            : `Write ${formatDollars(amount)} (${label}) into ${place} as a number? The comparison sheet is not kept for these results, so the cell cannot link to it; write the comparison sheet first to link it instead.`) +
          (occupied.length === 1 && !offer
            ? " That cell is not empty: what is in it now will be replaced."
            : "") +
          (occupied.length > 0 && offer
            ? ` ${occupied.join(", ")} ${occupied.length === 1 ? "is" : "are"} not empty: what is there now will be replaced.`
            : ""),
        confirmLabel: offer
          ? `Write into ${cells[0].address}`
          : occupied.length > 0
            ? "Replace it"
            : link
              ? "Link it"
              : "Write it",
        cancelLabel: "Cancel",
        // Cells with something in them are replaced: the dialog opens on Cancel.
        destructive: occupied.length > 0,
      });
      if (!yes) return;
      const record = link
        ? {
            sheetName: link.sheetName,
            links: [
              ...(await earlierComparison(port, link.sheetName)).links.filter(
                (l) => l.cell !== linkCellName({ sheet: target.sheet, address: cells[0].address }),
              ),
              { cell: linkCellName({ sheet: target.sheet, address: cells[0].address }), award: awardChoice },
            ],
          }
        : undefined;
      const done = await writing.runLong("Writing the award", async (options) => {
        await port.apply(
          awardWritePlan(placement, link ? { formula: link.formula } : toMoney(amount), record),
          options,
        );
        return true;
      });
      if (done)
        writing.showNote(
          link
            ? `${place} now shows the ${label} total from "${link.sheetName}" (${formatDollars(amount)}).`
            : `${formatDollars(amount)} is in ${place}.`,
        );
    } catch (e) {
      writing.showError(e);
    }
  };

  const matched = result ? result.items.filter((i) => i.bids.filter(Boolean).length > 1) : [];
  const apartKey = matched.some((i) => i.key === apart) ? apart : (matched[0]?.key ?? "");
  // The vendors whose line is on the chosen row; the last one is offered first.
  const apartBidders = result
    ? (matched.find((i) => i.key === apartKey)?.bids.flatMap((b, vi) => (b ? [result.vendors[vi]] : [])) ??
      [])
    : [];
  const apartVendorId = apartBidders.some((v) => v.id === apartVendor)
    ? apartVendor
    : (apartBidders[apartBidders.length - 1]?.id ?? "");
  const unmatched = result ? result.items.filter((i) => i.missing.length > 0) : [];

  return (
    <div className={styles.panel}>
      <Subtitle1 as="h2">Vendor bids</Subtitle1>
      <Text>
        Add two or more vendors&apos; bids for the same need, set each vendor&apos;s terms, then compare their
        landed cost.
      </Text>

      <div className={styles.row} ref={addRow}>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled}>
          Add bid from a file…
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,.xlsm"
          multiple
          aria-label="Bid files (CSV or Excel)"
          data-testid="bid-file-input"
          onChange={(e) => void handleFiles(e.target.files)}
        />
        <Button onClick={() => void handleFromSelection()} disabled={disabled}>
          Add bid from the selection
        </Button>
      </div>
      {tables.length > 0 && (
        <div className={styles.row}>
          <Field label="Or from a table" style={{ flexGrow: 1 }}>
            <Select value={table} onChange={(_e, d) => setTable(d.value)} disabled={disabled}>
              <option value="">Pick a table</option>
              {tables.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name} ({t.sheet})
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => void handleFromTable()} disabled={disabled || table === ""}>
            Add bid from table
          </Button>
        </div>
      )}
      <PaneStatus at="bids-add" />

      {vendors.map((vendor, i) => (
        <VendorCard
          key={vendor.id}
          vendor={vendor}
          position={i + 1}
          disabled={disabled}
          nameProblem={clashes.get(vendor.id)}
          onRename={(name) => updateVendor(vendor.id, (v) => renameVendor(v, name, termsStore))}
          onSelectSheet={(index) => updateVendor(vendor.id, (v) => selectSheet(v, index, store))}
          onMappingChange={(mapping) => updateVendor(vendor.id, (v) => ({ ...v, mapping }))}
          onConfirmMapping={() => handleConfirmMapping(vendor.id)}
          onEditMapping={() => updateVendor(vendor.id, (v) => ({ ...v, mapped: false }))}
          onTermsChange={(terms) => updateVendor(vendor.id, (v) => ({ ...v, terms, termsFrom: undefined }))}
          onNumberFormat={(format) =>
            updateVendor(vendor.id, (v) => selectSheet(v, v.sheetIndex, store, format))
          }
          onRemove={() => changeVendors((list) => list.filter((v) => v.id !== vendor.id))}
        />
      ))}

      <Field
        label="Days used each week"
        {...problemProps(scheduleProblem)}
        hint='For lines without a Days column: "5+5+2" for 12 shoot days over 3 weeks, or a number of days held.'
      >
        <Input
          value={schedule}
          onChange={(_e, d) => {
            setSchedule(d.value);
            setResult(null);
          }}
          disabled={disabled}
        />
      </Field>

      <Button appearance="primary" onClick={() => void compare(overrides)} disabled={!canCompare}>
        {mappedVendors.length < 2
          ? "Add two vendors to compare"
          : clashes.size > 0
            ? "Give each vendor its own name"
            : !figuresOk
              ? "Correct the figures marked above"
              : "Compare bids"}
      </Button>
      <PaneStatus at="bids-compare" />

      {result && (
        <section aria-label="Comparison" ref={resultSection} tabIndex={-1}>
          <Subtitle2 as="h3">Result</Subtitle2>
          <Table size="small" aria-label="Vendor totals">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Vendor</TableHeaderCell>
                <TableHeaderCell>Landed total</TableHeaderCell>
                <TableHeaderCell>Items bid</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.summaries.map((s, vi) => (
                <TableRow key={result.vendors[vi].id}>
                  <TableCell>{result.vendors[vi].name}</TableCell>
                  <TableCell>{formatDollars(s.total)}</TableCell>
                  <TableCell>{itemsBidText(s, result.items.length)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text as="p">{awardWords(result).single}</Text>
          <Text as="p">{awardWords(result).split}</Text>
          {result.notes.length > 0 && (
            <ul aria-label="Check before awarding">
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <VendorWordsList comparison={result} />

          {unmatched.length > 0 && (
            <section aria-label="Items not bid by every vendor">
              <Subtitle2 as="h3">Items not bid by every vendor</Subtitle2>
              <Text as="p">If two rows are the same item under different names, match them here.</Text>
              {unmatched.map((item) => (
                <ChoiceField
                  key={item.key}
                  label={`${item.name} (bid by ${item.bids.flatMap((b, vi) => (b ? [result.vendors[vi].name] : [])).join(", ")})`}
                  waitingHint="Press Enter to match them."
                  value=""
                  onChoose={(to) => to && handleRematch(item.key, to)}
                  disabled={disabled}
                >
                  <option value="">Same item as…</option>
                  {result.items
                    .filter((other) => other.key !== item.key)
                    .map((other) => (
                      <option key={other.key} value={other.key}>
                        {other.name}
                      </option>
                    ))}
                </ChoiceField>
              ))}
            </section>
          )}
          {matched.length > 0 && (
            <section aria-label="Items matched across vendors">
              <Subtitle2 as="h3">Items matched across vendors</Subtitle2>
              <Text as="p">
                If the vendors of a matched row mean different items, keep them on separate rows.
              </Text>
              <div className={styles.stack}>
                <Field label="Matched item" className={styles.fill}>
                  <Select
                    className={styles.fill}
                    value={apartKey}
                    onChange={(_e, d) => setApart(d.value)}
                    disabled={disabled}
                  >
                    {matched.map((item) => (
                      <option key={item.key} value={item.key}>
                        {item.differs ? `${item.name} (quantities or days differ)` : item.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label="Whose line" className={styles.fill}>
                  <Select
                    className={styles.fill}
                    value={apartVendorId}
                    onChange={(_e, d) => setApartVendor(d.value)}
                    disabled={disabled}
                  >
                    {apartBidders.map((v) => (
                      <option key={v.id} value={v.id}>
                        {v.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button
                  onClick={() => handleSeparate(apartKey, apartVendorId)}
                  disabled={disabled || apartKey === "" || apartVendorId === ""}
                >
                  Not the same item: keep apart
                </Button>
              </div>
            </section>
          )}
          {overrides.length > 0 && (
            <Button size="small" onClick={handleUndoMatches} disabled={disabled}>
              Undo my matches
            </Button>
          )}

          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void handleWriteSheet()} disabled={disabled}>
              Write comparison sheet
            </Button>
          </div>

          <Subtitle2 as="h3">Put the award in the budget</Subtitle2>
          <RadioGroup
            value={awardChoice}
            onChange={(_e, d) => setAwardChoice(d.value === "single" ? "single" : "split")}
            aria-label="Award to write"
          >
            <Radio value="split" label={`Split award (${formatDollars(result.bestSplit.total)})`} />
            <Radio
              value="single"
              label={
                result.bestSingle
                  ? `Single vendor (${formatDollars(result.bestSingle.total)})`
                  : "Single vendor (none)"
              }
              disabled={!result.bestSingle}
            />
          </RadioGroup>
          <Button
            onClick={() => void handleWriteAward()}
            disabled={disabled || (awardChoice === "single" && !result.bestSingle)}
          >
            Write award into the selected cell…
          </Button>
          <PaneStatus at="bids-write" />
        </section>
      )}
    </div>
  );
}
