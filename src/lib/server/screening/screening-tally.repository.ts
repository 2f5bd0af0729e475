import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { RECOMMENDATIONS, type Recommendation } from '../../shared/screening/codes';

export type TallyRow = { day: string; recommendation: Recommendation; count: number };

const KNOWN: ReadonlySet<string> = new Set(RECOMMENDATIONS);

function toRecommendation(value: string): Recommendation {
	// The column has a check constraint; this guards against rows from a newer release.
	if (!KNOWN.has(value)) throw new TypeError('Unknown recommendation in screening_tally');
	return value as Recommendation;
}

/** Adds one to the day's count for an outcome, atomically on both engines (insert or increment). */
export async function incrementTally(
	db: Kysely<DB>,
	row: { clinicId: string; day: string; recommendation: Recommendation }
): Promise<void> {
	await db
		.insertInto('screeningTally')
		.values({ ...row, count: 1 })
		.onConflict((conflict) =>
			conflict
				.columns(['clinicId', 'day', 'recommendation'])
				.doUpdateSet((eb) => ({ count: eb('screeningTally.count', '+', 1) }))
		)
		.execute();
}

/** Every outcome's total since the clinic started counting. */
export async function tallyTotals(db: Kysely<DB>, clinicId: string): Promise<Map<Recommendation, number>> {
	const rows = await db
		.selectFrom('screeningTally')
		.select(['recommendation', (eb) => eb.fn.sum<number | string>('count').as('total')])
		.where('clinicId', '=', clinicId)
		.groupBy('recommendation')
		.execute();
	return new Map(rows.map((row) => [toRecommendation(row.recommendation), Number(row.total)]));
}

/** Daily rows from `fromDay` (inclusive, 'YYYY-MM-DD' in the clinic's zone), oldest first. */
export async function tallyRowsFrom(db: Kysely<DB>, clinicId: string, fromDay: string): Promise<TallyRow[]> {
	const rows = await db
		.selectFrom('screeningTally')
		.select(['day', 'recommendation', 'count'])
		.where('clinicId', '=', clinicId)
		.where('day', '>=', fromDay)
		.orderBy('day')
		.orderBy('recommendation')
		.execute();
	return rows.map((row) => ({ day: row.day, recommendation: toRecommendation(row.recommendation), count: Number(row.count) }));
}
