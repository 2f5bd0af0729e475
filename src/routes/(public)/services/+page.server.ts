import { listPublicServices } from '$lib/server/clinic/public-services.service';
import { pageError } from '$lib/server/http';

export async function load({ locals, setHeaders }) {
	try {
		const services = await listPublicServices(locals.ctx);
		setHeaders({ 'cache-control': 'public, no-cache' });
		return {
			services: services.map((s) => ({
				name: s.name,
				slug: s.slug,
				kind: s.kind,
				description: s.description,
				durationMinutes: s.durationMinutes,
				priceCents: s.priceCents
			}))
		};
	} catch (caught) {
		pageError(caught);
	}
}
