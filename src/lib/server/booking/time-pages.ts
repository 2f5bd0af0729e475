import type { Ctx } from '../context';
import type { Clinic } from '../clinic/clinic';
import type { AvailableSlot } from '../scheduling/availability';
import { searchSlots } from '../scheduling/availability.service';
import { formatInstant } from '../scheduling/rfc3339';
import type { ResolvedServiceRules } from '../scheduling/schedule';
import { addDays, daysBetween, isLocalDate, localDateOf, localDay } from '../scheduling/zoned-time';
import { clockTime, dayHeading, zoneLabel } from '../../shared/booking-time';
import type { DayOption, TimeOption } from '../../shared/booking-view';

/** A page of free times (seven clinic days) for the booking and manage pages. */
export const DAYS_PER_PAGE = 7;

export type TimesPage = { days: DayOption[]; zoneLabel: string; earlier: string | null; later: string | null };

export function timeOption(slot: AvailableSlot, zone: string): TimeOption {
	return { value: formatInstant(slot.startMs, zone), label: clockTime(slot.startMs, zone), dayLabel: dayHeading(slot.startMs, zone) };
}

/** One time per start: with "first available", a time is shown once however many are free then. */
export function distinctTimes(slots: readonly AvailableSlot[]): AvailableSlot[] {
	const seen = new Set<number>();
	return slots.filter((s) => (seen.has(s.startMs) ? false : (seen.add(s.startMs), true)));
}

export async function timesPage(
	ctx: Ctx,
	clinic: Clinic,
	rules: ResolvedServiceRules,
	providerIds: readonly string[],
	week: string | undefined,
	exceptAppointmentId?: string
): Promise<TimesPage> {
	const zone = clinic.timeZone;
	const nowMs = ctx.clock.now().getTime();
	const today = localDateOf(nowMs, zone);
	const last = addDays(today, rules.horizonDays);
	let from = week && isLocalDate(week) ? week : today;
	if (from < today) from = today;
	if (from > last) from = last;
	const to = addDays(from, DAYS_PER_PAGE - 1);
	const slots = distinctTimes(
		await searchSlots(ctx.db, {
			clinicId: clinic.id,
			zone,
			rules,
			providerIds,
			fromDate: from,
			toDate: to,
			nowMs,
			...(exceptAppointmentId ? { exceptAppointmentId } : {})
		})
	);
	const days: DayOption[] = [];
	for (let i = 0; i < DAYS_PER_PAGE; i++) {
		const date = addDays(from, i);
		if (date > last) break;
		const day = localDay(zone, date);
		days.push({
			date,
			label: dayHeading(day.startMs + 12 * 3_600_000, zone),
			times: slots.filter((s) => s.startMs >= day.startMs && s.startMs < day.endMs).map((s) => timeOption(s, zone))
		});
	}
	return {
		days,
		zoneLabel: zoneLabel(localDay(zone, from).startMs + 12 * 3_600_000, zone),
		earlier: from > today ? (daysBetween(today, from) >= DAYS_PER_PAGE ? addDays(from, -DAYS_PER_PAGE) : today) : null,
		later: addDays(from, DAYS_PER_PAGE) <= last ? addDays(from, DAYS_PER_PAGE) : null
	};
}
