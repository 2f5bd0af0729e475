import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { formObject } from '../form-data';
import { recordAudit } from '../audit/audit.service';
import { consentBlocks, type ConsentSigningView } from '../../shared/consent';
import { signingForm } from './consent-signing';
import { signConsent, signingContext, type ConsentSubject, type SignedConsent } from './consent.service';

/**
 * Route-agnostic pieces of a consent signing page, used by the staff-witnessed page
 * (/staff/patients/[id]/consent/[modality]) and meant for the patient forms link
 * (/forms/[token]/consent/[modality], subject from openFormsLink). A page does:
 *
 *   load:    return { view: await loadConsentForSigning(ctx, subject, params.modality) }
 *   action:  const result = await signConsentFromForm(ctx, subject, params.modality, await request.formData());
 *            if (!result.ok) return fail(result.status, result);   // kept values + field errors
 *            redirect(303, '…');                                     // post/redirect/get
 *
 * and renders <ConsentSignForm view={data.view} form={form} />.
 */

export type { ConsentSubject } from './consent.service';

/** The document and form defaults for one modality; audited as a view of the patient's consent. */
export async function loadConsentForSigning(ctx: Ctx, subject: ConsentSubject, modality: string): Promise<ConsentSigningView> {
	const context = await signingContext(ctx, subject, modality);
	const d = context.document;
	await recordAudit(ctx, { action: 'consent.viewed', entityType: 'consent_document', entityId: d.id, patientId: context.patient.id, detail: { modality: d.modality, via: subject.via } });
	return {
		document: { modality: d.modality, version: d.version, hash: d.hash, title: d.title, body: d.body, notice: d.notice, publishedAt: d.publishedAt.toISOString() },
		blocks: consentBlocks(d.body),
		patientName: `${context.patient.firstName} ${context.patient.lastName}`,
		minor: context.minor,
		today: context.today,
		status: context.status,
		...(ctx.actor.kind === 'staff' && subject.via === 'staff' ? { witnessName: ctx.actor.name } : {})
	};
}

/** The fields the form keeps after a refusal (never the version and hash: the page shows the current ones). */
export type ConsentFormValues = { fullName: string; date: string; signer: string; relationship: string; agree: boolean };

export type ConsentFormFailure = { ok: false; status: 400 | 409; message: string; errors: Record<string, string>; values: ConsentFormValues };
export type ConsentFormResult = { ok: true; signed: SignedConsent } | ConsentFormFailure;

const MAX_FIELD = 500;

/**
 * Signs from a posted form. Bad input comes back as a failure with per-field messages and what
 * was typed (400; 409 when a new version was published meanwhile); not-found and forbidden are
 * thrown as DomainErrors for the page's error mapper.
 */
export async function signConsentFromForm(ctx: Ctx, subject: ConsentSubject, modality: string, data: FormData): Promise<ConsentFormResult> {
	const raw = formObject(data);
	const clip = (key: string) => String(raw[key] ?? '').slice(0, MAX_FIELD);
	const form = signingForm.parse({
		fullName: clip('fullName'),
		agree: raw.agree === undefined ? undefined : clip('agree'),
		date: clip('date'),
		signer: clip('signer'),
		relationship: clip('relationship'),
		version: clip('version'),
		hash: clip('hash')
	});
	const values: ConsentFormValues = { fullName: form.fullName, date: form.date, signer: form.signer, relationship: form.relationship, agree: form.agree === 'yes' || form.agree === 'on' };
	try {
		return { ok: true, signed: await signConsent(ctx, subject, modality, form) };
	} catch (caught) {
		if (!(caught instanceof DomainError) || (caught.code !== 'validation_failed' && caught.code !== 'conflict')) throw caught;
		return { ok: false, status: caught.code === 'conflict' ? 409 : 400, message: caught.message, errors: caught.fieldErrors, values };
	}
}
