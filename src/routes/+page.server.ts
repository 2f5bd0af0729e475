import { getClinic } from '$lib/server/clinic/clinic.service';
import { listServices } from '$lib/server/clinic/clinic-service.service';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		const [clinic, services] = await Promise.all([getClinic(locals.ctx), listServices(locals.ctx)]);
		return {
			clinic: { name: clinic.name, phone: clinic.phone, city: clinic.city, region: clinic.region },
			services: services
				.filter((s) => s.active)
				.map((s) => ({ name: s.name, slug: s.slug, durationMinutes: s.durationMinutes, description: s.description }))
		};
	} catch (caught) {
		pageError(caught);
	}
}
