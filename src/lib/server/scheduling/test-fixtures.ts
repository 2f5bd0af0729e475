/** Small builders shared by the scheduling tests, so each test states only what it is about. */
import { type AvailabilityInput, type AvailableSlot, computeAvailability } from './availability';
import { createInstantFormatter } from './rfc3339';
import type { BusyAppointment, Schedule, ServiceRules, WeeklyHours } from './schedule';

/** An instant written with its offset; Date.parse is exact and TZ-independent for such strings. */
export function at(text: string): number {
	if (!/(Z|[+-]\d{2}:\d{2})$/.test(text)) throw new Error(`Test instants need an offset: ${text}`);
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) throw new Error(`Bad test instant: ${text}`);
	return ms;
}

export function everyDay(providerId: string, start: string, end: string, locationId = 'main'): WeeklyHours[] {
	return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ providerId, locationId, weekday, start, end }));
}

/**
 * A 60-minute service on an hourly grid, no buffers, no notice and a horizon long enough that a
 * fixed `now` early in 2026 reaches every date the tests use: the plainest rules.
 */
export const hourly: ServiceRules = {
	durationMinutes: 60,
	bufferBeforeMinutes: 0,
	bufferAfterMinutes: 0,
	slotIntervalMinutes: 60,
	minNoticeMinutes: 0,
	horizonDays: 1000
};

export type Scenario = {
	zone: string;
	fromDate: string;
	toDate?: string;
	now: string;
	schedule: Schedule;
	service?: ServiceRules;
	appointments?: BusyAppointment[];
	providers?: string[];
	locationId?: string;
};

export function run(scenario: Scenario): AvailableSlot[] {
	const input: AvailabilityInput = {
		schedule: scenario.schedule,
		service: scenario.service ?? hourly,
		appointments: scenario.appointments ?? [],
		query: {
			zone: scenario.zone,
			fromDate: scenario.fromDate,
			toDate: scenario.toDate ?? scenario.fromDate,
			nowMs: at(scenario.now),
			providers: scenario.providers ?? ['p1'],
			...(scenario.locationId === undefined ? {} : { locationId: scenario.locationId })
		}
	};
	return computeAvailability(input);
}

/** Slot starts as RFC 3339 in `zone`: the form a reader of a failing test can check by eye. */
export function starts(slots: readonly AvailableSlot[], zone: string): string[] {
	const format = createInstantFormatter(zone);
	return slots.map((slot) => format(slot.startMs));
}

/** Slot starts as UTC instants ('…Z'), for the DST tables that are written in UTC. */
export function utcStarts(slots: readonly AvailableSlot[]): string[] {
	return slots.map((slot) => new Date(slot.startMs).toISOString().replace('.000Z', 'Z'));
}

export function appointment(
	providerId: string,
	start: string,
	end: string,
	bufferBeforeMinutes = 0,
	bufferAfterMinutes = 0
): BusyAppointment {
	return { providerId, startMs: at(start), endMs: at(end), bufferBeforeMinutes, bufferAfterMinutes };
}
