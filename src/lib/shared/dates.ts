/** Dates as the clinic's visitors read them: in the clinic's zone, never the server's. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${timeZone}|${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
		formatters.set(key, f);
	}
	return f;
}

/** "November 27, 2026". */
export function formatLongDate(date: Date, timeZone: string): string {
	return formatter(timeZone, { dateStyle: 'long' }).format(date);
}

/** "Nov 27, 2026, 10:00 AM EST". */
export function formatDateTime(date: Date, timeZone: string): string {
	return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(date) + ' ' + zoneAbbreviation(date, timeZone);
}

function zoneAbbreviation(date: Date, timeZone: string): string {
	const part = formatter(timeZone, { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
	return part?.value ?? timeZone;
}
