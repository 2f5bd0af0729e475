import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/auth/policy';
import { getClinic, updateClinicDetails } from '$lib/server/clinic/clinic.service';
import { clinicFormInput, clinicFormValues } from '$lib/server/forms/clinic-form';
import { formFailure, pageError } from '$lib/server/http';

export async function load({ locals, url }) {
	try {
		authorize(locals.actor, 'clinic:manage');
		const clinic = await getClinic(locals.ctx);
		return { values: clinicFormValues(clinic), timeZones: Intl.supportedValuesOf('timeZone'), saved: url.searchParams.has('saved') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = clinicFormInput(await request.formData());
		try {
			await updateClinicDetails(locals.ctx, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, '/staff/admin/clinic?saved=1');
	}
};
