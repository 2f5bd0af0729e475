import { RECOMMENDATIONS, type Recommendation } from '../../shared/screening/codes';
import { addDays, parseLocalDate } from '../scheduling/zoned-time';
import type { TallyRow } from './screening-tally.repository';

/**
 * Weekly and overall figures for the staff report, from the daily anonymous counts. Pure: dates
 * are the clinic's calendar days ('YYYY-MM-DD'), so no time zone arithmetic happens here.
 */

export type OutcomeCounts = Record<Recommendation, number>;

export type WeekTotals = {
	/** Monday of the week (ISO 8601 weeks). */
	readonly weekStart: string;
	readonly total: number;
	readonly byOutcome: OutcomeCounts;
};

export function emptyCounts(): OutcomeCounts {
	return Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as OutcomeCounts;
}

export function sumCounts(counts: OutcomeCounts): number {
	return RECOMMENDATIONS.reduce((sum, r) => sum + counts[r], 0);
}

/** The Monday on or before `date`. */
export function weekStartOf(date: string): string {
	return addDays(date, 1 - parseLocalDate(date).dayOfWeek);
}

/** The first day of the oldest week shown when showing `weeks` weeks up to and including `today`'s. */
export function firstDayOfWeeks(today: string, weeks: number): string {
	return addDays(weekStartOf(today), -7 * (weeks - 1));
}

/**
 * One entry per week for the `weeks` weeks ending with the week of `today`, newest first, with
 * empty weeks included so a quiet week shows as 0 instead of disappearing.
 */
export function weeklyTotals(rows: readonly TallyRow[], today: string, weeks: number): WeekTotals[] {
	const byWeek = new Map<string, OutcomeCounts>();
	for (let i = 0; i < weeks; i++) byWeek.set(addDays(weekStartOf(today), -7 * i), emptyCounts());
	for (const row of rows) {
		const counts = byWeek.get(weekStartOf(row.day));
		if (counts) counts[row.recommendation] += row.count;
	}
	return [...byWeek].map(([weekStart, byOutcome]) => ({ weekStart, total: sumCounts(byOutcome), byOutcome }));
}
