import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, staffActor, testCtx } from '../testing/test-context';
import { addException, addWorkingHours, removeScheduleRow } from '../scheduling/schedule-admin.service';
import { getAvailability } from '../scheduling/availability.service';
import { bookByStaff, cancelByStaff, getCalendar, moveByStaff, setVisitStatus } from './staff-appointments.service';

/** TEST_NOW is Friday 2026-11-27 10:00 in Boston. */
describeEachEngine('staff appointments and schedules', (handle) => {
	const ids: Record<string, string> = {};
	const caller = { firstName: 'Cal', lastName: 'Ler', email: 'caller@example.com', phone: '(617) 555-0111', dateOfBirth: '1970-01-01' };
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		for (const row of await handle.db.selectFrom('staff').select(['id', 'email']).execute()) ids[row.email.split('@')[0]!] = row.id;
	});
	const desk = async () => testCtx(handle.db, await staffActor(handle.db, 'front_desk'));

	it('books a caller for this afternoon (no minimum notice for staff) and shows it on the calendar, audited', async () => {
		const ctx = await desk();
		const { confirmation } = await bookByStaff(ctx, { service: 'dry-needling', providerId: ids['alex.chen'], start: '2026-11-27T14:00:00-05:00', ...caller });
		expect(confirmation.startMs).toBe(Date.parse('2026-11-27T19:00:00Z'));
		const calendar = await getCalendar(ctx, { view: 'day', date: '2026-11-27' });
		expect(calendar.days[0]!.entries.map((e) => e.patientName)).toEqual(['Cal Ler']);
		const week = await getCalendar(ctx, { view: 'week', date: '2026-11-27', providerId: ids['lin.zhao'] });
		expect(week.days.map((d) => d.date)[0]).toBe('2026-11-23');
		expect(week.days.flatMap((d) => d.entries)).toEqual([]);
		const audit = await handle.db.selectFrom('auditEvent').select(['action', 'patientId']).where('action', 'in', ['appointment.booked', 'calendar.viewed']).execute();
		expect(audit.map((a) => a.action)).toEqual(['appointment.booked', 'calendar.viewed', 'calendar.viewed']);
		expect(audit[0]!.patientId).toBeTruthy();
		expect((await domainError(getCalendar(testCtx(handle.db, anonymous), { view: 'day', date: '2026-11-27' }))).code).toBe('forbidden');
	});

	it('marks a no-show only after the start, and a staff cancellation inside the notice period as late', async () => {
		const ctx = await desk();
		const soon = await bookByStaff(ctx, { service: 'follow-up', providerId: ids['priya.nair'], start: '2026-11-27T15:00:00-05:00', ...caller });
		expect((await domainError(setVisitStatus(ctx, soon.confirmation.id, 'no_show'))).code).toBe('conflict');
		const later = fixedClock(new Date('2026-11-27T21:00:00Z'));
		await setVisitStatus(testCtx(handle.db, await staffActor(handle.db, 'front_desk'), later), soon.confirmation.id, 'no_show');

		const tomorrow = await bookByStaff(ctx, { service: 'follow-up', providerId: ids['alex.chen'], start: '2026-11-28T09:00:00-05:00', ...caller });
		expect(await cancelByStaff(ctx, tomorrow.confirmation.id, { requestedBy: 'patient', reason: 'Called: has the flu' })).toEqual({ late: true });
		const nextWeek = await bookByStaff(ctx, { service: 'follow-up', providerId: ids['alex.chen'], start: '2026-12-04T09:00:00-05:00', ...caller });
		await moveByStaff(ctx, nextWeek.confirmation.id, { start: '2026-12-04T10:00:00-05:00' });
		expect(await cancelByStaff(ctx, nextWeek.confirmation.id, { requestedBy: 'patient', reason: 'Moving away' })).toEqual({ late: false });
		const row = await handle.db.selectFrom('appointment').select(['sequence', 'status', 'startsAt']).where('id', '=', nextWeek.confirmation.id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ sequence: 2, status: 'cancelled' });
		expect(new Date(row.startsAt).toISOString()).toBe('2026-12-04T15:00:00.000Z');
	});

	it('asks who requested a staff cancellation and why, stores the reason, and never marks the clinic’s own cancellation late', async () => {
		const ctx = await desk();
		const tomorrow = await bookByStaff(ctx, { service: 'follow-up', providerId: ids['alex.chen'], start: '2026-11-28T10:00:00-05:00', ...caller });
		const id = tomorrow.confirmation.id;
		const missing = await domainError(cancelByStaff(ctx, id, {}));
		expect(missing.code).toBe('validation_failed');
		expect(Object.keys(missing.fieldErrors).sort()).toEqual(['reason', 'requestedBy']);
		expect((await domainError(cancelByStaff(ctx, id, { requestedBy: 'clinic', reason: '  ' }))).fieldErrors).toHaveProperty('reason');
		const before = await handle.db.selectFrom('appointment').select('status').where('id', '=', id).executeTakeFirstOrThrow();
		expect(before.status).toBe('booked');

		// Inside the notice period, but the clinic cancels: not late.
		expect(await cancelByStaff(ctx, id, { requestedBy: 'clinic', reason: 'Clinician off sick' })).toEqual({ late: false });
		const row = await handle.db.selectFrom('appointment').select(['status', 'lateCancellation', 'cancelledBy', 'cancellationReason']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'cancelled', lateCancellation: 0, cancelledBy: 'clinic', cancellationReason: 'Clinician off sick' });
		const audit = await handle.db.selectFrom('auditEvent').select('detail').where('action', '=', 'appointment.cancelled').where('entityId', '=', id).executeTakeFirstOrThrow();
		expect(JSON.parse(audit.detail!)).toEqual({ by: 'staff', requestedBy: 'clinic', late: false });
		expect(audit.detail).not.toContain('sick');
	});

	it('refuses a status change or cancellation decided on a state that changed meanwhile (409), and never revives a cancelled visit', async () => {
		const ctx = await desk();
		const booked = await bookByStaff(ctx, { service: 'follow-up', providerId: ids['priya.nair'], start: '2026-12-02T11:00:00-05:00', ...caller });
		const id = booked.confirmation.id;
		const [cancel, arrived] = await Promise.all([
			cancelByStaff(ctx, id, { requestedBy: 'clinic', reason: 'Room flooded' }).then(() => 'ok', (e: unknown) => (e as { code?: string }).code),
			setVisitStatus(ctx, id, 'arrived').then(() => 'ok', (e: unknown) => (e as { code?: string }).code)
		]);
		const row = await handle.db.selectFrom('appointment').select('status').where('id', '=', id).executeTakeFirstOrThrow();
		// Whichever committed first stands; the other did nothing.
		expect([cancel, arrived].sort()).toEqual(['conflict', 'ok']);
		expect(row.status).toBe(cancel === 'ok' ? 'cancelled' : 'arrived');
	});

	it('lets a clinician change only their own hours, and admins anyone’s; time off empties the day', async () => {
		const clinician = testCtx(handle.db, await staffActor(handle.db, 'clinician'));
		const own = (clinician.actor as { staffId: string }).staffId;
		const other = Object.values(ids).find((id) => id !== own && id !== ids.admin && id !== ids.frontdesk)!;
		const location = (await handle.db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
		await addWorkingHours(clinician, own, { locationId: location, weekday: '7', start: '10:00', end: '12:00' });
		expect((await domainError(addWorkingHours(clinician, other, { locationId: location, weekday: '7', start: '10:00', end: '12:00' }))).code).toBe('forbidden');
		expect((await domainError(addWorkingHours(clinician, own, { locationId: location, weekday: '7', start: '12:00', end: '10:00' }))).fieldErrors).toHaveProperty('end');
		expect((await domainError(addWorkingHours(await desk(), own, { locationId: location, weekday: '1', start: '10:00', end: '12:00' }))).code).toBe('forbidden');

		const sunday = await getAvailability(clinician, { service: 'follow-up', from: '2026-12-06', to: '2026-12-06', provider: own });
		expect(sunday.slots.length).toBeGreaterThan(0);
		const admin = testCtx(handle.db, await staffActor(handle.db, 'admin'));
		await addException(admin, own, { kind: 'time_off', date: '2026-12-06', start: '', end: '', note: 'Away' });
		expect((await getAvailability(clinician, { service: 'follow-up', from: '2026-12-06', to: '2026-12-06', provider: own })).slots).toEqual([]);
		expect((await domainError(addException(admin, own, { kind: 'time_off', date: '2026-11-01' }))).fieldErrors).toHaveProperty('date');
		const row = await handle.db.selectFrom('providerHours').select('id').where('staffId', '=', own).where('weekday', '=', 7).executeTakeFirstOrThrow();
		expect((await domainError(removeScheduleRow(clinician, other, 'providerHours', { id: row.id }))).code).toBe('forbidden');
		await removeScheduleRow(clinician, own, 'providerHours', { id: row.id });
	});
});
