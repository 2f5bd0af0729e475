/**
 * The only place where wall-clock times in the clinic's zone become UTC instants (epoch
 * milliseconds) and back. Everything else in scheduling works on integer instants, so DST can only
 * go wrong here, and every conversion goes through Temporal with an explicit IANA zone: never the
 * process's zone, never an offset we work out ourselves.
 */
import { Temporal } from 'temporal-polyfill';

export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1440;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
// '24:00' is allowed so a range can run to the end of the day; callers decide where it is valid.
const WALL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Parses a calendar date 'YYYY-MM-DD'; throws RangeError for anything else (2026-02-30 too). */
export function parseLocalDate(text: string): Temporal.PlainDate {
	if (!LOCAL_DATE.test(text)) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(text)}`);
	// Temporal rejects impossible days rather than rolling them into the next month.
	return Temporal.PlainDate.from(text, { overflow: 'reject' });
}

export function isLocalDate(text: string): boolean {
	try {
		parseLocalDate(text);
		return true;
	} catch {
		return false;
	}
}

/** 'HH:MM' → minutes after midnight, 0…1440 ('24:00' = end of day); throws RangeError otherwise. */
export function parseWallTime(text: string): number {
	const match = WALL_TIME.exec(text);
	if (!match) throw new RangeError(`Not a wall-clock time (HH:MM): ${JSON.stringify(text)}`);
	const hours = Number(match[1] ?? match[3]);
	const minutes = Number(match[2] ?? match[4]);
	return hours * 60 + minutes;
}

export function isWallTime(text: string): boolean {
	return WALL_TIME.test(text);
}

const zoneCheck = new Map<string, boolean>();

/**
 * IANA region ids (and 'UTC') only. Fixed offsets such as '+05:30' or 'EST' are refused: they
 * carry no DST rules, so a clinic configured with one would silently drift twice a year.
 */
export function isTimeZone(zone: string): boolean {
	let known = zoneCheck.get(zone);
	if (known === undefined) {
		known = false;
		if (zone === 'UTC' || /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(zone)) {
			try {
				Temporal.PlainDate.from('2026-01-01').toZonedDateTime({ timeZone: zone });
				known = true;
			} catch {
				known = false;
			}
		}
		zoneCheck.set(zone, known);
	}
	return known;
}

export function assertTimeZone(zone: string): void {
	if (!isTimeZone(zone)) throw new RangeError(`Not an IANA time zone: ${JSON.stringify(zone)}`);
}

/** The calendar date an instant falls on in `zone`. */
export function localDateOf(epochMs: number, zone: string): string {
	return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate().toString();
}

export function addDays(date: string, days: number): string {
	return parseLocalDate(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return parseLocalDate(from).until(parseLocalDate(to), { largestUnit: 'days' }).days;
}

/**
 * One calendar day in one zone, with the conversions the slot engine needs. Built once per date
 * per computation and shared by every provider, so Temporal is called a handful of times per day
 * rather than once per candidate slot.
 */
export type LocalDay = {
	readonly date: string;
	/** 1 = Monday … 7 = Sunday (ISO 8601). */
	readonly weekday: number;
	/** First instant of the day (not always 00:00 on the wall: some zones skip midnight). */
	readonly startMs: number;
	/** First instant of the next day; the day is [startMs, endMs). */
	readonly endMs: number;
	/**
	 * True when the day starts at 00:00 and has no offset change, so wall minute m is exactly
	 * startMs + m minutes. The engine takes this fast path on all but a few days a year.
	 */
	readonly uniform: boolean;
	/**
	 * Every instant at which the wall clock shows `minute` on this day: none inside a
	 * spring-forward gap, two inside a fall-back overlap (earlier first), otherwise one.
	 */
	instantsAt(minute: number): readonly number[];
	/**
	 * Where a range boundary written as `minute` falls. A repeated time means its first
	 * occurrence (the RFC 5545 rule); a skipped time means the moment the clock jumped, so a range
	 * that starts or ends in the gap keeps exactly the part of it that exists.
	 */
	boundaryAt(minute: number): number;
};

const NO_INSTANTS: readonly number[] = Object.freeze([]);

function wallDateTime(date: Temporal.PlainDate, minute: number): Temporal.PlainDateTime {
	if (minute === MINUTES_PER_DAY) return date.add({ days: 1 }).toPlainDateTime();
	return date.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
}

function checkMinute(minute: number): void {
	if (!Number.isInteger(minute) || minute < 0 || minute > MINUTES_PER_DAY) {
		throw new RangeError(`Wall-clock minute out of range: ${minute}`);
	}
}

function makeDay(
	zone: string,
	plain: Temporal.PlainDate,
	startMs: number,
	endMs: number,
	uniform: boolean
): LocalDay {
	if (uniform) {
		return {
			date: plain.toString(),
			weekday: plain.dayOfWeek,
			startMs,
			endMs,
			uniform,
			instantsAt(minute) {
				checkMinute(minute);
				return [startMs + minute * MS_PER_MINUTE];
			},
			boundaryAt(minute) {
				checkMinute(minute);
				return startMs + minute * MS_PER_MINUTE;
			}
		};
	}

	// Transition days are rare, so each wall minute is resolved by Temporal and remembered.
	const instantsCache = new Map<number, readonly number[]>();
	const boundaryCache = new Map<number, number>();
	return {
		date: plain.toString(),
		weekday: plain.dayOfWeek,
		startMs,
		endMs,
		uniform,
		instantsAt(minute) {
			checkMinute(minute);
			let found = instantsCache.get(minute);
			if (found === undefined) {
				const wall = wallDateTime(plain, minute);
				const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
				if (!earlier.toPlainDateTime().equals(wall)) {
					// Temporal moved the time, so it does not exist: never offer "03:00" instead.
					found = NO_INSTANTS;
				} else {
					const later = wall.toZonedDateTime(zone, { disambiguation: 'later' });
					found =
						later.epochMilliseconds === earlier.epochMilliseconds
							? [earlier.epochMilliseconds]
							: [earlier.epochMilliseconds, later.epochMilliseconds];
				}
				instantsCache.set(minute, found);
			}
			return found;
		},
		boundaryAt(minute) {
			checkMinute(minute);
			let found = boundaryCache.get(minute);
			if (found === undefined) {
				const wall = wallDateTime(plain, minute);
				const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' });
				if (earlier.toPlainDateTime().equals(wall)) {
					found = earlier.epochMilliseconds;
				} else {
					// 'earlier' lands just before the gap, so the next transition is the jump itself.
					const jump = earlier.getTimeZoneTransition('next');
					if (jump === null) throw new RangeError(`No transition after a skipped time in ${zone}`);
					found = jump.epochMilliseconds;
				}
				boundaryCache.set(minute, found);
			}
			return found;
		}
	};
}

const MS_PER_DAY = 86_400_000;

/** The first offset change strictly after `epochMs`, or +Infinity if the zone has no more. */
function transitionAfter(zone: string, epochMs: number): number {
	const next = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).getTimeZoneTransition('next');
	return next === null ? Number.POSITIVE_INFINITY : next.epochMilliseconds;
}

/**
 * Every day from `fromDate` to `toDate` inclusive, in `zone`.
 *
 * Temporal supplies the first day's start and the zone's transitions in the window; between
 * transitions the offset is constant, so the next day starts exactly 24 h later. Days that
 * contain a transition (or start on one, like a skipped midnight) get their end from Temporal
 * and are marked non-uniform. This keeps a 62-day query to a few Temporal calls.
 */
export function localDays(zone: string, fromDate: string, toDate: string): LocalDay[] {
	assertTimeZone(zone);
	const first = parseLocalDate(fromDate);
	const last = parseLocalDate(toDate);
	const days: LocalDay[] = [];
	if (Temporal.PlainDate.compare(first, last) > 0) return days;

	let plain = first;
	// Start of day, not 00:00: Temporal gives the first instant of the date even where midnight
	// itself is skipped.
	let startMs = plain.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
	// Invariant: the first transition at or after startMs.
	let transition = transitionAfter(zone, startMs - 1);
	for (;;) {
		const following = plain.add({ days: 1 });
		const endMs =
			transition > startMs + MS_PER_DAY
				? startMs + MS_PER_DAY
				: following.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
		const uniform = transition >= endMs;
		while (transition < endMs) transition = transitionAfter(zone, transition);
		days.push(makeDay(zone, plain, startMs, endMs, uniform));
		if (Temporal.PlainDate.compare(plain, last) >= 0) break;
		plain = following;
		startMs = endMs;
	}
	return days;
}

export function localDay(zone: string, date: string): LocalDay {
	const [day] = localDays(zone, date, date);
	if (!day) throw new RangeError(`Not a date: ${date}`);
	return day;
}
