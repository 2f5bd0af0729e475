/** Presentation helpers for clinic details, shared by public and staff pages. */

export function telHref(phone: string): string {
	return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "7:30 am" style, from "07:30". */
export function clockLabel(time: string): string {
	const [h = 0, m = 0] = time.split(':').map(Number);
	const suffix = h < 12 ? 'am' : 'pm';
	const hour12 = h % 12 === 0 ? 12 : h % 12;
	return `${hour12}:${String(m).padStart(2, '0')} ${suffix}`;
}

/** One line per weekday, Monday first: "7:30 am – 7:00 pm" or "Closed". */
export function weeklyHoursSummary(hours: { weekday: number; opens: string; closes: string }[]) {
	return DAY_NAMES.map((day, index) => {
		const ranges = hours.filter((h) => h.weekday === index + 1).sort((a, b) => a.opens.localeCompare(b.opens));
		return {
			day,
			hours: ranges.length ? ranges.map((r) => `${clockLabel(r.opens)} – ${clockLabel(r.closes)}`).join(', ') : 'Closed'
		};
	});
}
