import { json } from '@sveltejs/kit';
import { toConsentDocumentResponse } from '$lib/server/consent/consent-api';
import { publishedConsentDocuments } from '$lib/server/consent/consent-document.service';
import { problemFrom } from '$lib/server/http';
import { methodNotAllowed } from '../api-responses';

/** The published consent documents (latest version per modality); no patient data. */
export async function GET({ locals }) {
	try {
		return json((await publishedConsentDocuments(locals.ctx)).map(toConsentDocumentResponse), { headers: { 'cache-control': 'no-cache' } });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
