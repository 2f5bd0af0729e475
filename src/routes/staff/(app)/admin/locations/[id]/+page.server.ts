import { redirect } from '@sveltejs/kit';
import { getLocation, updateLocation } from '$lib/server/clinic/location.service';
import { locationFormInput, locationFormValues } from '$lib/server/forms/location-form';
import { formFailure, pageError } from '$lib/server/http';

export async function load({ locals, params, url }) {
	try {
		const location = await getLocation(locals.ctx, params.id);
		return { name: location.name, values: locationFormValues(location), saved: url.searchParams.has('saved') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const values = locationFormInput(await request.formData());
		try {
			await updateLocation(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/locations/${params.id}?saved=1`);
	}
};
