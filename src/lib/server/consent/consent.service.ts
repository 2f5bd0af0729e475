import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import type { Clinic } from '../clinic/clinic';
import { writeTransaction } from '../db/write-transaction';
import { DomainError, forbidden, notFound, validationFailed } from '../errors';
import { enqueueJob } from '../jobs/job.repository';
import { findPatient } from '../patients/patient.repository';
import type { Patient } from '../patients/patient';
import { addDays, localDateOf, localDay } from '../scheduling/zoned-time';
import { AGE_OF_CONSENT, CONSENT_MODALITIES, type ConsentModality, type ConsentStatus } from '../../shared/consent';
import type { ConsentDocumentVersion } from './consent-document';
import { parseModality } from './consent-document.service';
import { ageOn, decideConsentStatus } from './consent-status';
import { checkSignature, type SigningForm } from './consent-signing';
import {
	appointmentPatientAndKind,
	insertSignature,
	insertWithdrawal,
	latestSignatures,
	latestVersion,
	latestVersions,
	readSettings,
	signatureHistory,
	visitsOfKinds,
	type ConsentSignature
} from './consent.repository';
import { CONSENT_COPY_JOB_KIND, consentCopyKey } from './consent-copy-keys';

/**
 * Who is signing or withdrawing, and through what. `email` and `tablet` subjects come only from a
 * resolved forms link (openFormsLink); `staff` means in the clinic, witnessed by the signed-in
 * staff member (the witness is always ctx.actor, whatever the caller passes).
 */
export type ConsentSubject = { patientId: string; clinicId: string; via: 'email' | 'tablet' | 'staff'; witnessStaffId?: string };

/** Service kinds whose visits put needles in: the consent each needs. */
export const NEEDLING_KINDS: Partial<Record<string, ConsentModality>> = { dry_needling: 'dry_needling', acupuncture: 'acupuncture' };

type StatusBasis = { clinic: Clinic; resignOnNewVersion: boolean; versions: Map<ConsentModality, ConsentDocumentVersion>; signatures: ConsentSignature[] };

async function statusBasis(ctx: Ctx, clinic: Clinic, patientIds: readonly string[], at: Date): Promise<StatusBasis> {
	const [settings, versions, signatures] = await Promise.all([
		readSettings(ctx.db, clinic.id),
		latestVersions(ctx.db, clinic.id, at),
		latestSignatures(ctx.db, clinic.id, patientIds, at)
	]);
	return { clinic, resignOnNewVersion: settings.resignOnNewVersion, versions: new Map(versions.map((v) => [v.modality, v])), signatures };
}

function statusFrom(basis: StatusBasis, patient: { id: string; dateOfBirth: string }, modality: ConsentModality, at: Date): ConsentStatus {
	const signature = basis.signatures.find((s) => s.patientId === patient.id && s.modality === modality);
	return decideConsentStatus({
		signature: signature && {
			version: signature.documentVersion,
			signedAt: signature.signedAt,
			signerRole: signature.signerRole,
			signedOnLocal: localDateOf(signature.signedAt.getTime(), basis.clinic.timeZone),
			withdrawnAt: signature.withdrawnAt
		},
		latestVersion: basis.versions.get(modality)?.version ?? 0,
		resignOnNewVersion: basis.resignOnNewVersion,
		patientDateOfBirth: patient.dateOfBirth,
		localDate: localDateOf(at.getTime(), basis.clinic.timeZone),
		at
	});
}

async function patientOf(ctx: Ctx, clinic: Clinic, patientId: string): Promise<Patient> {
	const patient = await findPatient(ctx.db, clinic.id, patientId);
	if (!patient) throw notFound('patient');
	return patient;
}

/**
 * THE answer to "may we treat this patient with this modality at `at`?":
 * 'valid' | 'missing' | 'outdated' (a newer version needs signing, per the clinic's setting, or a
 * guardian's consent for a patient who has since turned 18) | 'withdrawn'. Audited.
 * Charting calls this before accepting a needle entry: anything but 'valid' refuses.
 */
export async function consentStatus(ctx: Ctx, patientId: string, modality: ConsentModality, at: Date = ctx.clock.now()): Promise<ConsentStatus> {
	authorize(ctx.actor, 'consent:read');
	const clinic = await getClinic(ctx);
	const patient = await patientOf(ctx, clinic, patientId);
	const status = statusFrom(await statusBasis(ctx, clinic, [patient.id], at), patient, modality, at);
	await recordAudit(ctx, { action: 'consent.viewed', entityType: 'patient', entityId: patient.id, patientId: patient.id, detail: { modality, status } });
	return status;
}

export type ConsentLine = {
	modality: ConsentModality;
	status: ConsentStatus;
	/** The latest signature on file (valid or not). */
	signature: ConsentSignature | undefined;
	latest: ConsentDocumentVersion | undefined;
};

/** Every modality's status for one patient, with the signature behind it. One audit event. */
export async function consentOverview(ctx: Ctx, patientId: string, at: Date = ctx.clock.now()): Promise<{ lines: ConsentLine[]; history: ConsentSignature[]; minor: boolean }> {
	authorize(ctx.actor, 'consent:read');
	const clinic = await getClinic(ctx);
	const patient = await patientOf(ctx, clinic, patientId);
	const basis = await statusBasis(ctx, clinic, [patient.id], at);
	const lines = CONSENT_MODALITIES.map((modality) => ({
		modality,
		status: statusFrom(basis, patient, modality, at),
		signature: basis.signatures.find((s) => s.modality === modality),
		latest: basis.versions.get(modality)
	}));
	const history = await signatureHistory(ctx.db, clinic.id, patient.id);
	await recordAudit(ctx, { action: 'consent.viewed', entityType: 'patient', entityId: patient.id, patientId: patient.id });
	return { lines, history, minor: isMinor(patient, clinic, at) };
}

function isMinor(patient: Patient, clinic: Clinic, at: Date): boolean {
	return ageOn(patient.dateOfBirth, localDateOf(at.getTime(), clinic.timeZone)) < AGE_OF_CONSENT;
}

/** The consent a visit of this service kind needs, with its status, for the appointment page. */
export async function visitConsentStatus(ctx: Ctx, appointmentId: string, at: Date = ctx.clock.now()): Promise<{ modality: ConsentModality; status: ConsentStatus } | undefined> {
	authorize(ctx.actor, 'consent:read');
	const clinic = await getClinic(ctx);
	const row = await appointmentPatientAndKind(ctx.db, clinic.id, appointmentId);
	const modality = row && NEEDLING_KINDS[row.kind];
	if (!row || !modality) return undefined;
	const status = statusFrom(await statusBasis(ctx, clinic, [row.patientId], at), { id: row.patientId, dateOfBirth: row.dateOfBirth }, modality, at);
	await recordAudit(ctx, { action: 'consent.viewed', entityType: 'appointment', entityId: appointmentId, patientId: row.patientId, detail: { modality, status } });
	return { modality, status };
}

export type PendingConsent = { modality: ConsentModality; title: string; version: number; status: ConsentStatus; required: boolean };

/**
 * What the forms hub should offer this patient to sign now: the general treatment consent and the
 * privacy notice always, the needling consents their upcoming visits need, and electrical
 * stimulation (optional) alongside any needling. Signed, current documents are left out.
 */
export async function pendingConsents(ctx: Ctx, patientId: string, at: Date = ctx.clock.now()): Promise<PendingConsent[]> {
	const clinic = await getClinic(ctx);
	if (ctx.actor.kind === 'staff') authorize(ctx.actor, 'consent:read');
	const patient = await patientOf(ctx, clinic, patientId);
	const visits = await visitsOfKinds(ctx.db, clinic.id, Object.keys(NEEDLING_KINDS), at.getTime(), Date.UTC(9999, 0), patient.id);
	const wanted = new Map<ConsentModality, boolean>([
		['general_treatment', true],
		['privacy_notice', true]
	]);
	for (const visit of visits) {
		const modality = NEEDLING_KINDS[visit.serviceKind];
		if (modality) wanted.set(modality, true);
	}
	if (visits.length > 0) wanted.set('electrical_stimulation', false);
	const basis = await statusBasis(ctx, clinic, [patient.id], at);
	const pending: PendingConsent[] = [];
	for (const modality of CONSENT_MODALITIES) {
		const document = basis.versions.get(modality);
		if (!wanted.has(modality) || !document) continue;
		const status = statusFrom(basis, patient, modality, at);
		if (status !== 'valid') pending.push({ modality, title: document.title, version: document.version, status, required: wanted.get(modality)! });
	}
	await recordAudit(ctx, { action: 'consent.viewed', entityType: 'patient', entityId: patient.id, patientId: patient.id, detail: { pending: pending.length } });
	return pending;
}

function assertSubject(ctx: Ctx, subject: ConsentSubject): { witnessStaffId: string | null } {
	if (subject.via !== 'staff') return { witnessStaffId: null };
	authorize(ctx.actor, 'consent:record');
	if (ctx.actor.kind !== 'staff') throw forbidden();
	return { witnessStaffId: ctx.actor.staffId };
}

export type SigningContext = { clinic: Clinic; patient: Patient; document: ConsentDocumentVersion; minor: boolean; today: string; status: ConsentStatus };

/** Everything the signing page shows (no audit: callers audit the page view). */
export async function signingContext(ctx: Ctx, subject: ConsentSubject, rawModality: string): Promise<SigningContext> {
	assertSubject(ctx, subject);
	const modality = parseModality(rawModality);
	const clinic = await getClinic(ctx);
	if (clinic.id !== subject.clinicId) throw notFound('patient');
	const patient = await patientOf(ctx, clinic, subject.patientId);
	if (patient.mergedIntoId) throw notFound('patient');
	const now = ctx.clock.now();
	const document = await latestVersion(ctx.db, clinic.id, modality, now);
	if (!document) throw notFound('consent document');
	const status = statusFrom(await statusBasis(ctx, clinic, [patient.id], now), patient, modality, now);
	return { clinic, patient, document, minor: isMinor(patient, clinic, now), today: localDateOf(now.getTime(), clinic.timeZone), status };
}

export type SignedConsent = { signatureId: string; modality: ConsentModality; version: number; hash: string };

/** A signing that did not pass: field messages, and whether the document changed underneath. */
export class ConsentSigningError extends DomainError {
	constructor(
		fieldErrors: Record<string, string>,
		readonly stale: boolean
	) {
		super(stale ? 'conflict' : 'validation_failed', stale ? 'This document was updated. Please read the new version and sign again.' : 'Please correct the marked fields.', fieldErrors);
	}
}

/**
 * Records one typed signature of the current version of `modality`, with the signer's address and
 * user agent, and queues the PDF copy to the patient. Checks run again inside the transaction, so
 * a version published meanwhile is never signed unseen.
 */
export async function signConsent(ctx: Ctx, subject: ConsentSubject, rawModality: string, form: SigningForm): Promise<SignedConsent> {
	const { witnessStaffId } = assertSubject(ctx, subject);
	const modality = parseModality(rawModality);
	return writeTransaction(ctx.db, async (trx) => {
		const inTrx = { ...ctx, db: trx };
		const context = await signingContext(inTrx, subject, modality);
		const checked = checkSignature(form, { patient: context.patient, minor: context.minor, today: context.today, document: context.document });
		if (!checked.ok) throw new ConsentSigningError(checked.errors, checked.stale);
		const now = ctx.clock.now();
		const signatureId = await insertSignature(trx, {
			clinicId: context.clinic.id,
			patientId: context.patient.id,
			documentVersionId: context.document.id,
			modality,
			documentVersion: context.document.version,
			documentHash: context.document.hash,
			...checked.value,
			signedAt: now,
			via: subject.via,
			witnessStaffId,
			ip: ctx.client.ip,
			userAgent: ctx.client.userAgent
		});
		await enqueueJob(trx, { kind: CONSENT_COPY_JOB_KIND, key: consentCopyKey(signatureId), runAt: now, payload: { signatureId }, now });
		await recordAudit(inTrx, {
			action: 'consent.signed',
			entityType: 'consent_signature',
			entityId: signatureId,
			patientId: context.patient.id,
			detail: { modality, version: context.document.version, via: subject.via, signer: checked.value.signerRole }
		});
		return { signatureId, modality, version: context.document.version, hash: context.document.hash };
	});
}

/** Withdraws the patient's current consent for `modality`, effective at once. */
export async function withdrawConsent(ctx: Ctx, subject: ConsentSubject, rawModality: string): Promise<void> {
	const { witnessStaffId } = assertSubject(ctx, subject);
	const modality = parseModality(rawModality);
	const clinic = await getClinic(ctx);
	if (clinic.id !== subject.clinicId) throw notFound('patient');
	await writeTransaction(ctx.db, async (trx) => {
		const inTrx = { ...ctx, db: trx };
		const patient = await patientOf(inTrx, clinic, subject.patientId);
		const now = ctx.clock.now();
		const [signature] = await latestSignatures(trx, clinic.id, [patient.id], now).then((all) => all.filter((s) => s.modality === modality));
		if (!signature || signature.withdrawnAt) throw validationFailed({ modality: 'There is no signed consent to withdraw.' }, 'Nothing to withdraw.');
		await insertWithdrawal(trx, { signatureId: signature.id, patientId: patient.id, at: now, via: subject.via, recordedBy: witnessStaffId, ip: ctx.client.ip, userAgent: ctx.client.userAgent });
		await recordAudit(inTrx, { action: 'consent.withdrawn', entityType: 'consent_signature', entityId: signature.id, patientId: patient.id, detail: { modality, via: subject.via } });
	});
}

export type UnconsentedVisit = { appointmentId: string; startsAt: Date; serviceName: string; providerName: string; patientId: string; patientName: string; modality: ConsentModality; status: ConsentStatus };

/**
 * Needling visits on one clinic day (tomorrow by default) whose patient has no valid consent for
 * that modality as of now. One audit event for the report, one per patient listed.
 */
export async function needlingVisitsWithoutConsent(ctx: Ctx, date?: string): Promise<{ date: string; zone: string; visits: UnconsentedVisit[] }> {
	authorize(ctx.actor, 'consent:read');
	const clinic = await getClinic(ctx);
	const now = ctx.clock.now();
	const day = localDay(clinic.timeZone, date ?? addDays(localDateOf(now.getTime(), clinic.timeZone), 1));
	const visits = await visitsOfKinds(ctx.db, clinic.id, Object.keys(NEEDLING_KINDS), day.startMs, day.endMs);
	const basis = await statusBasis(ctx, clinic, [...new Set(visits.map((v) => v.patientId))], now);
	const missing: UnconsentedVisit[] = [];
	for (const visit of visits) {
		const modality = NEEDLING_KINDS[visit.serviceKind]!;
		const status = statusFrom(basis, { id: visit.patientId, dateOfBirth: visit.dateOfBirth }, modality, now);
		if (status === 'valid') continue;
		const { serviceKind: _kind, dateOfBirth: _dob, ...shown } = visit;
		missing.push({ ...shown, modality, status });
	}
	await recordAudit(ctx, { action: 'consent.report_viewed', detail: { date: day.date, listed: missing.length } });
	for (const patientId of new Set(missing.map((m) => m.patientId))) {
		await recordAudit(ctx, { action: 'consent.viewed', entityType: 'patient', entityId: patientId, patientId, detail: { report: day.date } });
	}
	return { date: day.date, zone: clinic.timeZone, visits: missing };
}
