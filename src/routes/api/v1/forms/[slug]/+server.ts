import { json } from '@sveltejs/kit';
import { prefersFhirJson } from '$lib/server/api/media-type';
import { problemFrom } from '$lib/server/http';
import { toFhirQuestionnaire } from '$lib/server/intake/fhir-questionnaire';
import { getPublishedForm } from '$lib/server/intake/intake.service';
import { methodNotAllowed } from '../../api-responses';

export async function GET({ locals, params, request, url }) {
	try {
		const form = await getPublishedForm(locals.ctx, params.slug);
		return json(toFhirQuestionnaire(form, `${url.origin}/api/v1/forms/${form.slug}`), {
			headers: {
				'content-type': prefersFhirJson(request.headers.get('accept')) ? 'application/fhir+json' : 'application/json',
				'cache-control': 'public, max-age=300',
				vary: 'Accept'
			}
		});
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['GET']);
