import { describe, expect, it } from 'vitest';
import { questionsOf } from '../../shared/intake/form-definition';
import { HEALTH_HISTORY } from '../../shared/intake/health-history';
import { INTAKE_SOURCES } from './intake-sources';
import { PRECAUTION_LINK_IDS, precautionsFor } from './precautions';

describe('intake precautions', () => {
	const linkIds = new Set(questionsOf(HEALTH_HISTORY).map((q) => q.linkId));

	it('come from questions the shipped form asks, and each names a known source', () => {
		for (const id of PRECAUTION_LINK_IDS) expect(linkIds, id).toContain(id);
		const all = precautionsFor(Object.fromEntries(PRECAUTION_LINK_IDS.map((id) => [id, id === 'pregnant' ? 'yes' : true])));
		expect(all).toHaveLength(PRECAUTION_LINK_IDS.length);
		for (const p of all) {
			expect(p.sources.length).toBeGreaterThan(0);
			for (const s of p.sources) expect(INTAKE_SOURCES[s].citation.length).toBeGreaterThan(10);
		}
	});

	it('covers every needling-relevant item the issue lists', () => {
		for (const id of ['blood-thinners', 'bleeding-disorder', 'pregnant', 'implanted-device', 'metal-allergy', 'diabetes-neuropathy', 'immunosuppressed', 'lymphoedema', 'epilepsy', 'fainting', 'needle-fear', 'recent-surgery', 'skin-infection', 'breast-implants']) {
			expect(PRECAUTION_LINK_IDS).toContain(id);
		}
	});

	it('maps a blood thinner to a bleeding precaution with firm pressure, and names weeks and sides', () => {
		expect(precautionsFor({ 'blood-thinners': true })).toMatchObject([{ code: 'bleeding', level: 'caution', sources: ['munoz-2022', 'apta-dn-2013'] }]);
		expect(precautionsFor({ 'blood-thinners': true })[0]!.text).toMatch(/firm pressure/);
		expect(precautionsFor({ pregnant: 'yes', 'pregnancy-weeks': 20 })[0]!.text).toMatch(/about 20 weeks/);
		expect(precautionsFor({ lymphoedema: true, 'lymphoedema-side': 'right' })[0]!.text).toMatch(/right side/);
		expect(precautionsFor({ 'blood-thinners': false, pregnant: 'no' })).toEqual([]);
	});
});
