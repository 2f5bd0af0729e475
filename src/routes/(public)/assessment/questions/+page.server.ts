import { questionView } from '$lib/server/screening/assessment-flow';
import { answer } from '../answer';

export function load({ setHeaders }) {
	// Pages after the first carry health answers; no cache may keep them.
	setHeaders({ 'cache-control': 'no-store' });
	return { start: questionView('regions') };
}

export const actions = { default: answer };
