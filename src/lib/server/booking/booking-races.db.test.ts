import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import type { Database } from '../db/database';
import { seedDemoClinic } from '../demo/demo-clinic';
import { DomainError } from '../errors';
import { EMAIL_JOB_KIND } from '../notifications/notice-keys';
import { getAvailability } from '../scheduling/availability.service';
import { describeEachEngine, type EngineHandle } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { bookOnline } from './booking.service';
import { cancelByToken, rescheduleByToken } from './manage.service';

/**
 * Races at a size the test suite can afford, through the real services. PostgreSQL: two pools,
 * as two app processes would have. SQLite: the one connection of a process (better-sqlite3 is
 * synchronous, so a second one in the same thread would only wait on the first); the reads
 * before each transaction still interleave, which is what the state checks must survive.
 * bench/races.bench.ts runs the full sizes.
 */

function outcome(promise: Promise<unknown>): Promise<string> {
	return promise.then(
		() => 'ok',
		(error: unknown) => (error instanceof DomainError ? error.code : `crash: ${String(error)}`)
	);
}

/** Each client gets its own address, as distinct visitors would: the limits are not under test here. */
let visitor = 0;
function visitorCtx(db: Database): Ctx {
	const ctx = testCtx(db.db, anonymous);
	return { ...ctx, client: { ...ctx.client, ip: `198.51.100.${++visitor % 250}` } };
}

function secondPool(handle: EngineHandle): Database {
	return handle.engine === 'postgres' ? handle.openAnother() : handle.database;
}

const person = (tag: string) => ({ firstName: 'Race', lastName: tag, email: `${tag}@example.com`, phone: '(617) 555-0100', dateOfBirth: '1980-04-02' });

/** Consultation slots of every provider, at least two hours apart per provider, so none overlap. */
async function distinctSlots(ctx: Ctx, from: string, to: string, count: number): Promise<{ start: string; providerId: string }[]> {
	const { slots } = await getAvailability(ctx, { service: 'initial-consultation', from, to });
	const lastByProvider = new Map<string, number>();
	const chosen: { start: string; providerId: string }[] = [];
	for (const slot of slots) {
		const at = Date.parse(slot.start);
		const last = lastByProvider.get(slot.providerId);
		if (last !== undefined && at - last < 2 * 3_600_000) continue;
		lastByProvider.set(slot.providerId, at);
		chosen.push({ start: slot.start, providerId: slot.providerId });
		if (chosen.length === count) break;
	}
	return chosen;
}

describeEachEngine('booking races', (handle) => {
	beforeAll(async () => {
		await seedDemoClinic(handle.db, fixedClock(TEST_NOW));
	});

	it('books 40 distinct slots at once over two pools: every one succeeds, none fails', async () => {
		const other = secondPool(handle);
		try {
			const slots = await distinctSlots(visitorCtx(handle.database), '2026-12-14', '2026-12-19', 40);
			expect(slots).toHaveLength(40);
			const outcomes = await Promise.all(
				slots.map((slot, i) =>
					outcome(
						bookOnline(visitorCtx(i % 2 ? handle.database : other), { service: 'initial-consultation', providerId: slot.providerId, start: slot.start, patient: person(`distinct${i}`) }, { source: 'api' })
					)
				)
			);
			expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
		} finally {
			if (other !== handle.database) await other.close();
		}
	});

	it('settles 12 cancel-versus-reschedule pairs one way each: cancelled where it was, or moved and live, with only the winner’s email', async () => {
		const other = secondPool(handle);
		try {
			const slots = await distinctSlots(visitorCtx(handle.database), '2026-12-21', '2026-12-24', 24);
			const pairs = [];
			for (let i = 0; i < 12; i++) {
				const from = slots[2 * i]!;
				const to = slots[2 * i + 1]!;
				const { confirmation } = await bookOnline(
					visitorCtx(handle.database),
					{ service: 'initial-consultation', providerId: from.providerId, start: from.start, patient: person(`pair${i}`) },
					{ source: 'api' }
				);
				pairs.push({ id: confirmation.id, token: confirmation.manageToken!, from, to });
			}
			const results = await Promise.all(
				pairs.map(async (p) => {
					const [cancel, move] = await Promise.all([
						outcome(cancelByToken(visitorCtx(handle.database), p.token)),
						outcome(rescheduleByToken(visitorCtx(other), p.token, { start: p.to.start, providerId: p.to.providerId }))
					]);
					return { ...p, cancel, move };
				})
			);
			for (const r of results) {
				// Exactly one wins; the loser is told the appointment changed (409), never a 5xx.
				expect([r.cancel, r.move].sort()).toEqual(['conflict', 'ok']);
				const row = await handle.db.selectFrom('appointment').select(['status', 'startsAt']).where('id', '=', r.id).executeTakeFirstOrThrow();
				const startsAt = new Date(row.startsAt).getTime();
				const emails = await handle.db.selectFrom('job').select('key').where('kind', '=', EMAIL_JOB_KIND).where('key', 'like', `%${r.id}%`).execute();
				const changes = emails.map((e) => e.key.split(':').at(-1)).sort();
				if (r.cancel === 'ok') {
					expect({ status: row.status, startsAt }).toEqual({ status: 'cancelled', startsAt: Date.parse(r.from.start) });
					expect(changes).toEqual(['booked', 'cancelled']);
				} else {
					expect({ status: row.status, startsAt }).toEqual({ status: 'booked', startsAt: Date.parse(r.to.start) });
					expect(changes).toEqual(['booked', 'rescheduled']);
				}
			}
		} finally {
			if (other !== handle.database) await other.close();
		}
	});
});
