import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { domainError } from '../testing/domain-error';
import { staffActor, testCtx, TEST_NOW } from '../testing/test-context';
import { emptyCounts } from './screening-stats';
import { getScreeningStats, recordAssessmentOutcome } from './screening-stats.service';

describeEachEngine('self-assessment counts', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));

	it('counts outcomes on the clinic’s calendar day, not the UTC day', async () => {
		// 02:30 UTC on Saturday 28 November is still Friday 27 November in Boston.
		const clock = fixedClock(new Date('2026-11-28T02:30:00.000Z'));
		const ctx = testCtx(handle.db, anonymous, clock);
		await recordAssessmentOutcome(ctx, 'dry_needling');
		await recordAssessmentOutcome(ctx, 'dry_needling');
		await recordAssessmentOutcome(ctx, 'physician_first');
		clock.set(new Date('2026-11-28T15:00:00.000Z'));
		await recordAssessmentOutcome(ctx, 'acupuncture');

		const rows = await handle.db.selectFrom('screeningTally').select(['day', 'recommendation', 'count']).orderBy('day').orderBy('recommendation').execute();
		expect(rows).toEqual([
			{ day: '2026-11-27', recommendation: 'dry_needling', count: 2 },
			{ day: '2026-11-27', recommendation: 'physician_first', count: 1 },
			{ day: '2026-11-28', recommendation: 'acupuncture', count: 1 }
		]);
	});

	it('keeps every count when many results arrive at once from two app processes', async () => {
		const other = handle.openAnother();
		try {
			const clock = fixedClock(new Date('2026-11-20T15:00:00.000Z'));
			const ctxs = [testCtx(handle.db, anonymous, clock), testCtx(other.db, anonymous, clock)];
			await Promise.all(Array.from({ length: 30 }, (_, i) => recordAssessmentOutcome(ctxs[i % 2]!, 'either')));
		} finally {
			await other.close();
		}
		const row = await handle.db
			.selectFrom('screeningTally')
			.select('count')
			.where('day', '=', '2026-11-20')
			.where('recommendation', '=', 'either')
			.executeTakeFirstOrThrow();
		expect(row.count).toBe(30);
	});

	it('reports totals by outcome and by week to admins and clinicians', async () => {
		const old = testCtx(handle.db, anonymous, fixedClock(new Date('2025-01-15T15:00:00.000Z')));
		await recordAssessmentOutcome(old, 'not_suitable_for_needling');

		for (const role of ['admin', 'clinician'] as const) {
			const ctx = testCtx(handle.db, await staffActor(handle.db, role), fixedClock(new Date('2026-11-28T15:00:00.000Z')));
			const stats = await getScreeningStats(ctx);
			expect(stats.today).toBe('2026-11-28');
			expect(stats.timeZone).toBe('America/New_York');
			expect(stats.allTime).toEqual({
				total: 35,
				byOutcome: { ...emptyCounts(), dry_needling: 2, physician_first: 1, acupuncture: 1, either: 30, not_suitable_for_needling: 1 }
			});
			expect(stats.weeks).toHaveLength(12);
			expect(stats.weeks.slice(0, 2)).toEqual([
				{ weekStart: '2026-11-23', total: 4, byOutcome: { ...emptyCounts(), dry_needling: 2, physician_first: 1, acupuncture: 1 } },
				{ weekStart: '2026-11-16', total: 30, byOutcome: { ...emptyCounts(), either: 30 } }
			]);
			// The January 2025 result is in the totals but outside the twelve weeks.
			expect(stats.weeks.reduce((sum, w) => sum + w.total, 0)).toBe(34);
		}
	});

	it('refuses front-desk staff and anonymous visitors', async () => {
		for (const actor of [await staffActor(handle.db, 'front_desk'), anonymous]) {
			expect((await domainError(getScreeningStats(testCtx(handle.db, actor)))).code).toBe('forbidden');
		}
	});

	it('refuses an unknown outcome and a zero count in the database itself', async () => {
		const row = { clinicId: 'demo-boston-spine', day: '2026-01-01', recommendation: 'dry_needling', count: 1 };
		await expect(handle.db.insertInto('screeningTally').values({ ...row, recommendation: 'reiki' }).execute()).rejects.toThrow();
		await expect(handle.db.insertInto('screeningTally').values({ ...row, count: 0 }).execute()).rejects.toThrow();
	});
});
