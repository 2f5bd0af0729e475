import { json } from '@sveltejs/kit';
import { prefersFhirJson } from '$lib/server/api/media-type';
import { toFhirQuestionnaire } from '$lib/shared/screening/fhir-questionnaire';
import { methodNotAllowed } from '../../api-responses';

export function GET({ request, url }) {
	const questionnaire = toFhirQuestionnaire({ url: `${url.origin}/api/v1/screening/questionnaire` });
	return json(questionnaire, {
		headers: {
			'content-type': prefersFhirJson(request.headers.get('accept')) ? 'application/fhir+json' : 'application/json',
			'cache-control': 'public, max-age=300',
			vary: 'Accept'
		}
	});
}

export const fallback = () => methodNotAllowed(['GET']);
