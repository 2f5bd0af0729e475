import { calendarQuery, getCalendar } from '$lib/server/booking/staff-appointments.service';
import { pageError } from '$lib/server/http';
import { localDateOf } from '$lib/server/scheduling/zoned-time';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { clockTime, dayHeading, zoneLabel } from '$lib/shared/booking-time';
import { STATUS_LABELS } from '$lib/server/booking/appointment';
import { physicianFirstAmong } from '$lib/server/intake/intake.service';

export async function load({ locals, url }) {
	try {
		const clinic = await getClinic(locals.ctx);
		const query = calendarQuery(url.searchParams, localDateOf(locals.ctx.clock.now().getTime(), clinic.timeZone));
		const calendar = await getCalendar(locals.ctx, query);
		const zone = calendar.clinic.timeZone;
		const flagged = await physicianFirstAmong(locals.ctx, calendar.days.flatMap((d) => d.entries.map((e) => e.id)));
		return {
			query,
			zone,
			zoneLabel: zoneLabel(calendar.days[0]!.startMs + 12 * 3_600_000, zone),
			previous: calendar.previous,
			next: calendar.next,
			today: calendar.today,
			providers: calendar.providers,
			locations: calendar.locations,
			days: calendar.days.map((day) => ({
				date: day.date,
				label: dayHeading(day.startMs + 12 * 3_600_000, zone),
				entries: day.entries.map((e) => ({
					id: e.id,
					time: `${clockTime(e.startsAt.getTime(), zone)}–${clockTime(e.endsAt.getTime(), zone)}`,
					patientName: e.patientName,
					serviceName: e.serviceName,
					providerName: e.providerName,
					locationName: e.locationName,
					status: e.status,
					statusLabel: STATUS_LABELS[e.status],
					late: e.lateCancellation,
					physicianFirst: flagged.has(e.id)
				}))
			}))
		};
	} catch (caught) {
		pageError(caught);
	}
}
