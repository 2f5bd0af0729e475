import { getClinic } from '$lib/server/clinic/clinic.service';
import { listPublicServices } from '$lib/server/clinic/public-services.service';
import { openingStatus, openingStatusText } from '$lib/server/clinic/opening-status';
import { latestArticles } from '$lib/server/content/public-articles.service';
import { readingMinutes } from '$lib/server/content/markdown';
import { medicalClinicJsonLd } from '$lib/server/site/json-ld';
import { pageError } from '$lib/server/http';

export async function load({ locals, url, setHeaders }) {
	try {
		const ctx = locals.ctx;
		const clinic = await getClinic(ctx);
		const services = await listPublicServices(ctx);
		const articles = await latestArticles(ctx, 3);
		const status = openingStatus(clinic.hours, clinic.timeZone, ctx.clock.now());
		// "Open now" and the latest articles change without a visit; browsers must ask again.
		setHeaders({ 'cache-control': 'public, no-cache' });
		return {
			services: services.map((s) => ({ name: s.name, slug: s.slug, durationMinutes: s.durationMinutes, description: s.description })),
			articles: articles.map((a) => ({ ...a, readingMinutes: readingMinutes(a.wordCount) })),
			open: { isOpen: status.open, text: openingStatusText(status) },
			jsonLd: [medicalClinicJsonLd(clinic, url.origin)]
		};
	} catch (caught) {
		pageError(caught);
	}
}
