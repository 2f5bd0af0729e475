/**
 * RFC 3339 at the API edge. Times go out with the clinic's offset for that instant
 * ('2026-11-01T01:30:00-04:00', then '…-05:00' an hour later) so a client never has to know the
 * zone rules, and come in only with an explicit offset: a bare local time is ambiguous on DST days
 * and would otherwise be read in whatever zone the server happens to run in.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

const MS_PER_MINUTE = 60_000;
const NS_PER_MS = 1_000_000;

/** `epochMs` as 'YYYY-MM-DDTHH:MM:SS±HH:MM' in `zone` (seconds precision; sub-seconds dropped). */
export function formatInstant(epochMs: number, zone: string): string {
	const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
	assertWholeMinuteOffset(zoned);
	return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

function assertWholeMinuteOffset(zoned: Temporal.ZonedDateTime): void {
	// Only pre-1970s local mean times have second offsets; RFC 3339 cannot write them.
	if (zoned.offsetNanoseconds % (MS_PER_MINUTE * NS_PER_MS) !== 0) {
		throw new RangeError(`Offset ${zoned.offset} in ${zoned.timeZoneId} cannot be written in RFC 3339`);
	}
}

type OffsetSpan = { from: number; until: number; offsetMs: number; suffix: string };

/**
 * A formatter for one zone that gives the same strings as formatInstant but asks Temporal only
 * once per stretch of constant offset (one or two per response) instead of once per slot, which
 * is the difference between ~0.1 ms and ~20 ms for a month of slots. The offset still comes from
 * Temporal's zone rules; only the digits of the shifted instant are written here.
 */
export function createInstantFormatter(zone: string): (epochMs: number) => string {
	const spans: OffsetSpan[] = [];
	let last: OffsetSpan | undefined;

	function spanFor(epochMs: number): OffsetSpan {
		if (last && epochMs >= last.from && epochMs < last.until) return last;
		for (const span of spans) {
			if (epochMs >= span.from && epochMs < span.until) return (last = span);
		}
		const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
		assertWholeMinuteOffset(zoned);
		const next = zoned.getTimeZoneTransition('next');
		const previous = zoned.getTimeZoneTransition('previous');
		// The previous transition is strictly earlier; it starts our span only if it set our offset.
		const from =
			previous !== null && previous.offsetNanoseconds === zoned.offsetNanoseconds
				? previous.epochMilliseconds
				: epochMs;
		const span: OffsetSpan = {
			from,
			until: next === null ? Number.POSITIVE_INFINITY : next.epochMilliseconds,
			offsetMs: zoned.offsetNanoseconds / NS_PER_MS,
			suffix: zoned.offset
		};
		spans.push(span);
		return (last = span);
	}

	return (epochMs) => {
		if (!Number.isFinite(epochMs)) throw new RangeError(`Not an instant: ${epochMs}`);
		const span = spanFor(epochMs);
		// toISOString is always UTC, so shifting by the zone's offset yields the local wall time.
		const shifted = new Date(Math.floor(epochMs / 1000) * 1000 + span.offsetMs).toISOString();
		if (shifted.length !== 24) throw new RangeError(`Year out of range for RFC 3339: ${shifted}`);
		return shifted.slice(0, 19) + span.suffix;
	};
}

const RFC3339 =
	/^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * A client's RFC 3339 date-time → epoch ms, or null. The offset is required ('Z' or ±HH:MM);
 * impossible dates (2026-02-30), hour 24, leap second 60 and bracketed zone suffixes are refused.
 */
export function parseInstant(text: string): number | null {
	if (typeof text !== 'string' || !RFC3339.test(text)) return null;
	try {
		return Temporal.Instant.from(text.toUpperCase()).epochMilliseconds;
	} catch {
		return null;
	}
}

/** For request bodies: `{ start: rfc3339Instant }` parses to epoch ms. */
export const rfc3339Instant = z.string().transform((text, ctx) => {
	const epochMs = parseInstant(text);
	if (epochMs === null) {
		ctx.addIssue({
			code: 'custom',
			message: 'Use a date and time with an offset, like 2026-11-01T09:30:00-05:00.'
		});
		return z.NEVER;
	}
	return epochMs;
});
