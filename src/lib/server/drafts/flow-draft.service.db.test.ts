import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import type { Ctx } from '../context';
import { describeEachEngine } from '../testing/engines';
import { TEST_NOW, testCtx } from '../testing/test-context';
import { DRAFT_TTL_MS, discardDraft, purgeExpiredDrafts, readDraft, saveDraft } from './flow-draft.service';

describeEachEngine('flow drafts', (handle) => {
	const clock = fixedClock(TEST_NOW);
	let ctx: Ctx;
	beforeAll(() => {
		ctx = testCtx(handle.db, anonymous, clock);
	});
	const rows = () => handle.db.selectFrom('flowDraft').select(['id', 'kind', 'state']).execute();

	it('keeps a state under an opaque random id, updates it in place and keeps kinds apart', async () => {
		clock.set(TEST_NOW);
		const id = await saveDraft(ctx, 'booking', null, { service: 'follow-up' });
		expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await readDraft(ctx, 'booking', id)).toEqual({ id, state: { service: 'follow-up' } });
		expect(await saveDraft(ctx, 'booking', id, { service: 'acupuncture' })).toBe(id);
		expect((await readDraft(ctx, 'booking', id))?.state).toEqual({ service: 'acupuncture' });
		// The same id does not open another flow's draft, and malformed ids are not looked up.
		expect(await readDraft(ctx, 'assessment', id)).toBeNull();
		expect(await readDraft(ctx, 'booking', "x' or 1=1 --")).toBeNull();
		expect(await readDraft(ctx, 'booking', undefined)).toBeNull();
		await discardDraft(ctx, 'booking', id);
		expect(await readDraft(ctx, 'booking', id)).toBeNull();
		expect((await rows()).filter((r) => r.id === id)).toEqual([]);
	});

	it('expires two hours after the last change, starts afresh after that, and purges expired drafts', async () => {
		clock.set(TEST_NOW);
		const old = await saveDraft(ctx, 'assessment', null, { regions: ['neck'] });
		clock.advance(DRAFT_TTL_MS - 1000);
		expect(await readDraft(ctx, 'assessment', old)).not.toBeNull();
		clock.advance(2000);
		expect(await readDraft(ctx, 'assessment', old)).toBeNull();
		// Saving to an expired draft makes a new one, and making one purges every expired draft.
		const fresh = await saveDraft(ctx, 'assessment', old, { regions: ['low_back'] });
		expect(fresh).not.toBe(old);
		expect((await rows()).map((r) => r.id)).not.toContain(old);
		clock.advance(DRAFT_TTL_MS + 1);
		expect(await purgeExpiredDrafts(ctx)).toBe(1);
		expect(await rows()).toEqual([]);
	});
});
