/** The README's row for one library entry, as a payroll accountant reads it (issue 14). */
import { entryName, periodWords, type FringeDefinition } from "../../src/engine/fringes/library";
import { statusWords } from "../../src/engine/fringes/table";
import { Decimal } from "../../src/engine/money";

export function readmeLibraryRow(d: FringeDefinition): string {
  const per = d.type === "%" ? "%" : ` per ${d.type.toLowerCase()}`;
  const rate =
    d.rate === null
      ? `yours to fill in (${d.type === "%" ? "%" : `$${per}`})`
      : d.type === "%"
        ? `${new Decimal(d.rate).times(100).toString()}%`
        : `$${d.rate}${per}`;
  const dollars = (v: string) => `$${Number(v).toLocaleString("en-US")}`;
  const cap = d.cutoff === null ? "none" : dollars(d.cutoff);
  // A fringe with a threshold is charged on a band: "$3,500 to $74,600".
  const cutoff = d.threshold === undefined ? cap : `${dollars(d.threshold)} to ${cap}`;
  return `| \`${entryName(d)}\` | ${periodWords(d)} | ${rate} | ${cutoff} | ${statusWords(d)} | ${d.source === "" ? d.sourceName : `[${d.sourceName}](${d.source})`} |`;
}
