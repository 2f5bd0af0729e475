import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { Answers, FormDefinition } from '../../shared/intake/form-definition';
import { answersFromResponse, toQuestionnaireResponse } from './questionnaire-response';

export type StoredForm = { id: string; slug: string; version: number; contentHash: string; definition: FormDefinition };

export type IntakeResponse = {
	id: string;
	patientId: string;
	appointmentId: string;
	form: StoredForm;
	status: 'in_progress' | 'submitted';
	answers: Answers;
	enteredBy: 'patient' | 'staff';
	enteredByStaffId: string | null;
	updatedAt: Date;
	submittedAt: Date | null;
};

export type IntakeAlert = { appointmentId: string; patientId: string; redFlags: string[]; urgent: boolean; raisedAt: Date };

export function contentHashOf(definition: FormDefinition): string {
	return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

function toStoredForm(row: { id: string; slug: string; version: number; contentHash: string; definition: string }): StoredForm {
	return { id: row.id, slug: row.slug, version: row.version, contentHash: row.contentHash, definition: JSON.parse(row.definition) as FormDefinition };
}

/**
 * The stored version whose content is exactly `definition`, publishing it as the next version
 * when there is none. Published rows are never updated, so answers keep their version.
 */
export async function publishedVersionOf(db: Kysely<DB>, clinicId: string, definition: FormDefinition, now: Date): Promise<StoredForm> {
	const hash = contentHashOf(definition);
	const find = () =>
		db
			.selectFrom('formDefinition')
			.select(['id', 'slug', 'version', 'contentHash', 'definition'])
			.where('clinicId', '=', clinicId)
			.where('slug', '=', definition.slug)
			.where('contentHash', '=', hash)
			.executeTakeFirst();
	const found = await find();
	if (found) return toStoredForm(found);
	const latest = await db
		.selectFrom('formDefinition')
		.select((eb) => eb.fn.max('version').as('version'))
		.where('clinicId', '=', clinicId)
		.where('slug', '=', definition.slug)
		.executeTakeFirst();
	await db
		.insertInto('formDefinition')
		.values({
			id: randomUUID(),
			clinicId,
			slug: definition.slug,
			version: Number(latest?.version ?? 0) + 1,
			title: definition.title,
			contentHash: hash,
			definition: JSON.stringify(definition),
			publishedAt: writeInstant(now)
		})
		// Another instance published the same content (or took the number) first: read theirs.
		.onConflict((oc) => oc.doNothing())
		.execute();
	const stored = await find();
	if (!stored) throw new Error('form version could not be published');
	return toStoredForm(stored);
}

export async function findFormById(db: Kysely<DB>, id: string): Promise<StoredForm | undefined> {
	const row = await db.selectFrom('formDefinition').select(['id', 'slug', 'version', 'contentHash', 'definition']).where('id', '=', id).executeTakeFirst();
	return row && toStoredForm(row);
}

const RESPONSE_COLUMNS = [
	'r.id',
	'r.patientId',
	'r.appointmentId',
	'r.formId',
	'r.slug',
	'f.version as formVersion',
	'f.contentHash',
	'f.definition',
	'r.status',
	'r.answers',
	'r.enteredBy',
	'r.enteredByStaffId',
	'r.updatedAt',
	'r.submittedAt'
] as const;

type ResponseRow = {
	id: string;
	patientId: string;
	appointmentId: string;
	formId: string;
	slug: string;
	formVersion: number;
	contentHash: string;
	definition: string;
	status: 'in_progress' | 'submitted';
	answers: string;
	enteredBy: 'patient' | 'staff';
	enteredByStaffId: string | null;
	updatedAt: Date | string;
	submittedAt: Date | string | null;
};

function toResponse(row: ResponseRow): IntakeResponse {
	const form = toStoredForm({ id: row.formId, slug: row.slug, version: row.formVersion, contentHash: row.contentHash, definition: row.definition });
	return {
		id: row.id,
		patientId: row.patientId,
		appointmentId: row.appointmentId,
		form,
		status: row.status,
		enteredBy: row.enteredBy,
		enteredByStaffId: row.enteredByStaffId,
		answers: answersFromResponse(JSON.parse(row.answers), form.definition),
		updatedAt: readInstant(row.updatedAt),
		submittedAt: row.submittedAt === null ? null : readInstant(row.submittedAt)
	};
}

export async function findResponse(db: Kysely<DB>, appointmentId: string, slug: string): Promise<IntakeResponse | undefined> {
	const row = await db
		.selectFrom('formResponse as r')
		.innerJoin('formDefinition as f', 'f.id', 'r.formId')
		.select(RESPONSE_COLUMNS)
		.where('r.appointmentId', '=', appointmentId)
		.where('r.slug', '=', slug)
		.executeTakeFirst();
	return row && toResponse(row);
}

export async function findResponsesOfPatient(db: Kysely<DB>, clinicId: string, patientId: string): Promise<IntakeResponse[]> {
	const rows = await db
		.selectFrom('formResponse as r')
		.innerJoin('formDefinition as f', 'f.id', 'r.formId')
		.select(RESPONSE_COLUMNS)
		.where('r.clinicId', '=', clinicId)
		.where('r.patientId', '=', patientId)
		.orderBy('r.updatedAt', 'desc')
		.execute();
	return rows.map(toResponse);
}

export type ResponseWrite = {
	clinicId: string;
	patientId: string;
	appointmentId: string;
	form: StoredForm;
	answers: Answers;
	status: 'in_progress' | 'submitted';
	enteredBy: 'patient' | 'staff';
	enteredByStaffId: string | null;
	now: Date;
};

/** Inserts the first answers of a visit's form, or replaces them (keeping the form version). */
export async function saveResponse(db: Kysely<DB>, existing: IntakeResponse | undefined, w: ResponseWrite): Promise<void> {
	const now = writeInstant(w.now);
	const json = JSON.stringify(toQuestionnaireResponse(w.form, w.answers, w.status));
	const submittedAt = w.status === 'submitted' ? now : null;
	if (existing) {
		await db
			.updateTable('formResponse')
			.set({ answers: json, status: w.status, enteredBy: w.enteredBy, enteredByStaffId: w.enteredByStaffId, updatedAt: now, submittedAt })
			.where('id', '=', existing.id)
			.where('status', '=', 'in_progress')
			.execute();
		return;
	}
	await db
		.insertInto('formResponse')
		.values({
			id: randomUUID(),
			clinicId: w.clinicId,
			patientId: w.patientId,
			appointmentId: w.appointmentId,
			formId: w.form.id,
			slug: w.form.slug,
			status: w.status,
			answers: json,
			enteredBy: w.enteredBy,
			enteredByStaffId: w.enteredByStaffId,
			createdAt: now,
			updatedAt: now,
			submittedAt
		})
		.execute();
}

export async function findAlert(db: Kysely<DB>, appointmentId: string): Promise<IntakeAlert | undefined> {
	const row = await db
		.selectFrom('intakeAlert')
		.select(['appointmentId', 'patientId', 'redFlags', 'urgent', 'raisedAt'])
		.where('appointmentId', '=', appointmentId)
		.where('clearedAt', 'is', null)
		.executeTakeFirst();
	return row && { ...row, redFlags: JSON.parse(row.redFlags) as string[], urgent: readFlag(row.urgent), raisedAt: readInstant(row.raisedAt) };
}

/** Raises (or widens) the visit's red-flag alert; returns true when it is new. */
export async function raiseAlert(db: Kysely<DB>, a: { appointmentId: string; clinicId: string; patientId: string; redFlags: string[]; urgent: boolean; now: Date }): Promise<boolean> {
	const existing = await db.selectFrom('intakeAlert').select(['redFlags', 'urgent']).where('appointmentId', '=', a.appointmentId).executeTakeFirst();
	if (existing) {
		const flags = [...new Set([...(JSON.parse(existing.redFlags) as string[]), ...a.redFlags])];
		await db
			.updateTable('intakeAlert')
			.set({ redFlags: JSON.stringify(flags), urgent: writeFlag(a.urgent || readFlag(existing.urgent)), clearedAt: null, clearedBy: null })
			.where('appointmentId', '=', a.appointmentId)
			.execute();
		return false;
	}
	await db
		.insertInto('intakeAlert')
		.values({ appointmentId: a.appointmentId, clinicId: a.clinicId, patientId: a.patientId, redFlags: JSON.stringify(a.redFlags), urgent: writeFlag(a.urgent), raisedAt: writeInstant(a.now) })
		.execute();
	return true;
}

/** Appointment ids among `ids` that carry an open red-flag alert (for calendar badges). */
export async function alertedAppointments(db: Kysely<DB>, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db.selectFrom('intakeAlert').select('appointmentId').where('appointmentId', 'in', ids).where('clearedAt', 'is', null).execute();
	return new Set(rows.map((r) => r.appointmentId));
}
