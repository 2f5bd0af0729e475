import { redirect } from '@sveltejs/kit';
import { fail } from '@sveltejs/kit';
import { SlotTakenError } from '$lib/server/booking/booking-errors';
import { STATUS_LABELS, type VisitStatus } from '$lib/server/booking/appointment';
import { cancelByStaff, getStaffAppointment, moveByStaff, setVisitStatus, staffMoveTimes } from '$lib/server/booking/staff-appointments.service';
import { timeOption } from '$lib/server/booking/time-pages';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { fullTime, zoneLabel } from '$lib/shared/booking-time';
import { PRECAUTION_LABELS, RECOMMENDATION_LABELS } from '$lib/shared/screening/labels';
import { getVisitIntake } from '$lib/server/intake/intake.service';
import { createTabletCode } from '$lib/server/intake/forms-link.service';
import { visitConsentStatus } from '$lib/server/consent/consent.service';
import { CONSENT_MODALITY_LABELS } from '$lib/shared/consent';

export async function load({ locals, params, url }) {
	try {
		const view = await getStaffAppointment(locals.ctx, params.id);
		const a = view.appointment;
		const zone = view.clinic.timeZone;
		const move = url.searchParams.has('move') ? await staffMoveTimes(locals.ctx, view, url.searchParams.get('move') || undefined) : null;
		const consent = await visitConsentStatus(locals.ctx, a.id);
		return {
			consent: consent && { ...consent, label: CONSENT_MODALITY_LABELS[consent.modality] },
			id: a.id,
			serviceName: a.serviceName,
			providerName: a.providerName,
			location: `${a.locationName}, ${a.locationAddress}`,
			when: fullTime(a.startsAt.getTime(), zone),
			zoneLabel: zoneLabel(a.startsAt.getTime(), zone),
			status: a.status,
			statusLabel: STATUS_LABELS[a.status],
			late: a.lateCancellation,
			cancelledBy: a.cancelledBy,
			cancellationReason: a.cancellationReason,
			reviewCancel: url.searchParams.has('cancel') && a.status === 'booked',
			source: a.source,
			note: a.note,
			patient: { id: view.patient.id, name: `${view.patient.firstName} ${view.patient.lastName}`, phone: view.patient.phone, email: view.patient.email, dateOfBirth: view.patient.dateOfBirth },
			lateIfCancelledNow: view.lateIfCancelledNow,
			started: view.started,
			booked: url.searchParams.has('booked'),
			move,
			intake: await getVisitIntake(locals.ctx, a.id),
			screening: view.screening && {
				result: RECOMMENDATION_LABELS[view.screening.recommendation as keyof typeof RECOMMENDATION_LABELS] ?? view.screening.recommendation,
				clinicianReview: view.screening.clinicianReview,
				precautions: view.screening.precautions.map((p) => PRECAUTION_LABELS[p as keyof typeof PRECAUTION_LABELS] ?? p)
			}
		};
	} catch (caught) {
		pageError(caught);
	}
}

async function status(locals: App.Locals, id: string, to: VisitStatus) {
	try {
		await setVisitStatus(locals.ctx, id, to);
	} catch (caught) {
		return formFailure(caught, {});
	}
	redirect(303, `/staff/appointments/${id}`);
}

export const actions = {
	arrived: async ({ locals, params }) => status(locals, params.id, 'arrived'),
	completed: async ({ locals, params }) => status(locals, params.id, 'completed'),
	noShow: async ({ locals, params }) => status(locals, params.id, 'no_show'),
	// Posted from the review step (?cancel), which asks who requested it and why.
	cancel: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await cancelByStaff(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, { ...values, cancelling: true });
		}
		redirect(303, `/staff/appointments/${params.id}`);
	},
	tabletCode: async ({ locals, params }) => {
		try {
			const { code, expiresAt } = await createTabletCode(locals.ctx, params.id);
			const view = await getStaffAppointment(locals.ctx, params.id);
			return { tabletCode: { code, until: fullTime(expiresAt.getTime(), view.clinic.timeZone) } };
		} catch (caught) {
			return formFailure(caught, {});
		}
	},
	move: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await moveByStaff(locals.ctx, params.id, values);
		} catch (caught) {
			if (caught instanceof SlotTakenError) {
				const view = await getStaffAppointment(locals.ctx, params.id);
				return fail(409, { message: caught.message, errors: {}, values, alternatives: caught.alternatives.map((s) => timeOption(s, view.clinic.timeZone)) });
			}
			return formFailure(caught, values);
		}
		redirect(303, `/staff/appointments/${params.id}`);
	}
};
