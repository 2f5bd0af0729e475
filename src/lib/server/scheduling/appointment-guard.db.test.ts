import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW } from '../testing/test-context';

/**
 * The database's own double-booking guard (exclusion constraint on PostgreSQL, triggers on
 * SQLite), tested with raw inserts so that no application check is involved.
 */
describeEachEngine('appointment overlap guard in the database', (handle) => {
	const ids = { clinic: '', service: '', provider: '', other: '', location: '', patient: 'p1' };
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		const db = handle.db;
		ids.clinic = (await db.selectFrom('clinic').select('id').executeTakeFirstOrThrow()).id;
		ids.service = (await db.selectFrom('service').select('id').where('slug', '=', 'dry-needling').executeTakeFirstOrThrow()).id;
		const providers = await db.selectFrom('staff').select('id').where('role', '=', 'clinician').orderBy('name').execute();
		ids.provider = providers[0]!.id;
		ids.other = providers[1]!.id;
		ids.location = (await db.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
		const now = TEST_NOW.toISOString();
		await db
			.insertInto('patient')
			.values({ id: 'p1', clinicId: ids.clinic, firstName: 'A', lastName: 'B', email: 'a@example.com', phone: '1', dateOfBirth: '1990-01-01', mergedIntoId: null, createdAt: now, updatedAt: now })
			.execute();
	});

	let n = 0;
	const book = (provider: string, from: string, until: string, status: 'booked' | 'cancelled' = 'booked') =>
		handle.db
			.insertInto('appointment')
			.values({
				id: `a${++n}`,
				clinicId: ids.clinic,
				serviceId: ids.service,
				providerId: provider,
				locationId: ids.location,
				patientId: ids.patient,
				startsAt: from,
				endsAt: until,
				blockedFrom: from,
				blockedUntil: until,
				status,
				source: 'online',
				createdAt: TEST_NOW.toISOString(),
				updatedAt: TEST_NOW.toISOString()
			})
			.execute();

	it('refuses an overlapping span for the same provider, of any length', async () => {
		await book(ids.provider, '2026-12-01T14:00:00.000Z', '2026-12-01T14:30:00.000Z');
		await expect(book(ids.provider, '2026-12-01T13:45:00.000Z', '2026-12-01T14:30:00.000Z')).rejects.toThrow(/overlap/);
		await expect(book(ids.provider, '2026-12-01T14:29:00.000Z', '2026-12-01T15:00:00.000Z')).rejects.toThrow(/overlap/);
	});

	it('accepts back-to-back spans, other providers, and overlaps with cancelled appointments', async () => {
		await book(ids.provider, '2026-12-01T14:30:00.000Z', '2026-12-01T15:00:00.000Z');
		await book(ids.other, '2026-12-01T14:00:00.000Z', '2026-12-01T14:30:00.000Z');
		await book(ids.provider, '2026-12-01T14:00:00.000Z', '2026-12-01T14:30:00.000Z', 'cancelled');
	});

	it('refuses un-cancelling into an occupied span', async () => {
		await expect(handle.db.updateTable('appointment').set({ status: 'booked' }).where('status', '=', 'cancelled').execute()).rejects.toThrow(/overlap/);
	});
});
