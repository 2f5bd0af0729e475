import { randomUUID } from 'node:crypto';
import { fail, redirect } from '@sveltejs/kit';
import { SlotTakenError } from '$lib/server/booking/booking-errors';
import { bookByStaff, staffBookingOptions } from '$lib/server/booking/staff-appointments.service';
import { staffRules } from '$lib/server/booking/booking.service';
import { timeOption, timesPage } from '$lib/server/booking/time-pages';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { formatPrice } from '$lib/shared/money';

/** Book for a caller. Only ids and dates travel in the address; patient details are posted. */
export async function load({ locals, url }) {
	try {
		const options = await staffBookingOptions(locals.ctx, {
			service: url.searchParams.get('service') ?? undefined,
			patientId: url.searchParams.get('patient') ?? undefined
		});
		const wanted = url.searchParams.get('provider');
		const provider = options.providers.find((p) => p.id === wanted) ?? options.providers[0];
		const page = provider
			? await timesPage(locals.ctx, options.clinic, staffRules(options.service.rules), [provider.id], url.searchParams.get('date') ?? undefined)
			: null;
		return {
			services: options.services.map((s) => ({ slug: s.slug, label: `${s.name} (${s.rules.durationMinutes} min, ${formatPrice(s.priceCents)})` })),
			service: options.service.slug,
			serviceName: options.service.name,
			providers: options.providers.map((p) => ({ id: p.id, name: p.name })),
			provider: provider?.id ?? '',
			patient: options.patient ? { id: options.patient.id, name: `${options.patient.firstName} ${options.patient.lastName}`, dateOfBirth: options.patient.dateOfBirth } : null,
			times: page,
			submission: randomUUID()
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		let id: string;
		try {
			id = (await bookByStaff(locals.ctx, values)).confirmation.id;
		} catch (caught) {
			if (caught instanceof SlotTakenError) {
				const options = await staffBookingOptions(locals.ctx, { service: String(values.service ?? '') });
				return fail(409, {
					message: caught.message,
					errors: {},
					values,
					alternatives: caught.alternatives.map((s) => timeOption(s, options.clinic.timeZone))
				});
			}
			return formFailure(caught, values);
		}
		redirect(303, `/staff/appointments/${id}?booked=1`);
	}
};
