/**
 * The week as PROD counts it, one constant each, shared by pay (WEEKPAY, OTPROJECT), rentals
 * (RENTAL) and weekly fringes.
 */
import { Decimal } from "./money";

/** Days in a week: a workweek has at most 7 days worked, and a rental week held is 7 days. */
export const DAYS_IN_WEEK = 7;

/**
 * The 5-day week (spec/functions.md): schedules are shot in 5-day weeks (OTPROJECT), and a weekly
 * fringe is charged rate x days / 5, unless told otherwise.
 */
export const DEFAULT_DAYS_PER_WEEK = new Decimal(5);
