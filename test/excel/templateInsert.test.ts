import { LAYOUTS, type LayoutId } from "../../src/engine/chart";
import { TEMPLATES, guildFillIns } from "../../src/engine/templates";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { type Cell, type SheetPlan, columnLetter } from "../../src/excel/port";
import { FRINGE_TABLE_COLUMNS } from "../../src/engine/fringes/table";
import {
  DETAIL_COLUMNS,
  NO_GUILD_LINES_NOTE,
  PERSON_KEY_HEADING,
  buildTemplatePlan,
  namesForCopy,
  presetYears,
} from "../../src/taskpane/templates/buildPlan";
import { freeCopy } from "../../src/taskpane/panels/TemplatesPanel";
import { TAG_COLUMNS } from "../../src/engine/incentives/tags";
import { accountClass } from "../../src/engine/templates/incentiveTags";
import { MockBook, mockExcel } from "./mockExcel";

const IDS = Object.keys(TEMPLATES) as LayoutId[];

function layoutFor(id: LayoutId, copy = 1) {
  const template = TEMPLATES[id];
  const { sheets, suffix } = namesForCopy(template, copy);
  return buildTemplatePlan(template, template.defaults, sheets, suffix);
}

/** A sheet plan's rows by 0-based row. */
function detailRows(detail: SheetPlan): Map<number, Cell[]> {
  const rows = new Map<number, Cell[]>();
  for (const block of detail.blocks) block.cells.forEach((cells, i) => rows.set(block.row + i, cells));
  return rows;
}

/** The SUMIFS terms of a top-sheet formula: which detail column, which accounts. */
function terms(formula: string) {
  const out: { column: string; matches: (account: string) => boolean }[] = [];
  // Each number range is read twice: from the Acct column and from the Acct no. helper (text
  // codes). A sum of Subtotal or Fringes leaves out the lines out of the total (issue 21): their
  // Total is 0 but their Subtotal and Fringes still show.
  for (const m of formula.matchAll(
    /SUMIFS\((\w+),Detail_Acct,">=(\d+)",Detail_Acct,"<(\d+)"(,Detail_InTotal,"<>No")?\)/g,
  )) {
    const [lo, hi] = [Number(m[2]), Number(m[3])];
    expect({ column: m[1], leavesOut: m[4] !== undefined }).toEqual({
      column: m[1],
      leavesOut: m[1] !== "Detail_Total",
    });
    out.push({ column: m[1], matches: (a) => /^\d+$/.test(a) && Number(a) >= lo && Number(a) < hi });
  }
  for (const m of formula.matchAll(/SUMIFS\((\w+),\w+,"([A-Z])\*"\)/g)) {
    const letter = m[2];
    out.push({ column: m[1], matches: (a) => a.startsWith(letter) });
  }
  return out;
}

describe.each(IDS)("%s template plan", (id) => {
  const layout = layoutFor(id);

  it("covers every detail row's cost and fringes on the top sheet exactly once", () => {
    const all = layout.topSheetCategories.flatMap((c) => terms(c.formula));
    expect(all.length).toBeGreaterThanOrEqual(layout.topSheetCategories.length);
    for (const line of layout.detailLines) {
      const cost = all.filter((t) => /Detail_(Subtotal|Total)$/.test(t.column) && t.matches(line.account));
      const fringes = all.filter((t) => /Detail_(Fringes|Total)$/.test(t.column) && t.matches(line.account));
      expect({ account: line.account, cost: cost.length, fringes: fringes.length }).toEqual({
        account: line.account,
        cost: 1,
        fringes: 1,
      });
    }
  });

  it("writes each detail line as live formulas: subtotal, PROD.FRINGE with the person's prior wages, total", () => {
    const detail = layout.plan.sheets.find((s) => s.name === layout.sheets.detail)!;
    const rows = detailRows(detail);
    const labor = layout.detailLines.filter((l) => l.labor);
    expect(labor.length).toBeGreaterThan(0);
    const second = labor[1] ?? labor[0];
    const row = rows.get(second.row)!;
    const r = second.row + 1;
    expect(row[DETAIL_COLUMNS.subtotal]).toEqual({ formula: `=C${r}*E${r}*F${r}` });
    // The guild rows of the table (the Feature's and TV's DGA health and Teamsters' IAP) are
    // charged only on the lines whose set names them.
    const guild = guildFillIns(TEMPLATES[id]);
    const rated = "Fringes[[#All],[Rate]]<>0";
    const keep =
      guild.length === 0
        ? rated
        : `(${rated})*(1-ISNUMBER(SEARCH(","&Fringes[[#All],[Name]]&",",",${guild.join(",")},"))+ISNUMBER(SEARCH(","&Fringes[[#All],[Name]]&",",","&SUBSTITUTE(H${r}," ","")&",")))`;
    expect(row[DETAIL_COLUMNS.fringes]).toEqual({
      // The Fringes table when the set names it, its rows still to fill in blanked out (left out
      // of the totals, and said on the sheets), plus the set's library names read on the rates
      // date (column P), each with the line's head count X as people.
      formula: `=IF(OR(H${r}="",G${r}=0),0,IF(ISNUMBER(SEARCH(",FRINGES,",","&SUBSTITUTE(H${r}," ","")&",")),PROD.FRINGE(G${r},IF(${keep},Fringes[#All],""),N${r},L${r},M${r},E${r}),0)+IF(P${r}="",0,PROD.FRINGE(G${r},P${r},N${r},L${r},M${r},E${r})))`,
    });
    const rest = guild.reduce(
      (x, g) => `SUBSTITUTE(${x},",${g},",",")`,
      `SUBSTITUTE(","&SUBSTITUTE(UPPER(H${r})," ","")&",",",FRINGES,",",")`,
    );
    const names = `MID(${rest},2,LEN(${rest})-2)`;
    // "@" and the rates date as ISO text, from YEAR, MONTH and DAY (TEXT's codes are localized).
    const on = `"@"&YEAR(Rates_Date)&"-"&RIGHT("0"&MONTH(Rates_Date),2)&"-"&RIGHT("0"&DAY(Rates_Date),2)`;
    const read = `IF(OR(ISNUMBER(SEARCH("-20",${names})),ISNUMBER(SEARCH("@",${names}))),${names},SUBSTITUTE(${names},",",${on}&",")&${on})`;
    // A name the Fringes table holds too (SS, or PAYROLL-CA's members) is added again, undated,
    // so PROD.FRINGE refuses the line rather than charge it twice.
    const hasTable = `ISNUMBER(SEARCH(",FRINGES,",","&SUBSTITUTE(H${r}," ","")&","))`;
    // Each preset by its fringes, any year or date it carries kept on the last one; the longest
    // name first (PAYROLL-CANADA begins with PAYROLL-CA).
    const expanded = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${rest},",PAYROLL-CANADA",",CPP,CPP2,EI"),",PAYROLL-US",",SS,MEDICARE,FUTA"),",PAYROLL-CA",",SS,MEDICARE,FUTA-CA,CA-SUI,CA-ETT"),",PAYROLL-NY",",SS,MEDICARE,FUTA,NY-SUI"),",PAYROLL-GA",",SS,MEDICARE,FUTA,GA-SUI")`;
    const inSet = [`","`, `"-20"`, `"@"`].map(
      (tail) => `ISNUMBER(SEARCH(","&Fringes[Name]&${tail},${expanded}))`,
    );
    const twice = `TEXTJOIN(",",TRUE,IF((${inSet.join("+")})*(Fringes[Name]<>""),UPPER(Fringes[Name]),""))`;
    expect(row[DETAIL_COLUMNS.names]).toEqual({
      formula: `=IF(LEN(${rest})<=2,"",IF(AND(${hasTable},${twice}<>""),${read}&","&${twice},${read}))`,
    });
    // Out of the total (a group switched out), the line's Total is 0.
    expect(row[DETAIL_COLUMNS.total]).toEqual({ formula: `=IF(R${r}="No",0,G${r}+I${r})` });
    expect(row[DETAIL_COLUMNS.inTotal]).toEqual({
      formula: `=IF(SUMPRODUCT((SUBSTITUTE(Groups[Group]," ","")<>"")*(Groups[In total]="No")*ISNUMBER(FIND(","&UPPER(SUBSTITUTE(Groups[Group]," ",""))&",",","&UPPER(SUBSTITUTE(Q${r}," ",""))&",")))>0,"No","Yes")`,
    });
    // The Person as the caps compare people, in a hidden last column: upper case, spaces of
    // every kind taken out, wildcards written as text, after "P:" (text Excel never reads as a
    // number); "" for no person.
    const header = rows.get(2)!;
    const key = header.length - 1;
    expect(header[key]).toBe(PERSON_KEY_HEADING);
    expect(detail.hiddenColumns).toEqual([key]);
    const k = columnLetter(key);
    // After the AICP form's Actual column.
    expect(k).toBe(TEMPLATES[id].actualColumn ? "AB" : "AA");
    const spaceless = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(UPPER(K${r})," ",""),UNICHAR(160),""),CHAR(9),""),CHAR(10),""),CHAR(13),"")`;
    expect(row[key]).toEqual({
      formula: `=IF(${spaceless}="","","P:"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${spaceless},"~"," 0"),"*"," 1"),"?"," 2"))`,
    });
    // What each of the X people was already paid: their earlier lines in no group, or, on a
    // line in a group, all their lines in no group and their earlier lines in a group; people
    // matched by their key, exactly (="&key: never a pattern or a comparison).
    const same = `"="&${k}${r}`;
    const earlier = `SUMIFS($G$4:G${r - 1},$${k}$4:${k}${r - 1},${same},$R$4:R${r - 1},"<>No")`;
    const earlierUngrouped = `SUMIFS($G$4:G${r - 1},$${k}$4:${k}${r - 1},${same},$R$4:R${r - 1},"<>No",$Q$4:Q${r - 1},"")`;
    const ungrouped = `SUMIFS(Detail_Subtotal,Detail_PersonKey,${same},Detail_InTotal,"<>No",Detail_Group,"")`;
    expect(row[DETAIL_COLUMNS.priorWages]).toEqual({
      formula: `=IF(OR(${k}${r}="",N(E${r})<=0),0,IF(Q${r}="",${earlierUngrouped},${ungrouped}+${earlier}-${earlierUngrouped})/E${r})`,
    });
    expect(row[DETAIL_COLUMNS.hours]).toEqual({
      formula: `=IF(C${r}="",0,C${r}*E${r}*IFERROR(VLOOKUP(D${r},Units_Table,2,FALSE),0))`,
    });
  });

  it("tags every line for incentives side by side in PROD.INCENTIVE's order: Where and Payee live, the account's defaults", () => {
    const detail = layout.plan.sheets.find((s) => s.name === layout.sheets.detail)!;
    const rows = detailRows(detail);
    const C = DETAIL_COLUMNS;
    expect(rows.get(2)!.slice(C.where, C.people + 1)).toEqual([...TAG_COLUMNS]);
    expect(C.people - C.where + 1).toBe(TAG_COLUMNS.length);
    const template = TEMPLATES[id];
    for (const line of layout.detailLines) {
      const row = rows.get(line.row)!;
      const r = line.row + 1;
      const account = template.accounts.find((a) => a.code === line.account)!;
      expect(row[C.where]).toEqual({ formula: `=IF(Shoot_Location=0,"",Shoot_Location)` });
      expect(row[C.payee]).toEqual({ formula: `=IF(K${r}="","",K${r})` });
      expect(row[C.residency]).toBeNull();
      expect(row[C.class]).toBe(accountClass(template, account));
      expect(row[C.payForm]).toBe(line.labor ? "W2" : "VENDOR");
      expect(row[C.people]).toEqual(line.labor ? { formula: `=E${r}` } : null);
    }
    const names = layout.plan.names ?? [];
    // Columns S to Z, from the detail's first line (row 4) down, as Detail_Total's rows.
    const total = names.find((n) => n.name === "Detail_Total")!.address;
    expect(names.find((n) => n.name === "Detail_Tags")?.address).toBe(
      total.replace(/\$J\$/g, "$S$").replace(/:\$S\$/, ":$Z$"),
    );
    expect(total).toMatch(/^\$J\$4:\$J\$\d+$/);
    const globals = layout.plan.sheets.find((s) => s.name === layout.sheets.globals)!;
    const cells = globals.blocks.flatMap((b) => b.cells);
    const global = (name: string) => cells.find((row) => row[2] === name)?.[1];
    expect(global("Shoot_Location")).toEqual({ text: "CA" });
    expect(global("Incentive_Program")).toBeNull();
    expect(global("Incentive_Settings")).toBeNull();
    expect(global("Exchange_Rate")).toBeNull();
  });

  it("adds every workbook name once", () => {
    expect(new Set(layout.names).size).toBe(layout.names.length);
    const schedule =
      TEMPLATES[id].schedule === "days" ? ["Prep_Days", "Wrap_Days"] : ["Prep_Weeks", "Wrap_Weeks"];
    expect(layout.names).toEqual(
      expect.arrayContaining([...schedule, "Shoot_Days", "Grand_Total", "Units_Table"]),
    );
  });
});

describe("template plan details", () => {
  it("amortizes TV season costs across the episodes with PROD.ALLOCATE", () => {
    const layout = layoutFor("TV");
    const amort = layout.plan.sheets.find((s) => s.name === "Amortization")!;
    const formulas = amort.blocks
      .flatMap((b) => b.cells.flat())
      .filter((c): c is { formula: string } => typeof c === "object" && c !== null && "formula" in c);
    expect(formulas.map((f) => f.formula)).toContainEqual(
      expect.stringMatching(/^=PROD\.ALLOCATE\(Amort_Total,\$B\$\d+:\$B\$\d+\)$/),
    );
    const episodes = amort.blocks.find((b) => b.cells.length === TEMPLATES.TV.defaults.episodes)!;
    expect(episodes.cells.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("marks up only AICP sections A-K", () => {
    const layout = layoutFor("AICP");
    const top = layout.plan.sheets.find((s) => s.name === "Top Sheet")!;
    const cells = top.blocks.flatMap((b) => b.cells);
    const markup = cells.find((r) => typeof r[1] === "string" && r[1].startsWith("Markup"))!;
    const cellsOf = (code: string) => layout.topSheetCategories.find((c) => c.code === code)!.row + 1;
    const ak = "ABCDEFGHIJK"
      .split("")
      .map((s) => `C${cellsOf(s)}`)
      .join(",");
    const row = top.blocks.flatMap((b) => b.cells.map((_, i) => b.row + i + 1))[cells.indexOf(markup)];
    // Acct | Section | Estimate | Actual | Rate | Base | Base is
    expect(markup[2]).toEqual({ formula: `=ROUND(Markup_Pct*F${row},2)` });
    expect(markup[5]).toEqual({ formula: `=SUM(${ak})` });
    expect(markup[6]).toBe("A-K");
    expect(markup[3]).toEqual({ formula: `=ROUND(Markup_Pct*(SUM(${ak.replace(/C/g, "D")})),2)` });
    expect(cells.map((r) => r[1])).toContain("Usage");
  });

  it("copies the work state's payroll fringes for the year into the Fringes table, with workers' comp and the payroll fee to fill in", () => {
    expect(presetYears("PAYROLL-CA")).toEqual([2025, 2026]);
    expect(presetYears("PAYROLL-NY")).toEqual([2025, 2026]);
    const layout = layoutFor("FEATURE");
    const fringes = layout.plan.sheets.find((s) => s.name === "Fringes")!;
    const table = fringes.blocks.find((b) => b.cells[0][0] === "Name")!;
    expect(table.cells.map((r) => r.slice(0, 4))).toEqual([
      ["Name", "Type", "Rate", "Cutoff"],
      ["SS", "%", 0.062, 184500],
      ["MEDICARE", "%", 0.0145, null],
      ["FUTA-CA", "%", expect.any(Number), 7000],
      ["CA-SUI", "%", 0.034, 7000],
      ["CA-ETT", "%", 0.001, 7000],
      // Rates only the producer knows: blank until typed (the totals leave them out meanwhile,
      // and say so): workers' comp and the payroll fee on every labor line, DGA health on the
      // DGA's lines and the Teamsters' IAP on drivers' (the library has no figure for either).
      ["WORKERS-COMP", "%", null, null],
      ["PAYROLL-FEE", "%", null, null],
      ["DGA-HEALTH", "%", null, null],
      ["TEAMSTERS-IAP", "%", null, null],
    ]);
    expect(fringes.tables).toEqual([
      expect.objectContaining({ name: "Fringes", rowCount: 10, columnCount: FRINGE_TABLE_COLUMNS.length }),
    ]);
  });

  it("gives the commercial's Fringes table SAG-AFTRA's and the DGA's commercial rows to fill in, charged on their members' lines only", () => {
    const layout = layoutFor("AICP");
    const fringes = layout.plan.sheets.find((s) => s.name === "Fringes")!;
    const table = fringes.blocks.find((b) => b.cells[0][0] === "Name")!;
    expect(table.cells.slice(-4).map((r) => r.slice(0, 4))).toEqual([
      ["WORKERS-COMP", "%", null, null],
      ["PAYROLL-FEE", "%", null, null],
      // The plans' own ceilings: $1,000,000 a contract year; the DGA's $290,000 for 2026.
      ["SAG-AFTRA-COMMERCIALS", "%", null, 1000000],
      ["DGA-COMMERCIALS", "%", null, 290000],
    ]);
    const texts = JSON.stringify(fringes.blocks);
    expect(texts).toContain(
      "The guild rows SAG-AFTRA-COMMERCIALS, DGA-COMMERCIALS are charged only on the lines whose Fringes set names them.",
    );
    expect(texts).not.toContain(NO_GUILD_LINES_NOTE);
    const detail = layout.plan.sheets.find((s) => s.name === "Budget detail")!;
    const rows = detailRows(detail);
    const setOf = (account: string) =>
      layout.detailLines
        .filter((l) => l.account === account)
        .map((l) => rows.get(l.row)![DETAIL_COLUMNS.fringeSet]);
    expect(setOf("M234")).toEqual(["Fringes,SAG-AFTRA-COMMERCIALS"]);
    expect(setOf("L227")).toEqual(Array(3).fill("Fringes,DGA-COMMERCIALS"));
    expect(setOf("B52")).toEqual(["Fringes,DGA-COMMERCIALS"]);
    expect(setOf("B51")).toEqual(["Fringes"]);
  });

  it("says once, in plain words, that the documentary's lines carry no guild and how to add one", () => {
    const fringes = layoutFor("DOC").plan.sheets.find((s) => s.name === "Fringes")!;
    const texts = fringes.blocks.flatMap((b) => b.cells.flat()).filter((c) => typeof c === "string");
    expect(texts.filter((t) => t.includes(NO_GUILD_LINES_NOTE))).toHaveLength(1);
    for (const id of ["FEATURE", "TV", "AICP"] as const) {
      const other = layoutFor(id).plan.sheets.find((s) => s.name === "Fringes")!;
      expect(JSON.stringify(other.blocks)).not.toContain(NO_GUILD_LINES_NOTE);
    }
  });

  it("names copies with a suffix so a second budget never collides with the first", () => {
    const layout = layoutFor("FEATURE", 2);
    expect(layout.sheets.topSheet).toBe("Top Sheet 2");
    expect(layout.names).toContain("Prep_Weeks_2");
    const detail = layout.plan.sheets.find((s) => s.name === "Budget detail 2")!;
    const formulas = JSON.stringify(detail.blocks);
    expect(formulas).toContain("Fringes_2[#All]");
    expect(formulas).not.toMatch(/Fringes\[#All\]/);
  });
});

describe.each(IDS)("%s template: what the user reads", (id) => {
  const layout = layoutFor(id);
  const texts = layout.plan.sheets.flatMap((sheet) =>
    sheet.blocks.flatMap((b) =>
      b.cells.flat().map((cell) => (typeof cell === "string" ? cell : JSON.stringify(cell ?? ""))),
    ),
  );

  it("carries nothing from research notes: no source tags, no reference.md, no mark on every category", () => {
    const research = texts.filter((t) => /\[[SUCP]\]|reference\.md|figures-audit| \*$/.test(t));
    expect(research).toEqual([]);
  });

  it("labels above and below the line only on a chart that splits there (the AICP form has no such split)", () => {
    // Issue 18: "AICP: ... no ATL/BTL labels". Text the user reads, and the formulas' own strings.
    const labels = texts.filter((t) => /\bATL\b|\bBTL\b|above[- ]the[- ]line|below[- ]the[- ]line/i.test(t));
    if (TEMPLATES[id].layout === "AICP") expect(labels).toEqual([]);
    else expect(labels.length).toBeGreaterThan(0);
  });

  it("says once, in words, which category names are not confirmed", () => {
    const notes = texts.filter((t) => /not confirmed against a published chart/i.test(t));
    expect(notes.length).toBe(LAYOUTS[TEMPLATES[id].layout].categories.some((c) => !c.confirmed) ? 1 : 0);
  });

  it("shows beside each charge's percent the base it is charged on, and names the choices on Globals", () => {
    const top = layout.plan.sheets.find((s) => s.name === layout.sheets.topSheet)!;
    const rows = top.blocks.flatMap((b) => b.cells);
    const header = rows.find((r) => r[0] === "Acct")!;
    expect(header.filter((h) => h !== "Actual")).toEqual([
      "Acct",
      TEMPLATES[id].actualColumn ? "Section" : "Category",
      TEMPLATES[id].actualColumn ? "Estimate" : "Total",
      "Rate",
      "Base",
      "Base is",
    ]);
    const at = (name: string) => header.indexOf(name);
    for (const charge of TEMPLATES[id].charges) {
      const row = rows.find((r) => r[1] === charge.label)!;
      expect(row[at("Rate")]).toEqual({ formula: `=${charge.global}` });
      expect(row[at("Base")]).toEqual({ formula: expect.stringMatching(/^=/) });
      if (charge.bases.length > 1) {
        const name = charge.global.replace("_Pct", "_Base");
        expect(row[at("Base is")]).toEqual({ formula: `=${name}` });
        expect(layout.names).toContain(name);
      }
    }
  });
});

describe("inserting a template into Excel (office-addin-mock)", () => {
  const largest = IDS.map((id) => ({
    id,
    cells: layoutFor(id)
      .plan.sheets.flatMap((s) => s.blocks)
      .reduce((n, b) => n + b.cells.length * (b.cells[0]?.length ?? 0), 0),
  })).sort((a, b) => b.cells - a.cells)[0];

  it(`inserts the largest template (${largest.id}) in exactly two syncs`, async () => {
    const book = new MockBook();
    book.addSheet("Sheet1");
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    const layout = layoutFor(largest.id);
    await port.apply(layout.plan);
    expect(excel.state.syncs).toBe(2);
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", ...layout.plan.sheets.map((s) => s.name)]);
    expect(book.active).toBe("Top Sheet");
    const first = layout.detailLines[0];
    expect(book.cell("Budget detail", `G${first.row + 1}`)).toMatchObject({
      kind: "formula",
      content: `=C${first.row + 1}*E${first.row + 1}*F${first.row + 1}`,
    });
    expect(book.sheet("Budget detail").freezeRows ?? book.sheet("Budget detail").freezeAt).toBeTruthy();
    expect(book.sheet("Top Sheet").printArea).toMatch(/^A1:F\d+$/);
    expect(book.names.find((n) => n.name === "Prep_Weeks")?.formula).toBe("=Globals!$B$4");
    expect(book.names.find((n) => n.name === "Detail_Acct")?.formula).toMatch(
      /^='Budget detail'!\$A\$4:\$A\$\d+$/,
    );
    expect(book.tables.map((t) => t.name).sort()).toEqual(["Fringes", "Groups", "Units"]);
    const grand = book.names
      .find((n) => n.name === "Grand_Total")!
      .formula.replace(/^='Top Sheet'!/, "")
      .replace(/\$/g, "");
    expect(book.cell("Top Sheet", grand)?.kind).toBe("formula");
    expect(book.cell("Top Sheet", grand)?.format).toBe("#,##0.00_);(#,##0.00)");
  });

  it.each(IDS)("inserts %s without error", async (id) => {
    const book = new MockBook();
    const excel = mockExcel(book);
    await new OfficeWorkbook({ run: excel.run }).apply(layoutFor(id).plan);
    expect(excel.state.syncs).toBe(2);
  });

  it("never overwrites an existing Top Sheet: refuses, then a second copy goes under new names", async () => {
    const book = new MockBook();
    book.addSheet("Top Sheet", [["my own top sheet", 123]]);
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    await expect(port.apply(layoutFor("FEATURE").plan)).rejects.toMatchObject({
      kind: "sheetExists",
      subjects: ["Top Sheet"],
    });
    expect(book.sheets.map((s) => s.name)).toEqual(["Top Sheet"]);

    const target = await freeCopy(port, "FEATURE");
    expect(target.copy).toBe(2);
    const layout = buildTemplatePlan(
      TEMPLATES.FEATURE,
      TEMPLATES.FEATURE.defaults,
      target.sheets,
      target.suffix,
    );
    await port.apply(layout.plan);
    expect(book.values("Top Sheet", 0, 0, 1, 2)).toEqual([["my own top sheet", 123]]);
    expect(book.hasSheet("Top Sheet 2")).toBe(true);
    expect((await freeCopy(port, "FEATURE")).copy).toBe(3);
  });
});

describe("inserting the same template twice", () => {
  it("creates a second working budget whose sheets are owned apart from the first's (office-addin-mock)", async () => {
    const book = new MockBook();
    book.addSheet("Sheet1");
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    for (const expected of [1, 2]) {
      const target = await freeCopy(port, "FEATURE");
      expect(target.copy).toBe(expected);
      const before = excel.state.syncs;
      await port.apply(
        buildTemplatePlan(TEMPLATES.FEATURE, TEMPLATES.FEATURE.defaults, target.sheets, target.suffix).plan,
      );
      expect(excel.state.syncs - before).toBe(2);
    }
    expect(book.sheets.map((s) => s.name)).toEqual([
      "Sheet1",
      ...["Top Sheet", "Budget detail", "Fringes", "Globals"],
      ...["Top Sheet 2", "Budget detail 2", "Fringes 2", "Globals 2"],
    ]);
    const owned = await port.findOwned("templates");
    expect(owned.filter((o) => o.key === "detail").map((o) => o.sheet)).toEqual([
      "Budget detail",
      "Budget detail 2",
    ]);
    expect(owned).toHaveLength(8);
    expect(book.cell("Top Sheet 2", "A1")?.content).toMatch(/^Top Sheet: /);
  });

  it("creates a sheet again after the user deleted the one PROD made (its mark reads #REF!)", async () => {
    const book = new MockBook();
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    const plan = layoutFor("FEATURE").plan;
    await port.apply(plan);
    // The user deletes the Top Sheet: Excel keeps the mark, pointing nowhere.
    book.sheets = book.sheets.filter((s) => s.name !== "Top Sheet");
    const mark = book.names.find((n) => n.name === "PROD_OWN.templates.topsheet")!;
    mark.formula = "=#REF!$A$1";
    expect((await port.findOwned("templates")).map((o) => o.key).sort()).toEqual([
      "detail",
      "fringes",
      "globals",
    ]);
    const again = { ...plan, names: [], sheets: plan.sheets.filter((s) => s.name === "Top Sheet") };
    await port.apply(again);
    expect(book.names.filter((n) => n.name === "PROD_OWN.templates.topsheet")).toEqual([
      expect.objectContaining({ formula: "='Top Sheet'!$A$1" }),
    ]);
  });

  it("refuses, before writing anything, a sheet whose mark another live sheet still holds", async () => {
    const book = new MockBook();
    const excel = mockExcel(book);
    const port = new OfficeWorkbook({ run: excel.run });
    const plan = layoutFor("FEATURE").plan;
    await port.apply(plan);
    // The user renames the Top Sheet: the mark follows it.
    book.sheet("Top Sheet").name = "Old top";
    book.names.find((n) => n.name === "PROD_OWN.templates.topsheet")!.formula = "='Old top'!$A$1";
    const before = excel.state.syncs;
    const again = { ...plan, names: [], sheets: plan.sheets.filter((s) => s.name === "Top Sheet") };
    await expect(port.apply(again)).rejects.toMatchObject({ kind: "nameExists", subjects: ["Old top"] });
    expect(excel.state.syncs - before).toBe(1);
    expect(book.hasSheet("Top Sheet")).toBe(false);
  });

  it("skips a copy number whose marks a renamed sheet still holds", async () => {
    const book = new MockBook();
    book.addSheet("Old top");
    book.names.push({ name: "PROD_OWN.templates.topsheet", formula: "='Old top'!$A$1", visible: false });
    const port = new OfficeWorkbook({ run: mockExcel(book).run });
    expect((await freeCopy(port, "FEATURE")).copy).toBe(2);
  });
});
