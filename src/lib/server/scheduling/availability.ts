/**
 * The availability (slot) engine: a pure function of schedules, appointments, service rules, `now`
 * and the clinic's zone. No clock, no database, no process time zone.
 *
 * Semantics (the answers to "where exactly does a slot go?"):
 * - Days are the clinic zone's calendar days; `fromDate` and `toDate` are both included.
 * - A provider's open time on a day is their weekly ranges for that weekday plus any extra hours
 *   that date, per location, with overlapping or touching ranges joined (09–12 and 12–14 is
 *   09–14). Breaks, time off and clinic closures are then cut out of it.
 * - Slots start on a wall-clock grid anchored at each (joined) range's start and stepping by the
 *   service's slot interval: a 09:00 range gives 09:00, 09:15, … whatever breaks or appointments
 *   sit in it, so the times patients see stay stable. On a spring-forward day grid times that do
 *   not exist are skipped (never moved to 03:00); on a fall-back day a repeated time gives two
 *   slots, one per instant. Durations are elapsed time, so a 60-minute slot is 60 real minutes.
 * - A range boundary written in a repeated hour means its first occurrence; one written in a
 *   skipped hour means the moment the clock jumped.
 * - The slot plus the service's buffers ([start − before, end + after)) must lie inside one piece
 *   of open time: buffers are the practitioner's set-up and clean-up, done within working hours
 *   and not in lunch or after closing. That padded span must also not meet any existing
 *   appointment widened by that appointment's own buffers. Intervals are half-open, so
 *   back-to-back is allowed.
 * - Minimum notice: the slot's start must be at least `minNoticeMinutes` after `now` (elapsed time,
 *   so it is right across a DST change).
 * - Horizon: only days up to and including today + `horizonDays`, today being the clinic-zone date
 *   of `now`.
 * - Output is sorted by start instant, then provider id, then location id (code-unit order, not
 *   locale order, so it is the same on every machine).
 */
import {
	type Interval,
	containing,
	overlapsAny,
	subtractIntervals,
	unionOfIntervals
} from './intervals';
import {
	type BusyAppointment,
	type ClinicClosure,
	type Schedule,
	type ServiceRules,
	MAX_QUERY_DAYS,
	resolveServiceRules
} from './schedule';
import {
	type LocalDay,
	MS_PER_MINUTE,
	addDays,
	assertTimeZone,
	daysBetween,
	localDateOf,
	localDays,
	parseLocalDate,
	parseWallTime
} from './zoned-time';

export type AvailabilityQuery = {
	/** The clinic's IANA zone; all dates and wall-clock times are read in it. */
	readonly zone: string;
	readonly fromDate: string;
	readonly toDate: string;
	readonly nowMs: number;
	/** Providers already known to be qualified for the service. */
	readonly providers: readonly string[];
	/** Only slots at this location. */
	readonly locationId?: string;
};

export type AvailabilityInput = {
	readonly schedule: Schedule;
	readonly service: ServiceRules;
	/** Non-cancelled appointments; any provider, any dates (the rest are ignored). */
	readonly appointments: readonly BusyAppointment[];
	readonly query: AvailabilityQuery;
};

export type AvailableSlot = {
	readonly startMs: number;
	/** startMs + duration; buffers are not part of the slot the patient sees. */
	readonly endMs: number;
	readonly providerId: string;
	readonly locationId: string;
};

type WallRange = { start: number; end: number; locationId: string };
type WallCut = { start: number; end: number } | 'whole_day';

function wallRange(start: string, end: string, what: string): { start: number; end: number } {
	const range = { start: parseWallTime(start), end: parseWallTime(end) };
	if (range.start >= range.end) throw new RangeError(`${what}: ${start}–${end} does not end after it starts`);
	return range;
}

/** A time-off or closure row as a cut: no times means the whole day. */
function optionalWallCut(start: string | undefined, end: string | undefined, what: string): WallCut {
	if (start === undefined && end === undefined) return 'whole_day';
	if (start === undefined || end === undefined) throw new RangeError(`${what}: give both start and end, or neither`);
	return wallRange(start, end, what);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Everything known about one provider, indexed so each day is a couple of lookups. */
type ProviderPlan = {
	rangesByWeekday: WallRange[][];
	breaksByWeekday: WallCut[][];
	extraByDate: Map<string, WallRange[]>;
	timeOffByDate: Map<string, WallCut[]>;
	busyStarts: number[];
	busyEnds: number[];
	busy: Interval[];
};

function emptyPlan(): ProviderPlan {
	return {
		rangesByWeekday: Array.from({ length: 8 }, () => []),
		breaksByWeekday: Array.from({ length: 8 }, () => []),
		extraByDate: new Map(),
		timeOffByDate: new Map(),
		busyStarts: [],
		busyEnds: [],
		busy: []
	};
}

function checkWeekday(weekday: number): number {
	if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) throw new RangeError(`Weekday must be 1–7: ${weekday}`);
	return weekday;
}

function buildPlans(
	providers: ReadonlySet<string>,
	schedule: Schedule,
	appointments: readonly BusyAppointment[],
	firstDate: string,
	lastDate: string,
	windowStart: number,
	windowEnd: number
): Map<string, ProviderPlan> {
	const plans = new Map<string, ProviderPlan>();
	for (const providerId of providers) plans.set(providerId, emptyPlan());
	const inWindow = (date: string) => date >= firstDate && date <= lastDate;

	for (const row of schedule.weeklyHours) {
		const plan = plans.get(row.providerId);
		if (!plan) continue;
		const range = wallRange(row.start, row.end, 'Weekly hours');
		plan.rangesByWeekday[checkWeekday(row.weekday)]!.push({ ...range, locationId: row.locationId });
	}
	for (const row of schedule.breaks ?? []) {
		const plan = plans.get(row.providerId);
		if (!plan) continue;
		plan.breaksByWeekday[checkWeekday(row.weekday)]!.push(wallRange(row.start, row.end, 'Break'));
	}
	for (const row of schedule.overrides ?? []) {
		const plan = plans.get(row.providerId);
		if (!plan) continue;
		parseLocalDate(row.date);
		if (!inWindow(row.date)) continue;
		if (row.kind === 'extra_hours') {
			const range = wallRange(row.start, row.end, 'Extra hours');
			push(plan.extraByDate, row.date, { ...range, locationId: row.locationId });
		} else {
			push(plan.timeOffByDate, row.date, optionalWallCut(row.start, row.end, 'Time off'));
		}
	}

	for (const appointment of appointments) {
		const plan = plans.get(appointment.providerId);
		if (!plan) continue;
		const start = appointment.startMs - appointment.bufferBeforeMinutes * MS_PER_MINUTE;
		const end = appointment.endMs + appointment.bufferAfterMinutes * MS_PER_MINUTE;
		// A NaN would fail every comparison below and silently free the time it should block.
		if (!Number.isFinite(start) || !Number.isFinite(end) || appointment.bufferBeforeMinutes < 0 || appointment.bufferAfterMinutes < 0) {
			throw new RangeError(`Appointment of ${appointment.providerId} has an invalid time or buffer`);
		}
		// Anything outside the window (widened by the largest buffers a candidate can have) cannot
		// touch a slot; dropping it keeps the sort small when the caller passes a long history.
		if (end > windowStart && start < windowEnd && end > start) {
			plan.busyStarts.push(start);
			plan.busyEnds.push(end);
		}
	}
	for (const plan of plans.values()) {
		plan.busy = unionOfIntervals(Float64Array.from(plan.busyStarts), Float64Array.from(plan.busyEnds));
	}
	return plans;
}

function closuresByDate(closures: readonly ClinicClosure[], firstDate: string, lastDate: string) {
	const byDate = new Map<string, { cut: WallCut; locationId: string | undefined }[]>();
	for (const row of closures) {
		parseLocalDate(row.date);
		if (row.date < firstDate || row.date > lastDate) continue;
		push(byDate, row.date, { cut: optionalWallCut(row.start, row.end, 'Closure'), locationId: row.locationId });
	}
	return byDate;
}

/** Same-location ranges sorted and joined where they overlap or touch (in wall-clock minutes). */
function joinRanges(ranges: readonly WallRange[]): WallRange[] {
	const sorted = [...ranges].sort((a, b) =>
		a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : a.start - b.start
	);
	const joined: WallRange[] = [];
	let current: WallRange | undefined;
	for (const range of sorted) {
		if (current && current.locationId === range.locationId && range.start <= current.end) {
			if (range.end > current.end) current.end = range.end;
		} else {
			current = { ...range };
			joined.push(current);
		}
	}
	return joined;
}

function cutToInstants(day: LocalDay, cut: WallCut): Interval {
	return cut === 'whole_day'
		? { start: day.startMs, end: day.endMs }
		: { start: day.boundaryAt(cut.start), end: day.boundaryAt(cut.end) };
}

function compareSlots(a: AvailableSlot, b: AvailableSlot): number {
	if (a.startMs !== b.startMs) return a.startMs - b.startMs;
	if (a.providerId !== b.providerId) return a.providerId < b.providerId ? -1 : 1;
	if (a.locationId !== b.locationId) return a.locationId < b.locationId ? -1 : 1;
	return 0;
}

export function computeAvailability(input: AvailabilityInput): AvailableSlot[] {
	const { schedule, appointments, query } = input;
	const rules = resolveServiceRules(input.service);
	assertTimeZone(query.zone);
	if (!Number.isSafeInteger(query.nowMs)) throw new RangeError(`nowMs must be epoch milliseconds: ${query.nowMs}`);
	const span = daysBetween(query.fromDate, query.toDate);
	if (span < 0) throw new RangeError(`toDate ${query.toDate} is before fromDate ${query.fromDate}`);
	if (span + 1 > MAX_QUERY_DAYS) throw new RangeError(`At most ${MAX_QUERY_DAYS} days per query`);

	// Days before today only have slots in the past, and days past the horizon are not offered;
	// both are trimmed before any work. ISO dates with 4-digit years compare as strings.
	const today = localDateOf(query.nowMs, query.zone);
	const lastBookable = addDays(today, rules.horizonDays);
	const firstDate = query.fromDate > today ? query.fromDate : today;
	const lastDate = query.toDate < lastBookable ? query.toDate : lastBookable;
	if (firstDate > lastDate) return [];

	const days = localDays(query.zone, firstDate, lastDate);
	const firstDay = days[0];
	const lastDay = days[days.length - 1];
	if (!firstDay || !lastDay) return [];

	const durationMs = rules.durationMinutes * MS_PER_MINUTE;
	const beforeMs = rules.bufferBeforeMinutes * MS_PER_MINUTE;
	const afterMs = rules.bufferAfterMinutes * MS_PER_MINUTE;
	const step = rules.slotIntervalMinutes;
	const earliestStart = query.nowMs + rules.minNoticeMinutes * MS_PER_MINUTE;

	const providers = new Set(query.providers);
	const plans = buildPlans(
		providers,
		schedule,
		appointments,
		firstDate,
		lastDate,
		firstDay.startMs - beforeMs,
		lastDay.endMs + afterMs
	);
	const closures = closuresByDate(schedule.closures ?? [], firstDate, lastDate);

	const slots: AvailableSlot[] = [];
	for (const [providerId, plan] of plans) {
		const { busy } = plan;
		for (const day of days) {
			const extra = plan.extraByDate.get(day.date);
			const weekly = plan.rangesByWeekday[day.weekday]!;
			if (weekly.length === 0 && !extra) continue;
			let ranges = extra ? [...weekly, ...extra] : weekly;
			if (query.locationId !== undefined) ranges = ranges.filter((r) => r.locationId === query.locationId);
			if (ranges.length === 0) continue;

			const providerCuts: Interval[] = [];
			for (const cut of plan.breaksByWeekday[day.weekday]!) providerCuts.push(cutToInstants(day, cut));
			for (const cut of plan.timeOffByDate.get(day.date) ?? []) providerCuts.push(cutToInstants(day, cut));
			const dayClosures = closures.get(day.date) ?? [];

			for (const range of joinRanges(ranges)) {
				const rangeStart = day.boundaryAt(range.start);
				const rangeEnd = day.boundaryAt(range.end);
				if (rangeEnd <= rangeStart) continue;

				let cuts = providerCuts;
				for (const closure of dayClosures) {
					if (closure.locationId === undefined || closure.locationId === range.locationId) {
						if (cuts === providerCuts) cuts = [...providerCuts];
						cuts.push(cutToInstants(day, closure.cut));
					}
				}
				const open = subtractIntervals({ start: rangeStart, end: rangeEnd }, cuts);
				if (open.length === 0) continue;

				const offer = (startMs: number): void => {
					if (startMs < earliestStart) return;
					const padStart = startMs - beforeMs;
					const padEnd = startMs + durationMs + afterMs;
					if (!containing(open, padStart, padEnd)) return;
					if (overlapsAny(busy, padStart, padEnd)) return;
					slots.push({ startMs, endMs: startMs + durationMs, providerId, locationId: range.locationId });
				};

				if (day.uniform) {
					// Wall clock = elapsed time all day: plain arithmetic, and the grid is increasing, so
					// stop at the first candidate that overruns the range.
					for (let minute = range.start; minute < range.end; minute += step) {
						const startMs = day.startMs + minute * MS_PER_MINUTE;
						if (startMs + durationMs + afterMs > rangeEnd) break;
						offer(startMs);
					}
				} else {
					for (let minute = range.start; minute < range.end; minute += step) {
						for (const startMs of day.instantsAt(minute)) offer(startMs);
					}
				}
			}
		}
	}
	return slots.sort(compareSlots);
}
