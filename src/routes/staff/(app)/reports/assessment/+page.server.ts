import { pageError } from '$lib/server/http';
import { getScreeningStats } from '$lib/server/screening/screening-stats.service';

export async function load({ locals }) {
	try {
		return { stats: await getScreeningStats(locals.ctx) };
	} catch (caught) {
		pageError(caught);
	}
}
