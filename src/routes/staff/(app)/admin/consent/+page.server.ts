import { redirect } from '@sveltejs/kit';
import { consentAdminOverview, updateConsentSettings } from '$lib/server/consent/consent-document.service';
import { formFailure, pageError } from '$lib/server/http';
import { CONSENT_MODALITY_LABELS } from '$lib/shared/consent';

export async function load({ locals, url }) {
	try {
		const { documents, settings } = await consentAdminOverview(locals.ctx);
		return {
			settings,
			saved: url.searchParams.has('saved'),
			documents: documents.map((d) => ({ modality: d.modality, label: CONSENT_MODALITY_LABELS[d.modality], title: d.title, version: d.version, hash: d.hash, publishedAt: d.publishedAt.toISOString().slice(0, 10) }))
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	settings: async ({ request, locals }) => {
		const data = await request.formData();
		const values = { dryNeedlingNotAcupuncture: data.get('dryNeedlingNotAcupuncture') === 'on', resignOnNewVersion: data.get('resignOnNewVersion') === 'on' };
		try {
			await updateConsentSettings(locals.ctx, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, '/staff/admin/consent?saved=1');
	}
};
