import { fail, redirect } from '@sveltejs/kit';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { loadConsentForSigning, signConsentFromForm, type ConsentSubject } from '$lib/server/consent/consent-signing-page';
import { consentOverview, withdrawConsent } from '$lib/server/consent/consent.service';
import { formFailure, pageError } from '$lib/server/http';
import { CONSENT_MODALITY_LABELS, isConsentModality } from '$lib/shared/consent';
import { formatInstant } from '$lib/shared/time-display';

/** Staff record a consent signed in the clinic (the signed-in staff member is the witness), or a withdrawal. */
async function subjectFor(locals: App.Locals, patientId: string): Promise<ConsentSubject> {
	const clinic = await getClinic(locals.ctx);
	return { patientId, clinicId: clinic.id, via: 'staff' };
}

export async function load({ locals, params, url }) {
	try {
		const subject = await subjectFor(locals, params.id);
		const view = await loadConsentForSigning(locals.ctx, subject, params.modality);
		const modality = view.document.modality;
		const { history } = await consentOverview(locals.ctx, params.id);
		const zone = (await getClinic(locals.ctx)).timeZone;
		return {
			patientId: params.id,
			label: CONSENT_MODALITY_LABELS[modality],
			status: view.status,
			view,
			signed: url.searchParams.has('signed'),
			withdrawn: url.searchParams.has('withdrawn'),
			history: history
				.filter((s) => s.modality === modality)
				.map((s) => ({
					id: s.id,
					version: s.documentVersion,
					signer: s.signerRole === 'guardian' ? `${s.signerName} (${s.guardianRelationship?.replace(/_/g, ' ')})` : s.signerName,
					when: formatInstant(s.signedAt, zone),
					via: s.via,
					witness: s.witnessName,
					withdrawn: s.withdrawnAt ? formatInstant(s.withdrawnAt, zone) : null
				}))
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	sign: async ({ request, locals, params }) => {
		let result;
		try {
			result = await signConsentFromForm(locals.ctx, await subjectFor(locals, params.id), params.modality, await request.formData());
		} catch (caught) {
			return formFailure(caught, {});
		}
		if (!result.ok) return fail(result.status, result);
		redirect(303, `/staff/patients/${params.id}/consent/${params.modality}?signed=1`);
	},
	withdraw: async ({ locals, params }) => {
		try {
			await withdrawConsent(locals.ctx, await subjectFor(locals, params.id), params.modality);
		} catch (caught) {
			return formFailure(caught, {});
		}
		redirect(303, `/staff/patients/${params.id}/consent/${isConsentModality(params.modality) ? params.modality : ''}?withdrawn=1`);
	}
};
