import { can } from '$lib/server/auth/policy';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { addClosure, closuresPage, removeClosure } from '$lib/server/scheduling/schedule-admin.service';

export async function load({ locals }) {
	try {
		return { ...(await closuresPage(locals.ctx)), canManage: can(locals.actor, 'schedule:manage') };
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
