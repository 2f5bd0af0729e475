import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { addressLine, type NoticeView } from './notice';

export const PROD_ID = { company: 'Needlepoint', product: 'Needlepoint', language: 'EN' } as const;

/** Stable for the appointment's whole life, so every update and the cancel replace one event. */
export function appointmentUid(appointmentId: string, host: string): string {
	return `appointment-${appointmentId}@${host}`;
}

/**
 * The invite attached to every appointment email (RFC 5545/5546 via ical-generator): METHOD
 * REQUEST while the appointment stands, CANCEL once cancelled, with the same UID and the
 * appointment's SEQUENCE so calendars apply changes in order. Times are written in UTC
 * ("…Z"), which every client converts correctly; a TZID would need a VTIMEZONE block, and a
 * hand-made one is how invites end up an hour off (easyappointments#962).
 *
 * The manage link is deliberately not in the event: calendars are shared and synced more widely
 * than an inbox, and the link lets anyone holding it cancel the appointment.
 */
export function appointmentIcs(view: NoticeView, options: { host: string; stamp: Date }): string {
	const cancelled = view.appointment.status === 'cancelled';
	const calendar = ical({ prodId: PROD_ID });
	calendar.method(cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST);
	const where = `${view.location.name}, ${addressLine(view.location.address)}`;
	calendar.createEvent({
		id: appointmentUid(view.appointment.id, options.host),
		sequence: view.appointment.sequence,
		stamp: options.stamp,
		start: view.appointment.startsAt,
		end: view.appointment.endsAt,
		summary: `${view.service.name} at ${view.clinic.name}`,
		location: where,
		description: [
			`${view.service.name} with ${view.provider.name}.`,
			`To change or cancel, use the link in your email or call ${view.clinic.name} at ${view.clinic.phone}.`
		].join('\n'),
		organizer: { name: view.clinic.name, email: view.clinic.email },
		attendees: [
			{
				name: view.patient.firstName,
				email: view.patient.email,
				role: ICalAttendeeRole.REQ,
				status: cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
				rsvp: false
			}
		],
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
	});
	return calendar.toString();
}
