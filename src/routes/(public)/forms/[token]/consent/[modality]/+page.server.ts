import { fail, redirect } from '@sveltejs/kit';
import { loadConsentForSigning, signConsentFromForm, type ConsentSubject } from '$lib/server/consent/consent-signing-page';
import { formFailure, pageError } from '$lib/server/http';
import { openFormsLink } from '$lib/server/intake/forms-link.service';
import { CONSENT_MODALITY_LABELS } from '$lib/shared/consent';

/** A patient (or their parent or guardian) signs a consent from the pre-visit forms link or the clinic tablet. */
async function subjectFor(locals: App.Locals, token: string): Promise<ConsentSubject> {
	const access = await openFormsLink(locals.ctx, token);
	return { patientId: access.patientId, clinicId: access.clinicId, via: access.via };
}

export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		const view = await loadConsentForSigning(locals.ctx, await subjectFor(locals, params.token), params.modality);
		return { token: params.token, label: CONSENT_MODALITY_LABELS[view.document.modality], view };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	sign: async ({ request, locals, params }) => {
		let result;
		try {
			result = await signConsentFromForm(locals.ctx, await subjectFor(locals, params.token), params.modality, await request.formData());
		} catch (caught) {
			return formFailure(caught, {});
		}
		if (!result.ok) return fail(result.status, result);
		redirect(303, `/forms/${params.token}?signed=${params.modality}`);
	}
};
