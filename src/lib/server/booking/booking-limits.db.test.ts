import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { takeRateLimit } from '../anti-spam/spam-guard';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import { seedDemoClinic } from '../demo/demo-clinic';
import { DomainError } from '../errors';
import { getAvailability } from '../scheduling/availability.service';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { BOOKINGS_PER_ADDRESS, BOOKINGS_PER_EMAIL, EMAILS_PER_DAY } from './booking-limits';
import { bookOnline } from './booking.service';
import { rescheduleByToken } from './manage.service';
import { bookingPost } from './booking-flow';

/** TEST_NOW is Friday 2026-11-27 10:00 in Boston. */
describeEachEngine('booking abuse limits and idempotent replay', (handle) => {
	let slots: { start: string; providerId: string }[] = [];
	let next = 0;
	const slot = () => slots[next++]!;
	const at = (ip: string, clock = fixedClock(TEST_NOW), db: Database = handle.database): Ctx => {
		const ctx = testCtx(db.db, anonymous, clock);
		return { ...ctx, client: { ...ctx.client, ip } };
	};
	const person = (email: string) => ({ firstName: 'Lim', lastName: 'Its', email, phone: '(617) 555-0100', dateOfBirth: '1980-04-02' });
	const request = (email: string, s = slot()) => ({ service: 'initial-consultation', providerId: s.providerId, start: s.start, patient: person(email) });
	const count = async (table: 'appointment' | 'patient') => Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
		const { slots: all } = await getAvailability(at('192.0.2.1'), { service: 'initial-consultation', from: '2026-12-01', to: '2026-12-18' });
		// One slot per provider and hour, so none of them overlap.
		const seen = new Set<string>();
		slots = all.filter((s) => {
			const key = `${s.providerId}${s.start.slice(0, 13)}`;
			if (seen.has(key) || !s.start.slice(14, 16).startsWith('00')) return false;
			seen.add(key);
			return true;
		});
	});

	it('replays a stored answer before validating again: a retry after the time has passed still gets the booking', async () => {
		const body = request('replay@example.com');
		const key = { scope: 'api:appointments', key: 'retry-key-0001' };
		const first = await bookOnline(at('192.0.2.10'), body, { source: 'api', idempotency: key });
		const muchLater = fixedClock(new Date(Date.parse(body.start) + 86_400_000));
		const again = await bookOnline(at('192.0.2.10', muchLater), body, { source: 'api', idempotency: key });
		expect(again.replayed).toBe(true);
		expect(again.confirmation).toEqual(first.confirmation);
		// The same key with another request is refused, before anything else is looked at.
		const other = await domainError(bookOnline(at('192.0.2.10', muchLater), { ...body, note: 'changed' }, { source: 'api', idempotency: key }));
		expect(other.code).toBe('validation_failed');
		expect(other.fieldErrors).toHaveProperty('Idempotency-Key');
	});

	it(`takes at most ${BOOKINGS_PER_EMAIL.max} bookings an hour for one email, then 429 with a wait, writing nothing`, async () => {
		for (let i = 0; i < BOOKINGS_PER_EMAIL.max; i++) await bookOnline(at(`192.0.2.${20 + i}`), request('often@example.com'), { source: 'api' });
		const before = [await count('appointment'), await count('patient')];
		const refused = await domainError(bookOnline(at('192.0.2.40'), request('OFTEN@example.com'), { source: 'online' }));
		expect(refused.code).toBe('rate_limited');
		expect(refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(refused.retryAfterSeconds).toBeLessThanOrEqual(3600);
		expect(refused.message).toMatch(/call us at/);
		expect([await count('appointment'), await count('patient')]).toEqual(before);
		// An hour later the hourly limit has passed.
		const later = fixedClock(new Date(TEST_NOW.getTime() + 3_600_000));
		await bookOnline(at('192.0.2.41', later), request('often@example.com'), { source: 'api' });
	});

	it(`takes at most ${BOOKINGS_PER_ADDRESS.max} bookings an hour from one address; refused and failed attempts do not count`, async () => {
		const ip = '203.0.113.77';
		const taken = slot();
		await bookOnline(at('192.0.2.99'), request('first@example.com', taken), { source: 'api' });
		for (let i = 0; i < 5; i++) expect((await domainError(bookOnline(at(ip), request(`late${i}@example.com`, taken), { source: 'api' }))).code).toBe('conflict');
		for (let i = 0; i < BOOKINGS_PER_ADDRESS.max; i++) await bookOnline(at(ip), request(`visitor${i}@example.com`), { source: 'api' });
		expect((await domainError(bookOnline(at(ip), request('one-more@example.com'), { source: 'api' }))).code).toBe('rate_limited');
		// Other visitors are not affected.
		await bookOnline(at('203.0.113.78'), request('neighbour@example.com'), { source: 'api' });
	});

	it(`caps what one inbox can be sent in a day at ${EMAILS_PER_DAY.max}, counting manage-link changes too`, async () => {
		const a = slot();
		const b = slot();
		const { confirmation } = await bookOnline(at('198.51.100.1'), request('inbox@example.com', a), { source: 'api' });
		for (let i = 1; i < EMAILS_PER_DAY.max; i++) {
			const to = i % 2 ? b : a;
			await rescheduleByToken(at(`198.51.100.${1 + i}`), confirmation.manageToken, { start: to.start, providerId: to.providerId });
		}
		const to = EMAILS_PER_DAY.max % 2 ? b : a;
		const refused = await domainError(rescheduleByToken(at('198.51.100.60'), confirmation.manageToken, { start: to.start, providerId: to.providerId }));
		expect(refused.code).toBe('rate_limited');
		const row = await handle.db.selectFrom('appointment').select('sequence').where('id', '=', confirmation.id).executeTakeFirstOrThrow();
		expect(row.sequence).toBe(EMAILS_PER_DAY.max - 1);
	});

	it('answers the /book confirm step over the limit on the review page with the message, keeping every answer', async () => {
		const ip = '203.0.113.90';
		for (let i = 0; i < BOOKINGS_PER_EMAIL.max; i++) await bookOnline(at(ip), request('pages@example.com'), { source: 'online' });
		const s = slot();
		const typed = { firstName: 'Pat', lastName: 'Page', email: 'pages@example.com', phone: '(617) 555-0100', dateOfBirth: '1980-04-02', note: 'Left knee' };
		const result = await bookingPost(
			at(ip),
			{ service: 'initial-consultation', provider: s.providerId, start: s.start, details: typed },
			{ step: 'confirm', submission: '33333333-3333-4333-8333-333333333333' },
			'https://clinic.example'
		);
		if (result.kind !== 'render') throw new Error(`redirected to ${result.step}`);
		expect(result.status).toBe(429);
		const view = result.view;
		if (view.kind !== 'review') throw new Error(view.kind);
		expect(view.message).toMatch(/several booking requests/);
		expect(view.details).toMatchObject(typed);
	});

	it('counts atomically: 40 simultaneous hits over two pools let exactly the limit through', async () => {
		const other = handle.engine === 'postgres' ? handle.openAnother() : handle.database;
		try {
			const limit = { scope: 'test:atomic', max: 10, windowMs: 3_600_000 };
			const outcomes = await Promise.all(
				Array.from({ length: 40 }, (_, i) =>
					takeRateLimit((i % 2 ? handle.database : other).db, limit, 'same-key', TEST_NOW).then(
						() => 'ok',
						(error: unknown) => (error instanceof DomainError ? error.code : String(error))
					)
				)
			);
			expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
			expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(30);
		} finally {
			if (other !== handle.database) await other.close();
		}
	});
});
