import { redirect } from '@sveltejs/kit';
import { getService, updateService } from '$lib/server/clinic/clinic-service.service';
import { formFailure, pageError } from '$lib/server/http';
import { serviceFormInput, serviceFormValues } from '$lib/server/forms/service-form';

export async function load({ locals, params, url }) {
	try {
		const service = await getService(locals.ctx, params.id);
		return { name: service.name, values: serviceFormValues(service), saved: url.searchParams.has('saved') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const values = serviceFormInput(await request.formData());
		try {
			await updateService(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/services/${params.id}?saved=1`);
	}
};
