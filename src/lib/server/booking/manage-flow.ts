import type { Ctx } from '../context';
import { DomainError } from '../errors';
import { findServiceById } from '../scheduling/bookable-service';
import { formatInstant, parseInstant } from '../scheduling/rfc3339';
import { fullTime, zoneLabel } from '../../shared/booking-time';
import type { ManageView } from '../../shared/booking-view';
import { STATUS_LABELS } from './appointment';
import { SlotTakenError } from './booking-errors';
import { cancelByToken, getManagedAppointment, rescheduleByToken, type ManagedAppointment } from './manage.service';
import { timeOption, timesPage } from './time-pages';

/**
 * The manage page as plain form posts: view, confirm a cancellation, pick a new time. The token
 * in the address is the only key; what the page may offer follows the clinic's notice period.
 */
function viewOf(m: ManagedAppointment, mode: ManageView['mode'] = 'view', extra: Partial<ManageView> = {}): ManageView {
	const a = m.appointment;
	const zone = m.clinic.timeZone;
	return {
		summary: {
			serviceName: a.serviceName,
			providerName: a.providerName,
			timeLabel: fullTime(a.startsAt.getTime(), zone),
			zoneLabel: zoneLabel(a.startsAt.getTime(), zone)
		},
		locationName: a.locationName,
		address: a.locationAddress,
		status: a.status,
		statusLabel: STATUS_LABELS[a.status],
		canChange: m.canChange,
		changeableUntil: fullTime(m.changeableUntil.getTime(), zone),
		noticeHours: m.noticeHours,
		phone: m.clinic.phone,
		mode: m.canChange ? mode : 'view',
		...extra
	};
}

async function times(ctx: Ctx, m: ManagedAppointment, week: string | undefined, extra: Partial<ManageView> = {}): Promise<ManageView> {
	const service = await findServiceById(ctx.db, m.clinic.id, m.appointment.serviceId);
	if (!service) return viewOf(m);
	const page = await timesPage(ctx, m.clinic, service.rules, [m.appointment.providerId], week, m.appointment.id);
	return viewOf(m, 'times', { ...extra, times: { ...page, ...(extra.times?.alternatives ? { alternatives: extra.times.alternatives } : {}) } });
}

export async function manageStep(ctx: Ctx, token: string, form: Record<string, string> = {}): Promise<ManageView> {
	// A time button posts only "start" and leads to the review; every other button names what it
	// does in "do". Only "Confirm" on the review (do=move with start) moves the appointment.
	const action = form.do ?? (form.start ? 'review-move' : '');
	if (action.startsWith('week:')) return times(ctx, await getManagedAppointment(ctx, token), action.slice(5));
	switch (action) {
		case 'cancel':
			return viewOf(await getManagedAppointment(ctx, token), 'confirm-cancel');
		case 'cancel-confirmed':
			try {
				return viewOf(await cancelByToken(ctx, token), 'view', { notice: 'Your appointment is cancelled. We hope to see you another time.' });
			} catch (caught) {
				if (caught instanceof DomainError && (caught.code === 'conflict' || caught.code === 'rate_limited')) {
					return viewOf(await getManagedAppointment(ctx, token), 'view', { message: caught.message });
				}
				throw caught;
			}
		case 'reschedule':
			return times(ctx, await getManagedAppointment(ctx, token), undefined);
		case 'review-move': {
			const current = await getManagedAppointment(ctx, token);
			const startMs = form.start ? parseInstant(form.start) : null;
			if (startMs === null) return times(ctx, current, undefined, { message: 'Choose a new time from the list.' });
			return viewOf(current, 'confirm-move', { move: { start: form.start!, timeLabel: fullTime(startMs, current.clinic.timeZone) } });
		}
		case 'move': {
			const current = await getManagedAppointment(ctx, token);
			try {
				const moved = await rescheduleByToken(ctx, token, { start: form.start ?? '', providerId: current.appointment.providerId });
				return viewOf(moved, 'view', { notice: `Your appointment is moved to ${fullTime(moved.appointment.startsAt.getTime(), moved.clinic.timeZone)}.` });
			} catch (caught) {
				if (caught instanceof SlotTakenError) {
					return times(ctx, current, undefined, {
						message: 'Sorry, that time was just booked by someone else. Please choose another.',
						times: { days: [], zoneLabel: '', earlier: null, later: null, alternatives: caught.alternatives.map((s) => timeOption(s, current.clinic.timeZone)) }
					});
				}
				if (caught instanceof DomainError && (caught.code === 'validation_failed' || caught.code === 'conflict' || caught.code === 'rate_limited')) {
					const message = caught.fieldErrors.start ?? caught.message;
					return current.canChange ? times(ctx, current, undefined, { message }) : viewOf(current, 'view', { message });
				}
				throw caught;
			}
		}
		default:
			return viewOf(await getManagedAppointment(ctx, token));
	}
}

/** RFC 3339 of a start, for tests and links. */
export const startValue = (m: ManagedAppointment) => formatInstant(m.appointment.startsAt.getTime(), m.clinic.timeZone);
