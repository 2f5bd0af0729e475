import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { getClinic } from '../clinic/clinic.service';
import { localDateOf } from '../scheduling/zoned-time';
import { RECOMMENDATIONS, type Recommendation } from '../../shared/screening/codes';
import { emptyCounts, firstDayOfWeeks, sumCounts, weeklyTotals, type OutcomeCounts, type WeekTotals } from './screening-stats';
import { incrementTally, tallyRowsFrom, tallyTotals } from './screening-tally.repository';

export const REPORT_WEEKS = 12;

/**
 * Counts one finished self-assessment under its outcome, on the clinic's calendar day. Anyone may
 * cause this (it is the public page flow): the row says nothing about who, only how many.
 */
export async function recordAssessmentOutcome(ctx: Ctx, recommendation: Recommendation): Promise<void> {
	const clinic = await getClinic(ctx);
	const day = localDateOf(ctx.clock.now().getTime(), clinic.timeZone);
	await incrementTally(ctx.db, { clinicId: clinic.id, day, recommendation });
}

export type ScreeningStats = {
	readonly timeZone: string;
	readonly today: string;
	readonly allTime: { readonly total: number; readonly byOutcome: OutcomeCounts };
	/** The last REPORT_WEEKS weeks, newest first. */
	readonly weeks: WeekTotals[];
};

export async function getScreeningStats(ctx: Ctx, weeks = REPORT_WEEKS): Promise<ScreeningStats> {
	authorize(ctx.actor, 'screening_stats:read');
	const clinic = await getClinic(ctx);
	const today = localDateOf(ctx.clock.now().getTime(), clinic.timeZone);
	const [totals, rows] = await Promise.all([
		tallyTotals(ctx.db, clinic.id),
		tallyRowsFrom(ctx.db, clinic.id, firstDayOfWeeks(today, weeks))
	]);
	const byOutcome = emptyCounts();
	for (const recommendation of RECOMMENDATIONS) byOutcome[recommendation] = totals.get(recommendation) ?? 0;
	return {
		timeZone: clinic.timeZone,
		today,
		allTime: { total: sumCounts(byOutcome), byOutcome },
		weeks: weeklyTotals(rows, today, weeks)
	};
}
