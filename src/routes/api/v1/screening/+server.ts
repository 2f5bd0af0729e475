import { json } from '@sveltejs/kit';
import { readJsonBody } from '$lib/server/api/json-body';
import { problem, problemFrom } from '$lib/server/http';
import { screenAnswers } from '$lib/server/screening/screening-api';
import { NO_STORE, methodNotAllowed } from '../api-responses';

/** POST the answers, get the suggestion. Stores and counts nothing (see screening-api.ts). */
export async function POST({ request }) {
	const body = await readJsonBody(request);
	if (!body.ok) {
		const { status, title, detail } = body.problem;
		return problem(status, title, { detail });
	}
	try {
		// Answers are health information: no cache may keep the result.
		return json(screenAnswers(body.value), { headers: NO_STORE });
	} catch (caught) {
		return problemFrom(caught);
	}
}

export const fallback = () => methodNotAllowed(['POST']);
