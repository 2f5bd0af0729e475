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
import { findLocation } from '../clinic/location.repository';
import {
	deleteClosure,
	deleteScheduleRow,
	findClinician,
	insertBreak,
	insertClosure,
	insertException,
	insertWeeklyHours,
	listActiveLocationChoices,
	listBreaks,
	listCalendarChoices,
	listClosuresFrom,
	listExceptionsFrom,
	listWeeklyHours,
	type BreakRow,
	type Choice,
	type ClosureRow,
	type ExceptionRow,
	type ScheduleRowTable,
	type WeeklyHoursRow
} from './schedule-admin.repository';

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
	staff: Choice;
	locations: Choice[];
	hours: WeeklyHoursRow[];
	breaks: BreakRow[];
	exceptions: ExceptionRow[];
};

async function clinicianOf(ctx: Ctx, staffId: string) {
	const clinic = await getClinic(ctx);
	const staff = await findClinician(ctx.db, clinic.id, staffId);
	if (!staff) throw notFound('clinician');
	return { clinic, staff };
}

export async function getProviderSchedule(ctx: Ctx, staffId: string): Promise<ProviderSchedule> {
	authorize(ctx.actor, 'appointment:read');
	const { clinic, staff } = await clinicianOf(ctx, staffId);
	const today = localDateOf(ctx.clock.now().getTime(), clinic.timeZone);
	const [locations, hours, breaks, exceptions] = await Promise.all([
		listActiveLocationChoices(ctx.db, clinic.id),
		listWeeklyHours(ctx.db, staff.id),
		listBreaks(ctx.db, staff.id),
		listExceptionsFrom(ctx.db, staff.id, today)
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

/** A location id typed into a form must be one of the clinic's own. */
async function checkLocation(ctx: Ctx, clinicId: string, locationId: string | undefined): Promise<void> {
	if (locationId && !(await findLocation(ctx.db, clinicId, locationId))) throw validationFailed({ locationId: 'Choose a location from the list.' });
}

export async function addWorkingHours(ctx: Ctx, staffId: string, raw: Record<string, unknown>): Promise<void> {
	authorizeFor(ctx, staffId);
	const { clinic } = await clinicianOf(ctx, staffId);
	const row = parseInput(weeklyHoursSchema, { providerId: staffId, locationId: raw.locationId, weekday: asNumber(raw.weekday), start: raw.start, end: raw.end });
	await checkLocation(ctx, clinic.id, row.locationId);
	await audited(ctx, staffId, 'hours_added', (trx) =>
		insertWeeklyHours(trx, { id: randomUUID(), staffId, locationId: row.locationId, weekday: row.weekday, start: row.start, end: row.end })
	);
}

export async function addBreak(ctx: Ctx, staffId: string, raw: Record<string, unknown>): Promise<void> {
	authorizeFor(ctx, staffId);
	await clinicianOf(ctx, staffId);
	const row = parseInput(recurringBreakSchema, { providerId: staffId, weekday: asNumber(raw.weekday), start: raw.start, end: raw.end });
	await audited(ctx, staffId, 'break_added', (trx) => insertBreak(trx, { id: randomUUID(), staffId, weekday: row.weekday, start: row.start, end: row.end }));
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
	if (row.kind === 'extra_hours') await checkLocation(ctx, clinic.id, row.locationId);
	const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, 200) : '';
	await audited(ctx, staffId, row.kind, (trx) =>
		insertException(trx, {
			id: randomUUID(),
			staffId,
			date: row.date,
			kind: row.kind,
			start: row.start ?? null,
			end: row.end ?? null,
			locationId: row.kind === 'extra_hours' ? row.locationId : null,
			note
		})
	);
}

/** Removes one row of hours, breaks or exceptions, only if it belongs to this clinician. */
export async function removeScheduleRow(ctx: Ctx, staffId: string, table: ScheduleRowTable, raw: unknown): Promise<void> {
	authorizeFor(ctx, staffId);
	const { id } = parseInput(idInput, raw);
	// The clinician must be of the actor's clinic: an admin of another clinic gets not-found.
	await clinicianOf(ctx, staffId);
	await audited(ctx, staffId, `${table}_removed`, async (trx) => {
		if (!(await deleteScheduleRow(trx, table, staffId, id))) throw notFound('entry');
	});
}

export type Closure = ClosureRow;

export type ClosuresPage = { closures: Closure[]; providers: Choice[]; locations: Choice[]; zone: string };

/** The clinic-wide schedule page: upcoming closures and the people and places to pick from. */
export async function closuresPage(ctx: Ctx): Promise<ClosuresPage> {
	authorize(ctx.actor, 'appointment:read');
	const clinic = await getClinic(ctx);
	const [closures, choices] = await Promise.all([
		listClosuresFrom(ctx.db, clinic.id, localDateOf(ctx.clock.now().getTime(), clinic.timeZone)),
		listCalendarChoices(ctx.db, clinic.id)
	]);
	return { closures, ...choices, zone: clinic.timeZone };
}

export async function addClosure(ctx: Ctx, raw: Record<string, unknown>): Promise<void> {
	authorize(ctx.actor, 'schedule:manage');
	const clinic = await getClinic(ctx);
	const row = parseInput(clinicClosureSchema, { date: raw.date, start: blank(raw.start), end: blank(raw.end), locationId: blank(raw.locationId) });
	if (row.date < localDateOf(ctx.clock.now().getTime(), clinic.timeZone)) throw validationFailed({ date: 'Choose today or a later date.' });
	await checkLocation(ctx, clinic.id, row.locationId);
	const reason = typeof raw.reason === 'string' ? raw.reason.trim().slice(0, 200) : '';
	await writeTransaction(ctx.db, async (trx) => {
		const id = randomUUID();
		await insertClosure(trx, clinic.id, { id, date: row.date, start: row.start ?? null, end: row.end ?? null, locationId: row.locationId ?? null, reason });
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'schedule.updated', entityType: 'clinic_closure', entityId: id, detail: { change: 'closure_added' } });
	});
}

export async function removeClosure(ctx: Ctx, raw: unknown): Promise<void> {
	authorize(ctx.actor, 'schedule:manage');
	const { id } = parseInput(idInput, raw);
	const clinic = await getClinic(ctx);
	await writeTransaction(ctx.db, async (trx) => {
		if (!(await deleteClosure(trx, clinic.id, id))) throw notFound('closure');
		await bumpBookingVersion(trx);
		await recordAudit({ ...ctx, db: trx }, { action: 'schedule.updated', entityType: 'clinic_closure', entityId: id, detail: { change: 'closure_removed' } });
	});
}
