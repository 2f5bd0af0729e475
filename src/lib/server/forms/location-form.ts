import type { Location } from '../clinic/clinic';
import { formObject } from '../form-data';

export function locationFormInput(data: FormData): Record<string, unknown> {
	return formObject(data);
}

export function locationFormValues(location: Location): Record<string, unknown> {
	const { id: _id, clinicId: _clinicId, ...values } = location;
	return values;
}
