import { authorize } from '$lib/server/auth/policy';
import { pageError } from '$lib/server/http';
import { listStaff } from '$lib/server/staff/staff.service';

export async function load({ locals }) {
	try {
		authorize(locals.actor, 'staff:manage');
		return { staff: await listStaff(locals.ctx) };
	} catch (caught) {
		pageError(caught);
	}
}
