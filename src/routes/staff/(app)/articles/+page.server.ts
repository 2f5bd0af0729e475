import { getClinic } from '$lib/server/clinic/clinic.service';
import { listArticlesForStaff } from '$lib/server/content/article.service';
import { isLive } from '$lib/server/content/article';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		const articles = await listArticlesForStaff(locals.ctx);
		const clinic = await getClinic(locals.ctx);
		const now = locals.ctx.clock.now();
		return {
			timeZone: clinic.timeZone,
			articles: articles.map((a) => ({ ...a, live: isLive(a, now) }))
		};
	} catch (caught) {
		pageError(caught);
	}
}
