import { redirect } from '@sveltejs/kit';
import { createService } from '$lib/server/clinic/clinic-service.service';
import { formFailure } from '$lib/server/http';
import { serviceFormInput } from '$lib/server/forms/service-form';

export const actions = {
	default: async ({ request, locals }) => {
		const values = serviceFormInput(await request.formData());
		let id: string;
		try {
			id = (await createService(locals.ctx, values)).id;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/admin/services/${id}?saved=1`);
	}
};
