import { getClinic } from '$lib/server/clinic/clinic.service';
import { pageError } from '$lib/server/http';

export async function load({ locals, url }) {
	try {
		const clinic = await getClinic(locals.ctx);
		return {
			site: {
				name: clinic.name,
				phone: clinic.phone,
				email: clinic.email,
				street: clinic.street,
				city: clinic.city,
				region: clinic.region,
				postalCode: clinic.postalCode,
				timeZone: clinic.timeZone,
				hours: clinic.hours,
				// Canonical and Open Graph URLs are absolute; ORIGIN sets this behind a proxy.
				origin: url.origin
			}
		};
	} catch (caught) {
		pageError(caught);
	}
}
