import { can } from '$lib/server/auth/policy';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { addClosure, listClosures, removeClosure } from '$lib/server/scheduling/schedule-admin.service';

export async function load({ locals }) {
	try {
		const clinic = await getClinic(locals.ctx);
		const closures = await listClosures(locals.ctx);
		const [providers, locations] = await Promise.all([
			locals.ctx.db.selectFrom('staff').select(['id', 'name']).where('clinicId', '=', clinic.id).where('role', '=', 'clinician').where('active', '=', 1).orderBy('name').execute(),
			locals.ctx.db.selectFrom('location').select(['id', 'name']).where('clinicId', '=', clinic.id).where('active', '=', 1).orderBy('name').execute()
		]);
		return { closures, providers, locations, zone: clinic.timeZone, canManage: can(locals.actor, 'schedule:manage') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	addClosure: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		try {
			await addClosure(locals.ctx, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		return { saved: true };
	},
	removeClosure: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		try {
			await removeClosure(locals.ctx, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		return { saved: true };
	}
};
