import { listServices } from '$lib/server/clinic/clinic-service.service';
import { authorize } from '$lib/server/auth/policy';
import { pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		authorize(locals.actor, 'service:manage');
		return { services: await listServices(locals.ctx) };
	} catch (caught) {
		pageError(caught);
	}
}
