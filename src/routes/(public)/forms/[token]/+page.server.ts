import { redirect } from '@sveltejs/kit';
import { formFailure, pageError } from '$lib/server/http';
import { finishTabletSession, openFormsLink } from '$lib/server/intake/forms-link.service';
import { getFormsHub } from '$lib/server/intake/intake.service';
import { documentsToSign } from '$lib/server/intake/documents-to-sign';
import { fullTime } from '$lib/shared/booking-time';
import { CONSENT_MODALITY_LABELS, isConsentModality } from '$lib/shared/consent';

export async function load({ locals, params, setHeaders, url }) {
	setHeaders({ 'cache-control': 'no-store' });
	try {
		const hub = await getFormsHub(locals.ctx, params.token, documentsToSign);
		const signed = url.searchParams.get('signed');
		return {
			token: params.token,
			signedLabel: signed && isConsentModality(signed) ? CONSENT_MODALITY_LABELS[signed] : null,
			hub: { ...hub, when: fullTime(hub.startsAt.getTime(), hub.timeZone) }
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	/** A clinic tablet handed back before everything is sent: the session ends now. */
	finish: async ({ locals, params }) => {
		try {
			await finishTabletSession(locals.ctx, await openFormsLink(locals.ctx, params.token));
		} catch (caught) {
			return formFailure(caught, {});
		}
		redirect(303, '/forms/tablet/done');
	}
};
