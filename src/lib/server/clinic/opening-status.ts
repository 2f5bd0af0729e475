import { Temporal } from 'temporal-polyfill';
import { clockLabel } from '../../shared/clinic-display';
import type { OpeningRange } from './clinic';

/** "Open now" in the clinic's own zone, whatever zone the server runs in. */
export type OpeningStatus =
	| { open: true; closes: string }
	| { open: false; next: { when: 'today' | 'tomorrow' | string; opens: string } | null };

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function minutesOf(time: string): number {
	const [h = 0, m = 0] = time.split(':').map(Number);
	return h * 60 + m;
}

export function openingStatus(hours: OpeningRange[], timeZone: string, now: Date): OpeningStatus {
	const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
	const today = local.dayOfWeek;
	const minute = local.hour * 60 + local.minute;
	const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens));
	const current = sorted.find((r) => r.weekday === today && minutesOf(r.opens) <= minute && minute < minutesOf(r.closes));
	if (current) return { open: true, closes: clockLabel(current.closes) };
	for (let ahead = 0; ahead < 7; ahead++) {
		const weekday = ((today - 1 + ahead) % 7) + 1;
		const range = sorted.find((r) => r.weekday === weekday && (ahead > 0 || minutesOf(r.opens) > minute));
		if (range) {
			const when = ahead === 0 ? 'today' : ahead === 1 ? 'tomorrow' : DAY_NAMES[weekday - 1]!;
			return { open: false, next: { when, opens: clockLabel(range.opens) } };
		}
	}
	return { open: false, next: null };
}

/** One sentence for the page: "Open now · closes at 7:00 pm". */
export function openingStatusText(status: OpeningStatus): string {
	if (status.open) return `Open now · closes at ${status.closes}`;
	if (!status.next) return 'Closed';
	return `Closed now · opens ${status.next.when} at ${status.next.opens}`;
}
