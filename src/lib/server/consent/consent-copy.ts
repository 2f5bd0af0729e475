import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema';
import { readInstant } from '../db/values';
import { PermanentJobError, type ClaimedJob } from '../jobs/job';
import type { JobHandler } from '../jobs/worker';
import { deliverOnce, type NotificationEnv } from '../notifications/deliver';
import { CONSENT_MODALITY_LABELS } from '../../shared/consent';
import { renderConsentPdf, type ConsentCopy } from './consent-pdf';
import { CONSENT_COPY_JOB_KIND } from './consent-copy-keys';

/** Loads everything the patient's copy prints, from the stored signature (never from the job's payload). */
export async function loadConsentCopy(db: Kysely<DB>, signatureId: string): Promise<(ConsentCopy & { email: string; modality: string }) | undefined> {
	const row = await db
		.selectFrom('consentSignature as s')
		.innerJoin('consentDocumentVersion as d', 'd.id', 's.documentVersionId')
		.innerJoin('patient as p', 'p.id', 's.patientId')
		.innerJoin('clinic as c', 'c.id', 's.clinicId')
		.leftJoin('staff as w', 'w.id', 's.witnessStaffId')
		.select([
			's.id',
			's.modality',
			's.signerName',
			's.signerRole',
			's.guardianRelationship',
			's.signedOn',
			's.signedAt',
			's.via',
			's.ip',
			'w.name as witnessName',
			'd.title',
			'd.body',
			'd.notice',
			'd.version',
			'd.hash',
			'd.publishedAt',
			'p.firstName',
			'p.lastName',
			'p.dateOfBirth',
			'p.email',
			'c.name as clinicName',
			'c.phone as clinicPhone',
			'c.email as clinicEmail',
			'c.street',
			'c.city',
			'c.region',
			'c.postalCode',
			'c.timeZone'
		])
		.where('s.id', '=', signatureId)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		email: row.email,
		modality: row.modality,
		clinic: { name: row.clinicName, phone: row.clinicPhone, email: row.clinicEmail, address: `${row.street}, ${row.city}, ${row.region} ${row.postalCode}`, timeZone: row.timeZone },
		patient: { name: `${row.firstName} ${row.lastName}`, dateOfBirth: row.dateOfBirth },
		document: { title: row.title, body: row.body, notice: row.notice, version: row.version, hash: row.hash, publishedAt: readInstant(row.publishedAt) },
		signature: {
			id: row.id,
			signerName: row.signerName,
			signerRole: row.signerRole,
			guardianRelationship: row.guardianRelationship,
			signedOn: row.signedOn,
			signedAt: readInstant(row.signedAt),
			via: row.via,
			witnessName: row.witnessName,
			ip: row.ip
		}
	};
}

const payloadSchema = z.object({ signatureId: z.string().min(1) });

/**
 * Emails the patient their copy of a signed consent, as a PDF attachment, exactly once (the same
 * delivery marks as appointment emails). The subject and text name no treatment: they show on
 * lock screens.
 */
export const consentCopyHandler: JobHandler<NotificationEnv> = {
	kind: CONSENT_COPY_JOB_KIND,
	async run(job: ClaimedJob, run) {
		const parsed = payloadSchema.safeParse(job.payload);
		if (!parsed.success) throw new PermanentJobError('bad_payload');
		await deliverOnce(job, run, { key: job.key, appointmentId: null, kind: 'consent_copy' }, async () => {
			const copy = await loadConsentCopy(run.db, parsed.data.signatureId);
			if (!copy) return { skip: 'signature_missing', orphan: true };
			const pdf = await renderConsentPdf(copy);
			const label = CONSENT_MODALITY_LABELS[copy.modality as keyof typeof CONSENT_MODALITY_LABELS] ?? 'consent';
			return {
				send: {
					to: copy.email,
					replyTo: copy.clinic.email,
					subject: `Your signed form from ${copy.clinic.name}`,
					text:
						`Hello,\n\nThank you for signing. Attached is your copy of the form you signed with ${copy.clinic.name} ` +
						`(version ${copy.document.version}). Keep it for your records.\n\n` +
						`You may withdraw your consent at any time: call ${copy.clinic.phone} or tell us at your next visit.\n\n${copy.clinic.name}\n`,
					attachments: [{ filename: `${label.toLowerCase().replace(/\s+/g, '-')}-consent-v${copy.document.version}.pdf`, content: pdf, contentType: 'application/pdf' }]
				}
			};
		});
	}
};
