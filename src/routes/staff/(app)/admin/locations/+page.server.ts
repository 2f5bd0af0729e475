import { authorize } from '$lib/server/auth/policy';
import { listLocations } from '$lib/server/clinic/location.service';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		authorize(locals.actor, 'location:manage');
		return { locations: await listLocations(locals.ctx) };
	} catch (caught) {
		pageError(caught);
	}
}
