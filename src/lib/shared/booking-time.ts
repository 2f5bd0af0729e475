/**
 * How booking pages write instants: always in the clinic's zone (never the browser's or the
 * server's), with the zone named next to them. Intl does the zone rules.
 */
const cache = new Map<string, Intl.DateTimeFormat>();
function format(zone: string, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const id = `${zone}|${key}`;
	let f = cache.get(id);
	if (!f) cache.set(id, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, ...options })));
	return f;
}

/** "9:30 AM" */
export function clockTime(ms: number, zone: string): string {
	return format(zone, 'time', { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** "Tuesday, December 1" */
export function dayHeading(ms: number, zone: string): string {
	return format(zone, 'day', { weekday: 'long', month: 'long', day: 'numeric' }).format(ms);
}

/** "Tuesday, December 1, 2026 at 9:30 AM EST" */
export function fullTime(ms: number, zone: string): string {
	return format(zone, 'full', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(ms);
}

/** "Eastern Standard Time" for that instant (it changes with DST). */
export function zoneName(ms: number, zone: string): string {
	const part = format(zone, 'zone', { timeZoneName: 'long' }).formatToParts(ms).find((p) => p.type === 'timeZoneName');
	return part?.value ?? zone;
}

/**
 * "Eastern Standard Time (America/New_York)": the zone's name at that instant and its id. It has
 * brackets of its own, so pages show it after a colon or a dash, never inside more brackets.
 */
export function zoneLabel(ms: number, zone: string): string {
	return `${zoneName(ms, zone)} (${zone})`;
}

/** "Tue, Dec 1" for a 'YYYY-MM-DD' date (read as a calendar date, not an instant). */
export function shortDate(date: string): string {
	return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(Date.parse(`${date}T12:00:00Z`));
}
