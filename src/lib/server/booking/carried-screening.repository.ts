import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** The self-assessment carried into an online booking, as codes (see booking.service.ts). */
export type ScreeningSummary = { recommendation: string; clinicianReview: boolean; precautions: string[] };

function screeningOf(text: string | null): ScreeningSummary | null {
	if (!text) return null;
	try {
		const parsed = JSON.parse(text) as Partial<ScreeningSummary>;
		if (typeof parsed.recommendation !== 'string') return null;
		return {
			recommendation: parsed.recommendation,
			clinicianReview: parsed.clinicianReview === true,
			precautions: Array.isArray(parsed.precautions) ? parsed.precautions.filter((p): p is string => typeof p === 'string') : []
		};
	} catch {
		return null;
	}
}

/** The screening stored with one appointment of this clinic, if the patient brought one. */
export async function findCarriedScreening(db: Kysely<DB>, clinicId: string, appointmentId: string): Promise<ScreeningSummary | null> {
	const row = await db.selectFrom('appointment').select('screening').where('clinicId', '=', clinicId).where('id', '=', appointmentId).executeTakeFirst();
	return screeningOf(row?.screening ?? null);
}
