import { beforeAll, expect, it } from 'vitest';
import { anonymous } from '../auth/actor';
import { fixedClock } from '../clock';
import { seedDemoClinic } from '../demo/demo-clinic';
import { describeEachEngine } from '../testing/engines';
import { testCtx, TEST_NOW } from '../testing/test-context';
import { emptyDraft } from '../../shared/screening/assessment-view';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import { completeAssessment } from './assessment.service';
import { verifyResultToken } from './result-token';

const base: ScreeningInput = { regions: ['low_back'], concerns: ['sciatica'], duration: 'chronic', redFlags: [], precautions: [], preference: 'none' };

describeEachEngine('completing the self-assessment', (handle) => {
	beforeAll(() => seedDemoClinic(handle.db, fixedClock(TEST_NOW)));
	const ctx = () => testCtx(handle.db, anonymous);
	const tally = () => handle.db.selectFrom('screeningTally').select(['recommendation', 'count']).orderBy('recommendation').execute();

	it('suggests services with qualified providers and signs the answers for booking', async () => {
		const view = await completeAssessment(ctx(), base, { draft: emptyDraft(), count: true });
		expect(view.result.recommendation).toBe('dry_needling');
		expect(view.offers.map((o) => o.slug)).toEqual(['initial-consultation', 'dry-needling']);
		expect(view.offers[1]!.providers.map((p) => `${p.name} ${p.credentials.join(' ')}`)).toEqual([
			'Dr. Alex Chen DPT',
			'Dr. Priya Nair DPT',
			'Dr. Sam O’Brien DC'
		]);
		// Patients get a plain line, not citations ("our synthesis … for clinician review"); the
		// reasons keep their source ids for staff and the API.
		expect(view).not.toHaveProperty('sources');
		expect(view.result.reasons.flatMap((r) => r.sources).sort()).toEqual(['apta-dn-scope', 'needlepoint-triage', 'selvaratnam-2016']);
		const check = verifyResultToken(view.token, ctx().config.appSecret, TEST_NOW);
		expect(check).toEqual({ valid: true, claims: { answers: base, rulesetVersion: '1.0.0', issuedAt: TEST_NOW } });
	});

	it('offers no service at all after a red flag', async () => {
		const view = await completeAssessment(ctx(), { ...base, redFlags: ['cancer_history'] }, { draft: emptyDraft(), count: true });
		expect(view.result.recommendation).toBe('physician_first');
		expect(view.offers).toEqual([]);
	});

	it('offers a consultation without needles when needling is ruled out', async () => {
		const view = await completeAssessment(ctx(), { ...base, precautions: ['needle_phobia'] }, { draft: emptyDraft(), count: false });
		expect(view.result.recommendation).toBe('not_suitable_for_needling');
		expect(view.offers.map((o) => o.slug)).toEqual(['initial-consultation']);
	});

	it('counted the first two results only, with no answers stored anywhere', async () => {
		expect(await tally()).toEqual([
			{ recommendation: 'dry_needling', count: 1 },
			{ recommendation: 'physician_first', count: 1 }
		]);
	});

	it('still shows the result when counting fails', async () => {
		await handle.db.schema.alterTable('screening_tally').renameTo('screening_tally_away').execute();
		try {
			const view = await completeAssessment(ctx(), base, { draft: emptyDraft(), count: true });
			expect(view.result.recommendation).toBe('dry_needling');
		} finally {
			await handle.db.schema.alterTable('screening_tally_away').renameTo('screening_tally').execute();
		}
	});
});
