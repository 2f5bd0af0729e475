import { Temporal } from 'temporal-polyfill';

/**
 * The editor's "publish at" field is wall-clock time in the clinic's zone ("2026-12-01T09:00").
 * Conversions go through Temporal with the clinic's IANA zone; a time skipped by a DST change
 * moves forward ('compatible'), as a person would expect.
 */
export function wallClockToInstant(text: string, timeZone: string): Date | undefined {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(text)) return undefined;
	try {
		const local = Temporal.PlainDateTime.from(text, { overflow: 'reject' });
		return new Date(local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds);
	} catch {
		return undefined;
	}
}

/** The value for <input type="datetime-local">, in the clinic's zone. */
export function instantToWallClock(date: Date, timeZone: string): string {
	return Temporal.Instant.fromEpochMilliseconds(date.getTime())
		.toZonedDateTimeISO(timeZone)
		.toPlainDateTime()
		.toString({ smallestUnit: 'minute' });
}
