import { getClinic } from '$lib/server/clinic/clinic.service';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
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
				hours: clinic.hours
			}
		};
	} catch (caught) {
		pageError(caught);
	}
}
