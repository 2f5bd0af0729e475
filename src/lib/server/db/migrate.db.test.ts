import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { CREDENTIAL_CODES, CREDENTIALS } from '../../shared/credentials';
import { EngineHandle, ENGINES, describeEachEngine } from '../testing/engines';
import { migrateAllDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';

const adminUrl = process.env.TEST_DATABASE_URL;

describe.each(ENGINES)('migrations on %s', (engine) => {
	it.skipIf(engine === 'postgres' && !adminUrl && process.env.CI !== 'true')('run up, down and up again', async () => {
		const handle = new EngineHandle(engine);
		const { db } = await handle.openEmpty();
		try {
			expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
			expect(await migrateAllDown(db)).toEqual(Object.keys(migrations).reverse());
			const tables = await db.introspection.getTables();
			expect(tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
			expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
			expect(await migrateToLatest(db)).toEqual([]);
		} finally {
			await handle.close();
		}
	});
});

describeEachEngine('schema invariants', (handle) => {
	const now = '2026-01-01T00:00:00.000Z';
	const clinic = {
		id: 'c1',
		name: 'C',
		timeZone: 'America/New_York',
		street: 's',
		city: 'c',
		region: 'r',
		postalCode: 'p',
		country: 'US',
		phone: '1',
		email: 'e@example.com',
		isDemo: 0 as const,
		createdAt: now,
		updatedAt: now
	};
	const service = {
		id: 's1',
		clinicId: 'c1',
		name: 'S',
		slug: 's',
		kind: 'consultation',
		description: '',
		durationMinutes: 30,
		bufferBeforeMinutes: 0,
		bufferAfterMinutes: 0,
		priceCents: 0,
		bookableOnline: 1 as const,
		requiresDryNeedlingCertification: 0 as const,
		active: 1 as const,
		sortOrder: 0,
		createdAt: now,
		updatedAt: now
	};

	it('holds exactly the credential codes and names the app knows', async () => {
		const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : 1);
		const rows = (await handle.db.selectFrom('credential').select(['code', 'label']).execute()).sort(byCode);
		expect(rows.map((r) => r.code)).toEqual([...CREDENTIAL_CODES].sort());
		expect(rows).toEqual([...CREDENTIALS].sort(byCode).map(({ code, label }) => ({ code, label })));
	});

	it('refuses a negative duration, an unknown kind and a duplicate slug', async () => {
		await handle.db.insertInto('clinic').values(clinic).execute();
		await expect(handle.db.insertInto('service').values({ ...service, durationMinutes: -30 }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('service').values({ ...service, kind: 'reiki' }).execute()).rejects.toThrow();
		await handle.db.insertInto('service').values(service).execute();
		await expect(handle.db.insertInto('service').values({ ...service, id: 's2' }).execute()).rejects.toThrow();
	});

	it('refuses an unknown credential through the foreign key', async () => {
		await expect(
			handle.db.insertInto('serviceCredential').values({ serviceId: 's1', credentialCode: 'Wizard' }).execute()
		).rejects.toThrow();
		await handle.db.insertInto('serviceCredential').values({ serviceId: 's1', credentialCode: 'DPT' }).execute();
	});

	it('refuses half a dry-needling certification and mixed-case emails', async () => {
		const staff = {
			id: 'u1',
			clinicId: 'c1',
			name: 'N',
			email: 'n@example.com',
			role: 'clinician',
			bio: '',
			active: 1 as const,
			passwordHash: null,
			dnCertifiedOn: '2024-01-01',
			dnHours: null,
			dnCourse: null,
			createdAt: now,
			updatedAt: now
		};
		await expect(handle.db.insertInto('staff').values(staff).execute()).rejects.toThrow();
		await expect(
			handle.db.insertInto('staff').values({ ...staff, dnCertifiedOn: null, email: 'N@example.com' }).execute()
		).rejects.toThrow();
		await handle.db.insertInto('staff').values({ ...staff, dnHours: 40 }).execute();
		const row = await handle.db.selectFrom('staff').select(['dnCertifiedOn', 'dnHours']).executeTakeFirstOrThrow();
		// pg would turn a DATE into a local-midnight Date; both engines must give the plain string.
		expect(row).toEqual({ dnCertifiedOn: '2024-01-01', dnHours: 40 });
	});

	it('enforces foreign keys', async () => {
		await expect(
			handle.db.insertInto('location').values({
				id: 'l1',
				clinicId: 'missing',
				name: 'L',
				street: 's',
				city: 'c',
				region: 'r',
				postalCode: 'p',
				country: 'US',
				phone: '1',
				active: 1,
				createdAt: now,
				updatedAt: now
			}).execute()
		).rejects.toThrow();
		const count = await sql<{ n: number }>`select count(*) as n from location`.execute(handle.db);
		expect(Number(count.rows[0]?.n)).toBe(0);
	});
});
