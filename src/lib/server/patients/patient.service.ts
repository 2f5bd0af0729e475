import { z } from 'zod';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { writeTransaction } from '../db/write-transaction';
import { notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { listCalendar, type CalendarEntry } from '../booking/appointment.repository';
import type { Patient } from './patient';
import { findPatient, mergePatientRows, searchPatients as search } from './patient.repository';

/**
 * Staff access to patients. Every call checks policy first and writes one audit event; reading a
 * patient names them in it (patientId), a search lists the ids of the patients it showed.
 */

const searchInput = z.object({
	q: z
		.string({ error: 'Type a name, email, phone number or date of birth.' })
		.trim()
		.min(2, 'Type at least 2 characters.')
		.max(100, 'Type at most 100 characters.')
});

export async function findPatients(ctx: Ctx, raw: unknown): Promise<Patient[]> {
	authorize(ctx.actor, 'patient:read');
	const { q } = parseInput(searchInput, raw);
	const clinic = await getClinic(ctx);
	const found = await search(ctx.db, clinic.id, q);
	// The ids of everyone listed (never the words typed): a search shows names, dates of birth and
	// contact details, so the trail must say whose.
	await recordAudit(ctx, { action: 'patient.searched', entityType: 'patient', detail: { results: found.length, patients: found.map((p) => p.id) } });
	return found;
}

export type PatientRecord = { patient: Patient; appointments: CalendarEntry[] };

/** A patient with their appointments; a merged duplicate shows where it went. */
export async function getPatientRecord(ctx: Ctx, id: string): Promise<PatientRecord> {
	authorize(ctx.actor, 'patient:read');
	const clinic = await getClinic(ctx);
	const patient = await findPatient(ctx.db, clinic.id, id);
	if (!patient) throw notFound('patient');
	const appointments = await listCalendar(ctx.db, clinic.id, 0, Date.UTC(9999, 0), { patientId: patient.id, includeCancelled: true });
	await recordAudit(ctx, { action: 'patient.viewed', entityType: 'patient', entityId: patient.id, patientId: patient.id });
	return { patient, appointments };
}

const mergeInput = z.object({ duplicateId: z.string({ error: 'Choose the duplicate record.' }).min(1, 'Choose the duplicate record.').max(100) });

/**
 * Folds a duplicate into `survivorId`: its appointments move over and it is marked merged (kept,
 * not deleted, so the audit trail's patient ids still resolve). Audited once per record touched.
 */
export async function mergePatients(ctx: Ctx, survivorId: string, raw: unknown): Promise<Patient> {
	authorize(ctx.actor, 'patient:merge');
	const { duplicateId } = parseInput(mergeInput, raw);
	if (duplicateId === survivorId) throw validationFailed({ duplicateId: 'Choose a different record: a patient cannot be merged into itself.' });
	const clinic = await getClinic(ctx);
	return writeTransaction(ctx.db, async (trx) => {
		const survivor = await findPatient(trx, clinic.id, survivorId);
		const duplicate = await findPatient(trx, clinic.id, duplicateId);
		if (!survivor || survivor.mergedIntoId) throw notFound('patient');
		if (!duplicate) throw validationFailed({ duplicateId: 'That record was not found.' });
		if (duplicate.mergedIntoId) throw validationFailed({ duplicateId: 'That record was already merged.' });
		const moved = await mergePatientRows(trx, survivor.id, duplicate.id, ctx.clock.now());
		const inTrx = { ...ctx, db: trx };
		await recordAudit(inTrx, { action: 'patient.merged', entityType: 'patient', entityId: survivor.id, patientId: survivor.id, detail: { mergedFrom: duplicate.id, appointmentsMoved: moved } });
		await recordAudit(inTrx, { action: 'patient.merged', entityType: 'patient', entityId: duplicate.id, patientId: duplicate.id, detail: { mergedInto: survivor.id } });
		return survivor;
	});
}
