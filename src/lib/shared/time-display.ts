/** An instant as a clinic-local date and time, e.g. "Fri, Nov 27, 2026, 10:00 AM EST". */
export function formatInstant(instant: Date | string, timeZone: string): string {
	return new Intl.DateTimeFormat('en-US', {
		timeZone,
		weekday: 'short',
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short'
	}).format(new Date(instant));
}
