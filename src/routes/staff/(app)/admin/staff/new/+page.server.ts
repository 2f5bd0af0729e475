import { redirect } from '@sveltejs/kit';
import { formFailure } from '$lib/server/http';
import { staffFormInput } from '$lib/server/forms/staff-form';
import { createStaffMember } from '$lib/server/staff/staff.service';

export const actions = {
	default: async ({ request, locals }) => {
		const values = staffFormInput(await request.formData());
		let id: string;
		try {
			id = (await createStaffMember(locals.ctx, values)).id;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/staff/${id}?saved=1`);
	}
};
