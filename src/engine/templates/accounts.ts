/**
 * The accounts each template starts with.
 *
 * Sources: the 1100/1200/1300 accounts are the ones reference.md 2.1 lists from the studio form
 * (handypdf.com/pdf/film-making-budget-form) [C]; TV's 1401/1405/1406/1407/1410 come from the John
 * Wells cheat sheet (reference.md 2.2) [S]. The other accounts are common practice, not from a
 * cited chart: numbers vary by studio (reference.md 2.1), so the user renumbers freely. Every
 * account sits inside a category of its chart (chart.ts).
 */
import type { Flag } from "../incentives/tags";
import type { Period, TemplateAccount, Union, Unit } from "./types";

const ALL: readonly Period[] = ["prep", "shoot", "wrap"];
const PREP_SHOOT: readonly Period[] = ["prep", "shoot"];
const SHOOT: readonly Period[] = ["shoot"];

/** A labor account: one line per period, fringed, with a Person; `union` adds its guild's fringes. */
function labor(
  code: string,
  name: string,
  periods: readonly Period[] = SHOOT,
  union?: Union,
): TemplateAccount {
  return union ? { code, name, kind: "labor", periods, union } : { code, name, kind: "labor", periods };
}

/**
 * A writer: paid by the draft or a flat fee, not by the shoot day (issue 18), one fringed line
 * with a Person.
 */
function writer(code: string, name: string, paidBy: "Draft" | "Flat"): TemplateAccount {
  return { code, name, kind: "labor", paidBy };
}

/**
 * The producers' own staff (secretaries, assistants): in the 1200 Producer category but crew for
 * incentives, not producers (incentives.md section 2 `class`; California's above-the-line
 * exclusion names writers, directors, producers and performers [CA6]).
 */
function staff(account: TemplateAccount): TemplateAccount {
  return { ...account, incentiveClass: "CREW" };
}

/**
 * An account whose lines carry incentive uplift flags (incentives.md section 2 `flags`): VFX for
 * visual effects work (the UK, California, Louisiana, BC and Quebec uplifts), MUSIC for music
 * scoring (New York's).
 */
function flagged(account: TemplateAccount, ...incentiveFlags: Flag[]): TemplateAccount {
  return { ...account, incentiveFlags };
}

/** An expense account: one line, no fringes. */
function expense(code: string, name: string, units: Unit = "Allow"): TemplateAccount {
  return { code, name, kind: "expense", units };
}

/** Above the line, studio form items (reference.md 2.1 [C]). */
const FEATURE_ATL: readonly TemplateAccount[] = [
  expense("1101", "Story purchase", "Flat"),
  writer("1111", "Screenplay: writer's drafts", "Draft"),
  expense("1114", "Sequel rights", "Flat"),
  labor("1121", "Secretary", SHOOT),
  expense("1131", "Copying", "Allow"),
  expense("1141", "Research & clearance", "Allow"),
  expense("1151", "Script timing", "Flat"),
  expense("1161", "Consultant", "Allow"),
  labor("1201", "Producers", ALL),
  labor("1211", "Executive producers", SHOOT),
  labor("1221", "Co-producers", ALL),
  labor("1231", "Production executives", SHOOT),
  staff(labor("1251", "Secretaries", ALL)),
  staff(labor("1271", "Assistants", ALL)),
  expense("1285", "Other producer costs", "Allow"),
  labor("1301", "Director", ALL, "DGA"),
  labor("1305", "2nd-unit director", SHOOT, "DGA"),
  labor("1401", "Principal cast", SHOOT, "SAG-AFTRA"),
  labor("1405", "Day players", SHOOT, "SAG-AFTRA"),
  labor("1407", "Stunts", SHOOT, "SAG-AFTRA"),
  expense("1450", "Casting", "Allow"),
  expense("1501", "ATL airfares", "Allow"),
  expense("1510", "ATL hotels & per diem", "Day"),
  expense("1601", "ATL miscellaneous", "Allow"),
];

/** Below the line, shared by the feature and TV charts (common practice [U]). */
const BTL: readonly TemplateAccount[] = [
  labor("2001", "Unit production manager", ALL, "DGA"),
  labor("2002", "First assistant director", ALL, "DGA"),
  labor("2003", "Second assistant director", ALL, "DGA"),
  labor("2005", "Production coordinator", ALL, "IATSE"),
  labor("2010", "Script supervisor", PREP_SHOOT, "IATSE"),
  labor("2015", "Production assistants", SHOOT),
  labor("2101", "Background (extras)", SHOOT, "SAG-AFTRA-BG"),
  labor("2105", "Stand-ins", SHOOT, "SAG-AFTRA-BG"),
  labor("2201", "Production designer", ALL, "IATSE"),
  labor("2202", "Art director", ALL, "IATSE"),
  expense("2250", "Art department purchases & rentals"),
  labor("2301", "Construction crew", PREP_SHOOT, "IATSE"),
  expense("2350", "Construction materials"),
  labor("2401", "Strike crew", ["wrap"], "IATSE"),
  labor("2501", "Key grip", ALL, "IATSE"),
  labor("2502", "Grips", SHOOT, "IATSE"),
  labor("2510", "Craft service", SHOOT, "IATSE"),
  expense("2550", "Grip equipment rental", "Week"),
  labor("2601", "Special effects coordinator", PREP_SHOOT, "IATSE"),
  expense("2650", "Special effects materials"),
  labor("2701", "Set decorator", ALL, "IATSE"),
  expense("2750", "Set dressing purchases & rentals"),
  labor("2801", "Property master", ALL, "IATSE"),
  expense("2850", "Props purchases & rentals"),
  labor("2901", "Costume designer", ALL, "IATSE"),
  expense("2950", "Men's wardrobe purchases & rentals"),
  labor("3001", "Costumers", SHOOT, "IATSE"),
  expense("3050", "Women's wardrobe purchases & rentals"),
  labor("3101", "Makeup artists", SHOOT, "IATSE"),
  labor("3105", "Hair stylists", SHOOT, "IATSE"),
  expense("3150", "Makeup & hair supplies"),
  labor("3201", "Gaffer", ALL, "IATSE"),
  labor("3202", "Electricians", SHOOT, "IATSE"),
  expense("3250", "Lighting equipment rental", "Week"),
  labor("3301", "Director of photography", ALL, "IATSE"),
  labor("3302", "Camera operator", SHOOT, "IATSE"),
  labor("3303", "Camera assistants", SHOOT, "IATSE"),
  expense("3350", "Camera equipment rental", "Week"),
  labor("3401", "Production sound mixer", SHOOT, "IATSE"),
  labor("3402", "Boom operator", SHOOT, "IATSE"),
  expense("3450", "Sound equipment rental", "Week"),
  labor("3501", "Transportation coordinator", ALL, "TEAMSTERS"),
  labor("3502", "Drivers", SHOOT, "TEAMSTERS"),
  expense("3550", "Vehicle rentals & fuel", "Week"),
  labor("3601", "Location manager", ALL, "TEAMSTERS"),
  expense("3610", "Location fees", "Day"),
  expense("3620", "Catering", "Day"),
  expense("3630", "Permits & police", "Allow"),
  expense("3701", "Media & data management", "Allow"),
  expense("3801", "Stage rental", "Week"),
  expense("3901", "Process & rear projection", "Allow"),
  labor("4001", "Second unit crew", SHOOT, "IATSE"),
  expense("4050", "Second unit equipment", "Allow"),
  expense("4101", "Camera & makeup tests", "Allow"),
  labor("5001", "Editor", ["shoot", "wrap"], "IATSE"),
  labor("5002", "Assistant editor", ["shoot", "wrap"], "IATSE"),
  expense("5050", "Editing rooms & equipment", "Week"),
  flagged(labor("5101", "Composer", ["wrap"]), "MUSIC"),
  expense("5150", "Music licensing", "Allow"),
  expense("5201", "Sound design & mix", "Allow"),
  expense("5301", "Color grading & online", "Allow"),
  flagged(expense("5350", "Visual effects", "Allow"), "VFX"),
  expense("5401", "Main & end titles", "Flat"),
  expense("6501", "Publicity", "Allow"),
  expense("6801", "General overhead", "Allow"),
  expense("7501", "Legal & accounting", "Allow"),
  // The payroll company's fee is a fringe on every labor line (the PAYROLL-FEE row of the
  // Fringes table, posted with the fringes, issue 18): budgeted here too it would be paid twice,
  // so this account holds the bank's charges and says where the fee is.
  expense("7510", "Bank charges (the payroll company's fee is the PAYROLL-FEE row of Fringes)", "Allow"),
];

/** Feature film: studio 4-digit chart. */
export const FEATURE_ACCOUNTS: readonly TemplateAccount[] = [...FEATURE_ATL, ...BTL];

/**
 * TV one-hour episodic pattern: the same 4-digit scheme with TV cast accounts (reference.md 2.2
 * [S]: 1401 series regulars, 1405 top-of-show & day players, 1406/1407 stunt coordinator and
 * stunts, 1410 overtime). The 1600s do not exist in the TV chart.
 */
export const TV_ACCOUNTS: readonly TemplateAccount[] = [
  writer("1101", "Writers: episode script fee", "Flat"),
  labor("1105", "Script coordinator", ALL),
  labor("1201", "Producers", ALL),
  labor("1301", "Episode director", ALL, "DGA"),
  labor("1401", "Series regulars", SHOOT, "SAG-AFTRA-TV"),
  labor("1405", "Top-of-show & day players", SHOOT, "SAG-AFTRA-TV"),
  labor("1406", "Stunt coordinator", SHOOT, "SAG-AFTRA-TV"),
  labor("1407", "Stunts", SHOOT, "SAG-AFTRA-TV"),
  expense("1410", "Cast overtime", "Allow"),
  expense("1450", "Casting", "Allow"),
  expense("1501", "ATL travel & living", "Allow"),
  ...BTL,
];

/**
 * Commercial, AICP bid form (2023 update): each line coded by its section letter and a line
 * number inside that section's range on the form (figures-audit.md 8.2: A 1-49, B 51-99,
 * C 101-113, D 114-139, E 140-150, F 151-167, G 168-178, H 181-190, I 193-210, J 211-215,
 * K 217-224, L 227-231, M 234-268, N 271-273). Only D114 Location Fees and I193 Camera Rental
 * are confirmed line by line; the other lines take the next numbers of their range, and the
 * sheet says so (AICP_LINE_NOTE). Sections O-X have no line numbers in the transcription, so
 * their lines carry the section letter alone. Prep and wrap are paid in days. The talent carry
 * SAG-AFTRA's Commercials Contract and the director and first AD the DGA's National Commercial
 * Agreement (issue 18: the guilds on the lines they belong to), rows the producer fills in.
 */
export const AICP_ACCOUNTS: readonly TemplateAccount[] = [
  labor("A1", "Producer (prep & wrap)", ["prep", "wrap"]),
  labor("A2", "Production manager (prep & wrap)", ["prep", "wrap"]),
  labor("A3", "Production assistants (prep & wrap)", ["prep", "wrap"]),
  labor("B51", "Director of photography", SHOOT),
  labor("B52", "First assistant director", SHOOT, "DGA-COMMERCIALS"),
  labor("B53", "Camera crew", SHOOT),
  labor("B54", "Grip & electric crew", SHOOT),
  labor("B55", "Sound", SHOOT),
  labor("B56", "Hair, makeup & wardrobe", SHOOT),
  expense("C101", "Casting", "Allow"),
  expense("C102", "Scouting & vehicles", "Day"),
  expense("C103", "Working meals (prep)", "Allow"),
  expense("D114", "Location fees", "Day"),
  expense("D115", "Catering & craft service", "Day"),
  expense("D116", "Trucking", "Day"),
  expense("D117", "Air fares, hotels & per diems", "Allow"),
  expense("E140", "Props & wardrobe", "Allow"),
  expense("E141", "Animals & handlers", "Allow"),
  expense("F151", "Stage rental", "Day"),
  expense("F152", "Stage power & expenses", "Allow"),
  labor("G168", "Art department labor", PREP_SHOOT),
  expense("H181", "Art department materials & set construction", "Allow"),
  expense("I193", "Camera rental", "Day"),
  expense("I194", "Grip & lighting rental", "Day"),
  expense("J211", "Media & data storage", "Allow"),
  expense("K217", "Miscellaneous production costs", "Allow"),
  labor("L227", "Director fee", ALL, "DGA-COMMERCIALS"),
  labor("M234", "On-camera talent", SHOOT, "SAG-AFTRA-COMMERCIALS"),
  expense("N271", "Talent expenses", "Allow"),
  expense("P", "Usage", "Flat"),
  expense("Q", "Editorial", "Allow"),
  expense("S", "Audio post & mix", "Allow"),
  expense("T", "Color & finishing", "Allow"),
  flagged(expense("X", "VFX & graphics", "Allow"), "VFX"),
];

/** What the AICP detail says about its line numbers, once (see AICP_ACCOUNTS). */
export const AICP_LINE_NOTE =
  "Line numbers sit in each section's range on the AICP form; only D114 Location fees and I193 Camera rental are checked line by line. Check the others against your copy of the form before coding POs to them.";

/**
 * Documentary / unscripted: the documentary chart (chart.ts, categories unconfirmed) with the
 * cost lines reference.md 2.4 names as typical (research, archival licensing, E&O, fiscal-sponsor
 * fee) [U].
 */
export const DOC_ACCOUNTS: readonly TemplateAccount[] = [
  labor("1101", "Researcher", ["prep"]),
  expense("1150", "Development travel", "Allow"),
  labor("1201", "Producer", ALL),
  labor("1301", "Director", ALL),
  expense("1401", "Participant releases & honoraria", "Allow"),
  expense("1501", "ATL travel & living", "Allow"),
  labor("2001", "Production coordinator", ALL),
  labor("2501", "Camera operator", SHOOT),
  labor("2502", "Sound recordist", SHOOT),
  expense("3301", "Camera & sound package", "Day"),
  expense("3501", "Crew travel", "Allow"),
  expense("3601", "Location & permit fees", "Allow"),
  expense("3701", "Media & data management", "Allow"),
  labor("5001", "Editor", ["wrap"]),
  expense("5101", "Music licensing & composer", "Allow"),
  expense("5201", "Sound edit & mix", "Allow"),
  expense("5301", "Online, color & deliverables", "Allow"),
  expense("5501", "Archival footage licensing", "Allow"),
  expense("6501", "Festivals & publicity", "Allow"),
  expense("6701", "Errors & omissions insurance", "Flat"),
  expense("7501", "Legal & accounting", "Allow"),
  expense("7510", "Fiscal sponsor fee", "Allow"),
];
