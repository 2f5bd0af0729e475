/**
 * Appointment times as patients read them: in the clinic's zone, with the zone's abbreviation,
 * so "10:00 AM EST" is never mistaken for the reader's own time. Intl only (no offset maths), so
 * the machine's own zone never leaks in.
 */

export type ZonedTimes = {
	/** "Tuesday, December 1, 2026" */
	date: string;
	/** "10:00 AM – 10:30 AM EST" */
	time: string;
	/** "Tue, Dec 1, 10:00 AM EST" — short, for subject lines. */
	short: string;
};

function parts(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
	const out: Record<string, string> = {};
	for (const part of new Intl.DateTimeFormat('en-US', { timeZone, ...options }).formatToParts(instant)) out[part.type] = part.value;
	return out;
}

function clock(instant: Date, timeZone: string): { text: string; zone: string } {
	const p = parts(instant, timeZone, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
	return { text: `${p.hour}:${p.minute} ${p.dayPeriod}`, zone: p.timeZoneName ?? timeZone };
}

export function zonedTimes(startsAt: Date, endsAt: Date, timeZone: string): ZonedTimes {
	const d = parts(startsAt, timeZone, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
	const s = parts(startsAt, timeZone, { weekday: 'short', month: 'short', day: 'numeric' });
	const start = clock(startsAt, timeZone);
	const end = clock(endsAt, timeZone);
	// Across a DST change (rare for a clinic, possible overnight) each end keeps its own zone name.
	const time = start.zone === end.zone ? `${start.text} – ${end.text} ${end.zone}` : `${start.text} ${start.zone} – ${end.text} ${end.zone}`;
	return {
		date: `${d.weekday}, ${d.month} ${d.day}, ${d.year}`,
		time,
		short: `${s.weekday}, ${s.month} ${s.day}, ${start.text} ${start.zone}`
	};
}
