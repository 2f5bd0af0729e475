import { describe, expect, it } from 'vitest';
import { ACUPOINTS } from './acupoints.data';
import type { MuscleRow } from './muscles';
import { MUSCLES } from './muscles.data';
import { musclesReferringTo, searchAcupoints, searchMuscles } from './search';

const codes = (rows: readonly { code: string }[]) => rows.map((r) => r.code);
const ranking = (pain: Parameters<typeof musclesReferringTo>[1], rows: readonly MuscleRow[] = MUSCLES) =>
	musclesReferringTo(rows, pain).map((m) => m.muscle.code);

describe('searching the acupoint atlas', () => {
	it('finds a point by its code however it is typed, exact code first', () => {
		for (const q of ['LI4', 'li4', 'LI-4', 'li 4']) expect(codes(searchAcupoints(ACUPOINTS, { q }))[0], q).toBe('LI4');
		expect(codes(searchAcupoints(ACUPOINTS, { q: 'LI4' }))).toEqual(['LI4']);
	});

	it('finds points by pinyin name (accents ignored) and by region', () => {
		expect(codes(searchAcupoints(ACUPOINTS, { q: 'zusanli' }))).toEqual(['ST36']);
		expect(codes(searchAcupoints(ACUPOINTS, { q: 'Hégǔ' }))).toEqual(['LI4']);
		const scalp = searchAcupoints(ACUPOINTS, { region: 'head_back', meridian: 'GB' });
		expect(codes(scalp)).toEqual(['GB19', 'GB20']);
		expect(searchAcupoints(ACUPOINTS, { meridian: 'PC' })).toHaveLength(9);
		expect(codes(searchAcupoints(ACUPOINTS, { q: 'heel' }))).toContain('KI1');
	});

	it('returns every point, in meridian order, with no filter', () => {
		expect(codes(searchAcupoints(ACUPOINTS, {}))).toEqual(codes(ACUPOINTS));
	});
});

describe('searching the trigger-point atlas', () => {
	it('finds muscles by code, by words of the name and by region', () => {
		expect(codes(searchMuscles(MUSCLES, { q: 'piriformis' }))).toEqual(['piriformis']);
		expect(codes(searchMuscles(MUSCLES, { q: 'upper trap' }))[0]).toBe('upper_trapezius');
		// Region words count too: the middle/lower trapezius lies in the upper back.
		expect(codes(searchMuscles(MUSCLES, { q: 'upper trap' }))).toEqual(['upper_trapezius', 'lower_middle_trapezius']);
		expect(codes(searchMuscles(MUSCLES, { q: 'Gluteus' }))).toEqual(['gluteus_maximus', 'gluteus_medius', 'gluteus_minimus']);
		const buttock = codes(searchMuscles(MUSCLES, { region: 'buttock' }));
		expect(buttock).toContain('piriformis');
		expect(buttock).not.toContain('hamstrings');
		expect(codes(searchMuscles(MUSCLES, { q: 'calf' }))).toContain('soleus');
		expect(searchMuscles(MUSCLES, { q: 'zzz' })).toEqual([]);
	});
});

describe('pain here → muscles that refer here', () => {
	it('puts the muscle that explains every place of pain first', () => {
		const result = musclesReferringTo(MUSCLES, ['head_temporal', 'jaw_angle']);
		expect(result[0]!.muscle.code).toBe('upper_trapezius');
		expect(result[0]!.score).toBe(6);
		expect(result[0]!.matchedZones).toEqual(['head_temporal', 'jaw_angle']);
	});

	it('ranks exact zones above other zones of the same area', () => {
		const result = ranking(['teeth_upper']);
		expect(result.slice(0, 2).sort()).toEqual(['masseter', 'temporalis']);
		// Muscles that refer elsewhere in the head still appear, lower down.
		expect(result).toContain('sternocleidomastoid');
		expect(result.indexOf('sternocleidomastoid')).toBeGreaterThan(1);
		expect(result).not.toContain('gastrocnemius');
	});

	it('at equal score, ranks verified rows first, then the more specific pattern', () => {
		const result = ranking(['elbow_lateral_epicondyle']);
		expect(result[0]).toBe('supinator');
		expect(result.slice(1, 4).sort()).toEqual(['ext_carpi_radialis_brevis', 'ext_carpi_radialis_longus', 'finger_extensors']);
		const heel = ranking(['heel']);
		expect(heel[0]).toBe('quadratus_plantae');
		expect(heel).toContain('soleus');
	});

	it('accepts a body area for any zone inside it', () => {
		expect(ranking(['shoulder'])).toEqual(expect.arrayContaining(['deltoid', 'infraspinatus', 'supraspinatus', 'levator_scapulae']));
		expect(ranking(['shoulder'])).not.toContain('soleus');
	});

	it('finds nothing for no pain, and counts a place given twice once', () => {
		expect(musclesReferringTo(MUSCLES, [])).toEqual([]);
		expect(musclesReferringTo(MUSCLES, ['heel_plantar', 'heel_plantar'])[0]!.score).toBe(3);
	});

	it('uses the rows it is given (a pure function of the data)', () => {
		const two = MUSCLES.filter((m) => m.code === 'masseter' || m.code === 'temporalis');
		expect(ranking(['ear_deep'], two)).toEqual(['masseter', 'temporalis']);
	});
});
