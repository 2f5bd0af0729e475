import { formObject } from '$lib/server/form-data';
import { formFailure } from '$lib/server/http';
import { findPatients } from '$lib/server/patients/patient.service';

export function load() {
	return {};
}

export const actions = {
	// A POST, not a query string: names and dates of birth must never end up in an address.
	search: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		try {
			const found = await findPatients(locals.ctx, values);
			return {
				q: String(values.q ?? ''),
				results: found.map((p) => ({ id: p.id, name: `${p.lastName}, ${p.firstName}`, dateOfBirth: p.dateOfBirth, email: p.email, phone: p.phone }))
			};
		} catch (caught) {
			return formFailure(caught, values);
		}
	}
};
