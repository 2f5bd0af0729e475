import ical from 'ical-generator';
import { PROD_ID } from '../notifications/appointment-ics';

export type FeedEvent = {
	appointmentId: string;
	startsAt: Date;
	endsAt: Date;
	sequence: number;
	updatedAt: Date;
	status: 'booked' | 'arrived' | 'completed' | 'no_show';
	serviceName: string;
	locationName: string;
};

const STATUS_NOTE: Record<FeedEvent['status'], string> = { booked: '', arrived: ' (arrived)', completed: ' (completed)', no_show: ' (no-show)' };

/**
 * A provider's appointments as a subscribable calendar. Minimum necessary: the service, the place
 * and the time — never the patient's name, initials, contact details or notes. The feed is read by
 * Google, Apple or Microsoft servers and shown on phones and shared screens; who the patient is
 * stays in Needlepoint, one click away (the event links to the staff area).
 * Times are UTC, so no client can shift them (see ../notifications/appointment-ics.ts).
 */
export function providerFeedIcs(events: FeedEvent[], options: { calendarName: string; host: string; staffUrl: string }): string {
	const calendar = ical({ prodId: PROD_ID, name: options.calendarName, ttl: 60 * 60 });
	for (const event of events) {
		calendar.createEvent({
			id: `feed-${event.appointmentId}@${options.host}`,
			sequence: event.sequence,
			stamp: event.updatedAt,
			start: event.startsAt,
			end: event.endsAt,
			summary: `${event.serviceName}${STATUS_NOTE[event.status]}`,
			location: event.locationName,
			description: `Patient details are in Needlepoint: ${options.staffUrl}`,
			url: options.staffUrl
		});
	}
	return calendar.toString();
}
