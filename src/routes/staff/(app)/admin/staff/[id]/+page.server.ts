import { redirect } from '@sveltejs/kit';
import { formFailure, pageError } from '$lib/server/http';
import { staffFormInput, staffFormValues } from '$lib/server/forms/staff-form';
import { getStaffMember, updateStaffMember } from '$lib/server/staff/staff.service';

export async function load({ locals, params, url }) {
	try {
		const member = await getStaffMember(locals.ctx, params.id);
		return { id: member.id, name: member.name, values: staffFormValues(member), saved: url.searchParams.has('saved') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const values = staffFormInput(await request.formData());
		try {
			await updateStaffMember(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/staff/${params.id}?saved=1`);
	}
};
