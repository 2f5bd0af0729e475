import { redirect } from '@sveltejs/kit';
import { answer } from '../answer';

export function load({ request, setHeaders }) {
	// Nothing is stored, so there is no result to show without the answers posted with it.
	if (request.method !== 'POST') redirect(303, '/assessment');
	setHeaders({ 'cache-control': 'no-store' });
	return {};
}

export const actions = { default: answer };
