import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ConsentDocumentVersionTable, ConsentSignatureTable, ConsentVia, DB } from '../db/schema';
import { readFlag, readInstant, writeFlag, writeInstant } from '../db/values';
import type { ConsentModality } from '../../shared/consent';
import { consentHash, type ConsentDocumentVersion } from './consent-document';

/** Consent documents, signatures, withdrawals and settings. Signatures and versions are append-only. */

function toVersion(row: Selectable<ConsentDocumentVersionTable>): ConsentDocumentVersion {
	return {
		id: row.id,
		clinicId: row.clinicId,
		modality: row.modality,
		version: row.version,
		title: row.title,
		body: row.body,
		notice: row.notice,
		hash: row.hash,
		publishedAt: readInstant(row.publishedAt),
		publishedBy: row.publishedBy
	};
}

/** The newest published version of every modality (at or before `at` when given). */
export async function latestVersions(db: Kysely<DB>, clinicId: string, at?: Date): Promise<ConsentDocumentVersion[]> {
	let q = db.selectFrom('consentDocumentVersion').selectAll().where('clinicId', '=', clinicId);
	if (at) q = q.where('publishedAt', '<=', writeInstant(at));
	const rows = await q.orderBy('modality').orderBy('version', 'desc').execute();
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(r.modality) && seen.add(r.modality)).map(toVersion);
}

export async function latestVersion(db: Kysely<DB>, clinicId: string, modality: ConsentModality, at?: Date): Promise<ConsentDocumentVersion | undefined> {
	let q = db.selectFrom('consentDocumentVersion').selectAll().where('clinicId', '=', clinicId).where('modality', '=', modality);
	if (at) q = q.where('publishedAt', '<=', writeInstant(at));
	const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
	return row ? toVersion(row) : undefined;
}

export async function versionHistory(db: Kysely<DB>, clinicId: string, modality: ConsentModality): Promise<ConsentDocumentVersion[]> {
	const rows = await db.selectFrom('consentDocumentVersion').selectAll().where('clinicId', '=', clinicId).where('modality', '=', modality).orderBy('version', 'desc').execute();
	return rows.map(toVersion);
}

export type NewVersion = { clinicId: string; modality: ConsentModality; title: string; body: string; notice: string; publishedBy: string | null; now: Date };

/** Publishes the next version; the unique (clinic, modality, version) key refuses a racing twin. */
export async function insertVersion(db: Kysely<DB>, input: NewVersion): Promise<ConsentDocumentVersion> {
	const previous = await latestVersion(db, input.clinicId, input.modality);
	const row = await db
		.insertInto('consentDocumentVersion')
		.values({
			id: randomUUID(),
			clinicId: input.clinicId,
			modality: input.modality,
			version: (previous?.version ?? 0) + 1,
			title: input.title,
			body: input.body,
			notice: input.notice,
			hash: consentHash(input),
			publishedAt: writeInstant(input.now),
			publishedBy: input.publishedBy
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	return toVersion(row);
}

export type ConsentSettings = { dryNeedlingNotAcupuncture: boolean; resignOnNewVersion: boolean };
export const DEFAULT_CONSENT_SETTINGS: ConsentSettings = { dryNeedlingNotAcupuncture: false, resignOnNewVersion: true };

export async function readSettings(db: Kysely<DB>, clinicId: string): Promise<ConsentSettings> {
	const row = await db.selectFrom('consentSetting').selectAll().where('clinicId', '=', clinicId).executeTakeFirst();
	if (!row) return DEFAULT_CONSENT_SETTINGS;
	return { dryNeedlingNotAcupuncture: readFlag(row.dryNeedlingNotAcupuncture), resignOnNewVersion: readFlag(row.resignOnNewVersion) };
}

export async function writeSettings(db: Kysely<DB>, clinicId: string, settings: ConsentSettings, now: Date): Promise<void> {
	const values = {
		dryNeedlingNotAcupuncture: writeFlag(settings.dryNeedlingNotAcupuncture),
		resignOnNewVersion: writeFlag(settings.resignOnNewVersion),
		updatedAt: writeInstant(now)
	};
	await db
		.insertInto('consentSetting')
		.values({ clinicId, ...values })
		.onConflict((oc) => oc.column('clinicId').doUpdateSet(values))
		.execute();
}

/** A signature as stored, with its withdrawal when there is one. */
export type ConsentSignature = {
	id: string;
	clinicId: string;
	patientId: string;
	documentVersionId: string;
	modality: ConsentModality;
	documentVersion: number;
	documentHash: string;
	signerName: string;
	signerRole: 'patient' | 'guardian';
	guardianRelationship: string | null;
	signedOn: string;
	signedAt: Date;
	via: ConsentVia;
	witnessStaffId: string | null;
	witnessName: string | null;
	withdrawnAt: Date | null;
};

type SignatureRow = Selectable<ConsentSignatureTable> & { withdrawnAt: Date | string | null; witnessName: string | null };

function toSignature(row: SignatureRow): ConsentSignature {
	return {
		id: row.id,
		clinicId: row.clinicId,
		patientId: row.patientId,
		documentVersionId: row.documentVersionId,
		modality: row.modality,
		documentVersion: row.documentVersion,
		documentHash: row.documentHash,
		signerName: row.signerName,
		signerRole: row.signerRole,
		guardianRelationship: row.guardianRelationship,
		signedOn: row.signedOn,
		signedAt: readInstant(row.signedAt),
		via: row.via,
		witnessStaffId: row.witnessStaffId,
		witnessName: row.witnessName,
		withdrawnAt: row.withdrawnAt === null ? null : readInstant(row.withdrawnAt)
	};
}

function signatures(db: Kysely<DB>) {
	return db
		.selectFrom('consentSignature as s')
		.leftJoin('consentWithdrawal as w', 'w.signatureId', 's.id')
		.leftJoin('staff as st', 'st.id', 's.witnessStaffId')
		.selectAll('s')
		.select(['w.withdrawnAt', 'st.name as witnessName']);
}

/** Each patient's latest signature per modality made at or before `at`. */
export async function latestSignatures(db: Kysely<DB>, clinicId: string, patientIds: readonly string[], at: Date): Promise<ConsentSignature[]> {
	if (patientIds.length === 0) return [];
	const rows = await signatures(db)
		.where('s.clinicId', '=', clinicId)
		.where('s.patientId', 'in', [...patientIds])
		.where('s.signedAt', '<=', writeInstant(at))
		.orderBy('s.signedAt', 'desc')
		.orderBy('s.id')
		.execute();
	const seen = new Set<string>();
	return rows.filter((r) => !seen.has(`${r.patientId}|${r.modality}`) && seen.add(`${r.patientId}|${r.modality}`)).map(toSignature);
}

export async function findSignature(db: Kysely<DB>, clinicId: string, id: string): Promise<ConsentSignature | undefined> {
	const row = await signatures(db).where('s.clinicId', '=', clinicId).where('s.id', '=', id).executeTakeFirst();
	return row ? toSignature(row) : undefined;
}

export async function signatureHistory(db: Kysely<DB>, clinicId: string, patientId: string): Promise<ConsentSignature[]> {
	const rows = await signatures(db).where('s.clinicId', '=', clinicId).where('s.patientId', '=', patientId).orderBy('s.signedAt', 'desc').execute();
	return rows.map(toSignature);
}

export type NewSignature = Omit<ConsentSignature, 'id' | 'witnessName' | 'withdrawnAt'> & { ip: string | null; userAgent: string | null };

export async function insertSignature(db: Kysely<DB>, input: NewSignature): Promise<string> {
	const id = randomUUID();
	await db
		.insertInto('consentSignature')
		.values({ id, ...input, signedAt: writeInstant(input.signedAt) })
		.execute();
	return id;
}

export type NewWithdrawal = { signatureId: string; patientId: string; at: Date; via: ConsentVia; recordedBy: string | null; ip: string | null; userAgent: string | null };

/** False when that signature was already withdrawn (the primary key refuses a second row). */
export async function insertWithdrawal(db: Kysely<DB>, input: NewWithdrawal): Promise<boolean> {
	const result = await db
		.insertInto('consentWithdrawal')
		.values({
			signatureId: input.signatureId,
			patientId: input.patientId,
			withdrawnAt: writeInstant(input.at),
			via: input.via,
			recordedBy: input.recordedBy,
			ip: input.ip,
			userAgent: input.userAgent
		})
		.onConflict((oc) => oc.column('signatureId').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export type VisitForConsent = {
	appointmentId: string;
	startsAt: Date;
	serviceName: string;
	serviceKind: string;
	providerName: string;
	patientId: string;
	patientName: string;
	dateOfBirth: string;
};

/** Appointments (not cancelled) of the given service kinds starting in [fromMs, untilMs), with their patients. */
export async function visitsOfKinds(db: Kysely<DB>, clinicId: string, kinds: readonly string[], fromMs: number, untilMs: number, patientId?: string): Promise<VisitForConsent[]> {
	let q = db
		.selectFrom('appointment as a')
		.innerJoin('service as s', 's.id', 'a.serviceId')
		.innerJoin('staff as st', 'st.id', 'a.providerId')
		.innerJoin('patient as p', 'p.id', 'a.patientId')
		.select(['a.id', 'a.startsAt', 's.name as serviceName', 's.kind', 'st.name as providerName', 'p.id as patientId', 'p.firstName', 'p.lastName', 'p.dateOfBirth'])
		.where('a.clinicId', '=', clinicId)
		.where('s.kind', 'in', [...kinds])
		.where('a.status', '!=', 'cancelled')
		.where('a.startsAt', '>=', new Date(fromMs).toISOString())
		.where('a.startsAt', '<', new Date(untilMs).toISOString());
	if (patientId) q = q.where('a.patientId', '=', patientId);
	const rows = await q.orderBy('a.startsAt').execute();
	return rows.map((r) => ({
		appointmentId: r.id,
		startsAt: readInstant(r.startsAt),
		serviceName: r.serviceName,
		serviceKind: r.kind,
		providerName: r.providerName,
		patientId: r.patientId,
		patientName: `${r.firstName} ${r.lastName}`,
		dateOfBirth: r.dateOfBirth
	}));
}

/** The patient and service kind of one appointment of the clinic. */
export async function appointmentPatientAndKind(db: Kysely<DB>, clinicId: string, appointmentId: string): Promise<{ patientId: string; dateOfBirth: string; kind: string } | undefined> {
	return db
		.selectFrom('appointment as a')
		.innerJoin('service as s', 's.id', 'a.serviceId')
		.innerJoin('patient as p', 'p.id', 'a.patientId')
		.select(['p.id as patientId', 'p.dateOfBirth', 's.kind'])
		.where('a.id', '=', appointmentId)
		.where('a.clinicId', '=', clinicId)
		.executeTakeFirst();
}
