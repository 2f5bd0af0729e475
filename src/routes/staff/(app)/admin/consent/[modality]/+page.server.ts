import { redirect } from '@sveltejs/kit';
import { consentDocumentForEditing, publishConsentDocument } from '$lib/server/consent/consent-document.service';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { CONSENT_MODALITY_LABELS, type ConsentModality } from '$lib/shared/consent';

export async function load({ locals, params, url }) {
	try {
		const { history } = await consentDocumentForEditing(locals.ctx, params.modality);
		const current = history[0]!;
		return {
			modality: params.modality,
			label: CONSENT_MODALITY_LABELS[params.modality as ConsentModality],
			current: { title: current.title, body: current.body, notice: current.notice, version: current.version, hash: current.hash },
			published: url.searchParams.has('published'),
			history: history.map((v) => ({ version: v.version, hash: v.hash, title: v.title, publishedAt: v.publishedAt.toISOString(), builtIn: v.publishedBy === null }))
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	publish: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await publishConsentDocument(locals.ctx, params.modality, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/consent/${params.modality}?published=1`);
	}
};
