import type { Clinic } from '../clinic/clinic';
import { formObject } from '../form-data';
import { OPENING_SLOTS_PER_DAY } from '../../shared/clinic.schema';

const SLOT_COUNT = 7 * OPENING_SLOTS_PER_DAY;
const slotWeekday = (index: number) => Math.floor(index / OPENING_SLOTS_PER_DAY) + 1;

/** Form fields `hours.N.opens` / `hours.N.closes` → the 14-slot timetable the schema expects. */
export function clinicFormInput(data: FormData): Record<string, unknown> {
	const fields = formObject(data);
	const hours = Array.from({ length: SLOT_COUNT }, (_, index) => ({
		weekday: slotWeekday(index),
		opens: String(fields[`hours.${index}.opens`] ?? ''),
		closes: String(fields[`hours.${index}.closes`] ?? '')
	}));
	const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => !key.startsWith('hours.')));
	return { ...rest, hours };
}

/** The stored clinic as the form shows it: ranges placed into their weekday's slots. */
export function clinicFormValues(clinic: Clinic): Record<string, unknown> {
	const values: Record<string, unknown> = {
		name: clinic.name,
		timeZone: clinic.timeZone,
		street: clinic.street,
		city: clinic.city,
		region: clinic.region,
		postalCode: clinic.postalCode,
		country: clinic.country,
		phone: clinic.phone,
		email: clinic.email
	};
	values.hours = Array.from({ length: SLOT_COUNT }, (_, index) => {
		const weekday = slotWeekday(index);
		const n = index % OPENING_SLOTS_PER_DAY;
		const range = clinic.hours.filter((h) => h.weekday === weekday)[n];
		return { weekday, opens: range?.opens ?? '', closes: range?.closes ?? '' };
	});
	return values;
}
