import { redirect } from '@sveltejs/kit';
import { createLocation } from '$lib/server/clinic/location.service';
import { locationFormInput } from '$lib/server/forms/location-form';
import { formFailure } from '$lib/server/http';

export const actions = {
	default: async ({ request, locals }) => {
		const values = locationFormInput(await request.formData());
		let id: string;
		try {
			id = (await createLocation(locals.ctx, values)).id;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/locations/${id}?saved=1`);
	}
};
