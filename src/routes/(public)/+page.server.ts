import { listServices } from '$lib/server/clinic/clinic-service.service';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		const services = await listServices(locals.ctx);
		return {
			services: services
				.filter((s) => s.active)
				.map((s) => ({ name: s.name, slug: s.slug, durationMinutes: s.durationMinutes, description: s.description }))
		};
	} catch (caught) {
		pageError(caught);
	}
}
