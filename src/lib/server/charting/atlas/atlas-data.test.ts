import { describe, expect, it } from 'vitest';
import { REGIONS } from '../../../shared/screening/regions';
import { MERIDIANS } from './acupoints';
import { ACUPOINTS } from './acupoints.data';
import { areaOfBodyMapRegion, BODY_AREAS, isBodyArea } from './body-areas';
import { MUSCLES } from './muscles.data';
import { isReferralZone, REFERRAL_ZONE_INFO } from './referral-zones';
import { atlasSource, ATLAS_SOURCES } from './sources';

describe('the acupoint atlas', () => {
	it('has the 361 WHO codes, unique, across the 14 meridians with the standard counts', () => {
		const codes = ACUPOINTS.map((p) => p.code);
		expect(codes).toHaveLength(361);
		expect(new Set(codes).size).toBe(361);
		const counts: Record<string, number> = {};
		for (const p of ACUPOINTS) counts[p.meridian] = (counts[p.meridian] ?? 0) + 1;
		expect(counts).toEqual({ LU: 11, LI: 20, ST: 45, SP: 21, HT: 9, SI: 19, BL: 67, KI: 27, PC: 9, TE: 23, GB: 44, LR: 14, GV: 28, CV: 24 });
		expect(MERIDIANS.map((m) => [m.code, m.points])).toEqual(Object.entries(counts));
	});

	it('numbers each meridian 1..n, with the code = abbreviation + number', () => {
		for (const meridian of MERIDIANS) {
			const points = ACUPOINTS.filter((p) => p.meridian === meridian.code);
			expect(points.map((p) => p.number)).toEqual(Array.from({ length: meridian.points }, (_, i) => i + 1));
			for (const p of points) expect(p.code).toBe(`${p.meridian}${p.number}`);
		}
	});

	it('gives every point a pinyin name, a body area and sources that exist', () => {
		for (const p of ACUPOINTS) {
			expect(p.pinyin, p.code).toMatch(/^[A-Z][a-z]+$/);
			expect(isBodyArea(p.region), p.code).toBe(true);
			expect(p.source.length, p.code).toBeGreaterThan(0);
			for (const id of p.source) expect(atlasSource(id), `${p.code} ${id}`).toBeDefined();
			for (const c of p.cautions ?? []) expect(atlasSource(c.source), p.code).toBeDefined();
		}
		expect(ACUPOINTS.find((p) => p.code === 'LI4')?.pinyin).toBe('Hegu');
		expect(ACUPOINTS.find((p) => p.code === 'GV20')?.pinyin).toBe('Baihui');
		expect(ACUPOINTS.find((p) => p.code === 'CV17')?.pinyin).toBe('Danzhong');
	});

	it('flags the points avoided in pregnancy, each with a source that exists', () => {
		const flagged = ACUPOINTS.filter((p) => p.pregnancy);
		for (const p of flagged) {
			expect(atlasSource(p.pregnancy!.source), p.code).toBeDefined();
			expect(p.pregnancy!.note.length, p.code).toBeGreaterThan(10);
		}
		const avoid = flagged.filter((p) => p.pregnancy!.level === 'avoid').map((p) => p.code);
		expect(avoid.sort()).toEqual(['BL31', 'BL32', 'BL33', 'BL34', 'BL60', 'BL67', 'LI4', 'SP6']);
		for (const code of avoid) expect(ACUPOINTS.find((p) => p.code === code)!.pregnancy!.source).toBe('aacp-2012');
		for (const code of ['LR3', 'GB21', 'CV4', 'CV6', 'ST25', 'BL23', 'GV4']) {
			expect(ACUPOINTS.find((p) => p.code === code)!.pregnancy, code).toBeDefined();
		}
		expect(ACUPOINTS.find((p) => p.code === 'ST36')!.pregnancy).toBeUndefined();
	});

	it('writes no location text (the WHO location book is copyrighted)', () => {
		const text = JSON.stringify(ACUPOINTS);
		expect(text).not.toMatch(/\bcun\b|B-cun|F-cun/i);
	});
});

describe('the trigger-point atlas', () => {
	it('has at least 60 muscles with unique codes', () => {
		expect(MUSCLES.length).toBeGreaterThanOrEqual(60);
		expect(new Set(MUSCLES.map((m) => m.code)).size).toBe(MUSCLES.length);
		for (const m of MUSCLES) expect(m.code).toMatch(/^[a-z][a-z0-9_]*$/);
	});

	it('gives every muscle a source from the sources file and referral zones from the region list', () => {
		for (const m of MUSCLES) {
			expect(m.source.length, m.code).toBeGreaterThan(0);
			for (const id of m.source) expect(atlasSource(id), `${m.code} cites ${id}`).toBeDefined();
			expect(m.referralZones.length, m.code).toBeGreaterThan(0);
			for (const zone of m.referralZones) expect(isReferralZone(zone), `${m.code} → ${zone}`).toBe(true);
			expect(isBodyArea(m.region), m.code).toBe(true);
			expect(m.symptoms.length, m.code).toBeGreaterThan(10);
		}
	});

	it('marks unverified rows and says why', () => {
		const unverified = MUSCLES.filter((m) => !m.verified);
		expect(unverified.length).toBeGreaterThan(0);
		for (const m of unverified) expect(m.note, m.code).toMatch(/check/i);
		// The rows the clinical reference marks unconfirmed stay unverified.
		for (const code of ['rhomboids', 'ext_carpi_radialis_longus', 'finger_extensors', 'vastus_lateralis', 'adductor_longus_brevis']) {
			expect(MUSCLES.find((m) => m.code === code)?.verified, code).toBe(false);
		}
	});

	it('carries a pneumothorax caution on the muscles over the lung', () => {
		const overLung = ['upper_trapezius', 'rhomboids', 'levator_scapulae', 'serratus_anterior', 'pectoralis_major', 'pectoralis_minor', 'thoracic_paraspinals', 'intercostals', 'scalenes'];
		for (const code of overLung) {
			const muscle = MUSCLES.find((m) => m.code === code);
			expect(muscle?.cautions.map((c) => c.kind), code).toContain('pneumothorax');
			expect(muscle?.source, code).toContain('pneumothorax-muscles');
		}
		expect(MUSCLES.find((m) => m.code === 'gastrocnemius')?.cautions.map((c) => c.kind)).not.toContain('pneumothorax');
	});
});

describe('the shared region list', () => {
	it('puts every referral zone in a body area, and every body-map region in an area', () => {
		for (const [zone, info] of Object.entries(REFERRAL_ZONE_INFO)) expect(isBodyArea(info.area), zone).toBe(true);
		const areas = new Set(REGIONS.map(areaOfBodyMapRegion));
		expect([...areas].sort()).toEqual([...BODY_AREAS].sort());
	});

	it('has unique source ids, each used by some row', () => {
		const ids = ATLAS_SOURCES.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		const used = new Set<string>([...MUSCLES.flatMap((m) => m.source), ...ACUPOINTS.flatMap((p) => [...p.source, ...(p.pregnancy ? [p.pregnancy.source] : [])])]);
		expect(ids.filter((id) => !used.has(id) && id !== 'travell-simons' && id !== 'chimungwu-counts')).toEqual([]);
	});
});
