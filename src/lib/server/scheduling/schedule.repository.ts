import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';
import type { BusyAppointment, ClinicClosure, DateOverride, RecurringBreak, Schedule, WeeklyHours } from './schedule';

/**
 * Reads what the slot engine needs for some providers and dates in four indexed queries (hours,
 * breaks, exceptions, closures) plus one for busy spans, whatever the number of providers or days:
 * no query per provider or per day.
 */
export async function loadSchedule(
	db: Kysely<DB>,
	clinicId: string,
	providerIds: readonly string[],
	fromDate: string,
	toDate: string
): Promise<Schedule> {
	if (providerIds.length === 0) return { weeklyHours: [], breaks: [], overrides: [], closures: [] };
	const ids = [...providerIds];
	const [hours, breaks, exceptions, closures] = await Promise.all([
		db
			.selectFrom('providerHours as h')
			.innerJoin('location as l', 'l.id', 'h.locationId')
			.select(['h.staffId', 'h.locationId', 'h.weekday', 'h.starts', 'h.ends'])
			.where('h.staffId', 'in', ids)
			.where('l.active', '=', 1)
			.execute(),
		db.selectFrom('providerBreak').select(['staffId', 'weekday', 'starts', 'ends']).where('staffId', 'in', ids).execute(),
		db
			.selectFrom('scheduleException')
			.select(['staffId', 'date', 'kind', 'starts', 'ends', 'locationId'])
			.where('staffId', 'in', ids)
			.where('date', '>=', fromDate)
			.where('date', '<=', toDate)
			.execute(),
		db
			.selectFrom('clinicClosure')
			.select(['date', 'starts', 'ends', 'locationId'])
			.where('clinicId', '=', clinicId)
			.where('date', '>=', fromDate)
			.where('date', '<=', toDate)
			.execute()
	]);
	const weeklyHours: WeeklyHours[] = hours.map((h) => ({
		providerId: h.staffId,
		locationId: h.locationId,
		weekday: h.weekday,
		start: h.starts,
		end: h.ends
	}));
	const recurring: RecurringBreak[] = breaks.map((b) => ({ providerId: b.staffId, weekday: b.weekday, start: b.starts, end: b.ends }));
	const overrides: DateOverride[] = [];
	for (const e of exceptions) {
		if (e.kind === 'extra_hours') {
			// The table's checks guarantee times and a location for extra hours.
			if (e.starts && e.ends && e.locationId) {
				overrides.push({ kind: 'extra_hours', providerId: e.staffId, locationId: e.locationId, date: e.date, start: e.starts, end: e.ends });
			}
		} else {
			overrides.push({
				kind: 'time_off',
				providerId: e.staffId,
				date: e.date,
				...(e.starts && e.ends ? { start: e.starts, end: e.ends } : {})
			});
		}
	}
	const clinicClosures: ClinicClosure[] = closures.map((c) => ({
		date: c.date,
		...(c.starts && c.ends ? { start: c.starts, end: c.ends } : {}),
		...(c.locationId ? { locationId: c.locationId } : {})
	}));
	return { weeklyHours, breaks: recurring, overrides, closures: clinicClosures };
}

/** Epoch ms of a stored instant: ISO text on SQLite (Date.parse is exact for it), a Date on PostgreSQL. */
function epochMs(value: unknown): number {
	const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
	if (Number.isNaN(ms)) throw new TypeError('Stored instant is not a valid date');
	return ms;
}

/**
 * Live (not cancelled) appointments of these providers whose busy span meets [fromMs, untilMs).
 * The stored span already includes each appointment's buffers, so the engine gets zero buffers.
 * This is the hot query of every availability request (thousands of rows for a month of a busy
 * clinic), so it selects three short columns and skips building Date objects.
 */
export async function loadBusy(
	db: Kysely<DB>,
	providerIds: readonly string[],
	fromMs: number,
	untilMs: number,
	exceptAppointmentId?: string
): Promise<BusyAppointment[]> {
	if (providerIds.length === 0) return [];
	let query = db
		.selectFrom('appointment')
		.select(['providerId as p', 'blockedFrom as f', 'blockedUntil as u'])
		.where('providerId', 'in', [...providerIds])
		.where('blockedFrom', '<', writeInstant(new Date(untilMs)))
		.where('blockedUntil', '>', writeInstant(new Date(fromMs)))
		.where('status', '!=', 'cancelled');
	if (exceptAppointmentId) query = query.where('id', '!=', exceptAppointmentId);
	const rows = await query.execute();
	const busy: BusyAppointment[] = new Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		busy[i] = { providerId: row.p, startMs: epochMs(row.f), endMs: epochMs(row.u), bufferBeforeMinutes: 0, bufferAfterMinutes: 0 };
	}
	return busy;
}
