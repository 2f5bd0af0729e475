import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '../context';
import { authorize } from '../auth/policy';
import { writeTransaction } from '../db/write-transaction';
import { notFound, validationFailed } from '../errors';
import { parseInput } from '../validation';
import { recordAudit } from '../audit/audit.service';
import { getClinic } from '../clinic/clinic.service';
import { clinicClosureSchema, dateOverrideSchema, recurringBreakSchema, weeklyHoursSchema } from './schedule';
import { localDateOf } from './zoned-time';
import { bumpBookingVersion } from '../booking/booking-version';

/**
 * Working hours, breaks, time off and extra hours (admins for anyone, a clinician for
 * themselves), and clinic closures (admins). Wall-clock times in the clinic's zone, as the slot
 * engine reads them. Every change is audited.
 */

/** Admins may edit anyone's schedule; a clinician only their own. */
function authorizeFor(ctx: Ctx, staffId: string): void {
	if (ctx.actor.kind === 'staff' && ctx.actor.staffId === staffId) authorize(ctx.actor, 'schedule:manage_own');
	else authorize(ctx.actor, 'schedule:manage');
}

export function canEditSchedule(ctx: Ctx, staffId: string): boolean {
	try {
		authorizeFor(ctx, staffId);
		return true;
	} catch {
		return false;
	}
}

export type ProviderSchedule = {
	staff: { id: string; name: string };
	locations: { id: string; name: string }[];
	hours: { id: string; locationId: string; weekday: number; start: string; end: string }[];
	breaks: { id: string; weekday: number; start: string; end: string }[];
	exceptions: { id: string; date: string; kind: 'time_off' | 'extra_hours'; start: string | null; end: string | null; locationId: string | null; note: string }[];
};

async function clinicianOf(ctx: Ctx, staffId: string) {
	const clinic = await getClinic(ctx);
	const staff = await ctx.db
		.selectFrom('staff')
		.select(['id', 'name'])
		.where('clinicId', '=', clinic.id)
		.where('id', '=', staffId)
		.where('role', '=', 'clinician')
		.executeTakeFirst();
	if (!staff) throw notFound('clinician');
	return { clinic, staff };
}

export async function getProviderSchedule(ctx: Ctx, staffId: string): Promise<ProviderSchedule> {
	authorize(ctx.actor, 'appointment:read');
	const { clinic, staff } = await clinicianOf(ctx, staffId);
	const today = localDateOf(ctx.clock.now().getTime(), clinic.timeZone);
	const [locations, hours, breaks, exceptions] = await Promise.all([
		ctx.db.selectFrom('location').select(['id', 'name']).where('clinicId', '=', clinic.id).where('active', '=', 1).orderBy('name').execute(),
		ctx.db.selectFrom('providerHours').select(['id', 'locationId', 'weekday', 'starts as start', 'ends as end']).where('staffId', '=', staffId).orderBy('weekday').orderBy('starts').execute(),
		ctx.db.selectFrom('providerBreak').select(['id', 'weekday', 'starts as start', 'ends as end']).where('staffId', '=', staffId).orderBy('weekday').orderBy('starts').execute(),
		ctx.db
			.selectFrom('scheduleException')
			.select(['id', 'date', 'kind', 'starts as start', 'ends as end', 'locationId', 'note'])
			.where('staffId', '=', staffId)
			.where('date', '>=', today)
			.orderBy('date')
			.orderBy('starts')
			.execute()
	]);
	return { staff, locations, hours, breaks, exceptions };
}

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const asNumber = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v);
const idInput = z.object({ id: z.string().min(1).max(100) });

async function audited(ctx: Ctx, staffId: string, change: string, work: (trx: Ctx['db']) => Promise<unknown>): Promise<void> {
	await writeTransaction(ctx.db, async (trx) => {
		await work(trx);
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'schedule.updated', entityType: 'staff', entityId: staffId, detail: { change } });
	});
}

export async function addWorkingHours(ctx: Ctx, staffId: string, raw: Record<string, unknown>): Promise<void> {
	authorizeFor(ctx, staffId);
	await clinicianOf(ctx, staffId);
	const row = parseInput(weeklyHoursSchema, { providerId: staffId, locationId: raw.locationId, weekday: asNumber(raw.weekday), start: raw.start, end: raw.end });
	await audited(ctx, staffId, 'hours_added', (trx) =>
		trx.insertInto('providerHours').values({ id: randomUUID(), staffId, locationId: row.locationId, weekday: row.weekday, starts: row.start, ends: row.end }).execute()
	);
}

export async function addBreak(ctx: Ctx, staffId: string, raw: Record<string, unknown>): Promise<void> {
	authorizeFor(ctx, staffId);
	await clinicianOf(ctx, staffId);
	const row = parseInput(recurringBreakSchema, { providerId: staffId, weekday: asNumber(raw.weekday), start: raw.start, end: raw.end });
	await audited(ctx, staffId, 'break_added', (trx) =>
		trx.insertInto('providerBreak').values({ id: randomUUID(), staffId, weekday: row.weekday, starts: row.start, ends: row.end }).execute()
	);
}

export async function addException(ctx: Ctx, staffId: string, raw: Record<string, unknown>): Promise<void> {
	authorizeFor(ctx, staffId);
	const { clinic } = await clinicianOf(ctx, staffId);
	const row = parseInput(dateOverrideSchema, {
		kind: raw.kind,
		providerId: staffId,
		date: raw.date,
		start: blank(raw.start),
		end: blank(raw.end),
		...(raw.kind === 'extra_hours' ? { locationId: raw.locationId } : {})
	});
	if (row.date < localDateOf(ctx.clock.now().getTime(), clinic.timeZone)) throw validationFailed({ date: 'Choose today or a later date.' });
	const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, 200) : '';
	await audited(ctx, staffId, row.kind, (trx) =>
		trx
			.insertInto('scheduleException')
			.values({
				id: randomUUID(),
				staffId,
				date: row.date,
				kind: row.kind,
				starts: row.start ?? null,
				ends: row.end ?? null,
				locationId: row.kind === 'extra_hours' ? row.locationId : null,
				note
			})
			.execute()
	);
}

/** Removes one row of hours, breaks or exceptions, only if it belongs to this clinician. */
export async function removeScheduleRow(ctx: Ctx, staffId: string, table: 'providerHours' | 'providerBreak' | 'scheduleException', raw: unknown): Promise<void> {
	authorizeFor(ctx, staffId);
	const { id } = parseInput(idInput, raw);
	await audited(ctx, staffId, `${table}_removed`, async (trx) => {
		const result = await trx.deleteFrom(table).where('id', '=', id).where('staffId', '=', staffId).executeTakeFirst();
		if (Number(result.numDeletedRows) === 0) throw notFound('entry');
	});
}

export type Closure = { id: string; date: string; start: string | null; end: string | null; locationId: string | null; reason: string };

export async function listClosures(ctx: Ctx): Promise<Closure[]> {
	authorize(ctx.actor, 'appointment:read');
	const clinic = await getClinic(ctx);
	const today = localDateOf(ctx.clock.now().getTime(), clinic.timeZone);
	return ctx.db
		.selectFrom('clinicClosure')
		.select(['id', 'date', 'starts as start', 'ends as end', 'locationId', 'reason'])
		.where('clinicId', '=', clinic.id)
		.where('date', '>=', today)
		.orderBy('date')
		.execute();
}

export async function addClosure(ctx: Ctx, raw: Record<string, unknown>): Promise<void> {
	authorize(ctx.actor, 'schedule:manage');
	const clinic = await getClinic(ctx);
	const row = parseInput(clinicClosureSchema, { date: raw.date, start: blank(raw.start), end: blank(raw.end), locationId: blank(raw.locationId) });
	if (row.date < localDateOf(ctx.clock.now().getTime(), clinic.timeZone)) throw validationFailed({ date: 'Choose today or a later date.' });
	const reason = typeof raw.reason === 'string' ? raw.reason.trim().slice(0, 200) : '';
	await writeTransaction(ctx.db, async (trx) => {
		const id = randomUUID();
		await trx
			.insertInto('clinicClosure')
			.values({ id, clinicId: clinic.id, date: row.date, starts: row.start ?? null, ends: row.end ?? null, locationId: row.locationId ?? null, reason })
			.execute();
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'schedule.updated', entityType: 'clinic_closure', entityId: id, detail: { change: 'closure_added' } });
	});
}

export async function removeClosure(ctx: Ctx, raw: unknown): Promise<void> {
	authorize(ctx.actor, 'schedule:manage');
	const { id } = parseInput(idInput, raw);
	const clinic = await getClinic(ctx);
	await writeTransaction(ctx.db, async (trx) => {
		const result = await trx.deleteFrom('clinicClosure').where('id', '=', id).where('clinicId', '=', clinic.id).executeTakeFirst();
		if (Number(result.numDeletedRows) === 0) throw notFound('closure');
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'schedule.updated', entityType: 'clinic_closure', entityId: id, detail: { change: 'closure_removed' } });
	});
}
