/**
 * Each vendor's own words for the compared items, in the pane (issue 17, "Information lost"):
 * the item as each vendor wrote it where the comparison row goes by another vendor's wording (a
 * matched item), and each vendor's notes per item (the mapped Notes column). Text is shown
 * exactly as in the file: spaces, tabs and line breaks are kept (pre-wrap), nothing is trimmed.
 */
import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { itemBidNotes, type Comparison, type ItemRow } from "../../engine/bids";

/** Items listed at most; the comparison sheet's line detail has every line. */
export const WORDS_SHOWN = 50;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  exact: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

/** What one vendor wrote for an item: its wording where it is not the row's, and its notes. */
interface VendorWords {
  /** The vendor's index in the comparison. */
  readonly index: number;
  readonly vendor: string;
  readonly wording: readonly string[];
  readonly notes: string;
}

function wordsOf(comparison: Comparison, item: ItemRow): VendorWords[] {
  return item.bids.flatMap((bid, vi) => {
    if (!bid) return [];
    const wording = [...new Set(bid.lines.map((l) => l.item))].filter((w) => w !== item.name);
    const notes = itemBidNotes(bid);
    return wording.length > 0 || notes !== ""
      ? [{ index: vi, vendor: comparison.vendors[vi].name, wording, notes }]
      : [];
  });
}

export function VendorWordsList({ comparison }: { comparison: Comparison }) {
  const styles = useStyles();
  const items = comparison.items.flatMap((item) => {
    const words = wordsOf(comparison, item);
    return words.length > 0 ? [{ item, words }] : [];
  });
  if (items.length === 0) return null;
  return (
    <section aria-label="Vendors' wording and notes">
      <Subtitle2 as="h3">Vendors&apos; wording and notes</Subtitle2>
      <ul className={styles.list}>
        {items.slice(0, WORDS_SHOWN).map(({ item, words }) => (
          <li key={item.key}>
            <Text weight="semibold" className={styles.exact}>
              {item.name}
            </Text>
            <ul className={styles.list}>
              {words.map((w) => (
                <li key={w.index} className={styles.exact}>
                  {w.vendor}
                  {w.wording.length > 0 && `, as written: ${w.wording.map((x) => `“${x}”`).join(", ")}`}
                  {w.notes !== "" && `. Notes: ${w.notes}`}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {items.length > WORDS_SHOWN && (
        <Text as="p">
          {items.length - WORDS_SHOWN} more items have other wording or notes: the comparison sheet&apos;s
          line detail lists every line.
        </Text>
      )}
    </section>
  );
}
