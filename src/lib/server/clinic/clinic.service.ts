import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { DomainError, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { writeTransaction } from '../db/write-transaction';
import { recordAudit } from '../audit/audit.service';
import { clinicDetailsInput } from '../../shared/clinic.schema';
import type { Clinic, OpeningRange } from './clinic';
import { findClinicById, findPrimaryClinic, replaceOpeningHours, updateClinic } from './clinic.repository';

/**
 * The clinic a request works in, the one place it is decided: a staff member's own clinic (from
 * the session, never from the request), or for anonymous visitors and system jobs the clinic the
 * public site belongs to. Every service scopes its queries by this clinic's id.
 */
export async function getClinic(ctx: Ctx): Promise<Clinic> {
	const clinic = ctx.actor.kind === 'staff' ? await findClinicById(ctx.db, ctx.actor.clinicId) : await findPrimaryClinic(ctx.db);
	if (!clinic) throw new DomainError('not_found', 'No clinic is set up yet. Run `npm run seed` or create one.');
	return clinic;
}

export async function updateClinicDetails(ctx: Ctx, input: unknown): Promise<Clinic> {
	authorize(ctx.actor, 'clinic:manage');
	const details = parseInput(clinicDetailsInput, input);
	const { hours: slots, ...fields } = details;
	const overlapping = findOverlappingSlot(slots);
	if (overlapping !== undefined) {
		throw validationFailed({ [`hours.${overlapping}.opens`]: 'This range overlaps another range on the same day.' });
	}
	const hours = slots.filter((slot) => slot.opens !== '');
	return writeTransaction(ctx.db, async (trx) => {
		const inTrx = { ...ctx, db: trx };
		const clinic = await getClinic(inTrx);
		await updateClinic(trx, clinic.id, fields, ctx.clock.now());
		await replaceOpeningHours(trx, clinic.id, hours);
		await recordAudit(inTrx, { action: 'settings.clinic_updated', entityType: 'clinic', entityId: clinic.id });
		return getClinic(inTrx);
	});
}

/** Index of a filled slot that overlaps an earlier range of the same weekday, if any. */
function findOverlappingSlot(slots: OpeningRange[]): number | undefined {
	const filled = slots.map((slot, index) => ({ ...slot, index })).filter((slot) => slot.opens !== '');
	filled.sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
	for (let i = 1; i < filled.length; i++) {
		const previous = filled[i - 1]!;
		const current = filled[i]!;
		if (previous.weekday === current.weekday && current.opens < previous.closes) return current.index;
	}
	return undefined;
}
