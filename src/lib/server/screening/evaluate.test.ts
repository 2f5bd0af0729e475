import { describe, expect, it } from 'vitest';
import {
	MUSCULOSKELETAL_CONCERNS,
	RED_FLAGS,
	RELATIVE_PRECAUTIONS,
	WHOLE_BODY_CONCERNS,
	type RedFlag,
	type RelativePrecaution
} from '../../shared/screening/codes';
import { evaluateScreening } from './evaluate';
import { CASES, answers, observed } from './evaluate.cases';
import { CURRENT_RULESET } from './rules';
import type { Ruleset } from './ruleset';

const URGENT_FLAGS: readonly RedFlag[] = ['chest_pain_or_breathless', 'saddle_numbness', 'bladder_bowel_change'];
const EMERGENCY_WORDING = /emergency care now.*911/i;

function ruleById(id: string) {
	const rule = CURRENT_RULESET.rules.find((r) => r.id === id);
	if (!rule) throw new Error(`No rule ${id}`);
	return rule;
}

describe('evaluateScreening: case table', () => {
	it('has a healthy number of cases with unique names', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
	});

	it.each(CASES)('$name  [$rule, $source]', (testCase) => {
		const result = evaluateScreening(answers(testCase.answers));

		expect(observed(result)).toEqual(testCase.expected);
		expect(result.firedRules).toContain(testCase.rule);
		expect(ruleById(testCase.rule).sources).toContain(testCase.source);
		expect(result.rulesetVersion).toBe('1.0.0');

		if (result.urgent) {
			expect(result.summary).toMatch(EMERGENCY_WORDING);
			expect(result.reasons.some((reason) => EMERGENCY_WORDING.test(reason.text))).toBe(true);
		} else {
			expect(result.summary).not.toMatch(/emergency/i);
		}
	});
});

describe('evaluateScreening: red flags', () => {
	it.each(RED_FLAGS)('%s sends the person to a physician first and names the flag', (flag) => {
		const result = evaluateScreening(answers({ redFlags: [flag], concerns: ['muscle_tightness'] }));
		expect(result.recommendation).toBe('physician_first');
		expect(result.suggestedServices).toEqual([]);
		expect(result.reasons).toHaveLength(1);
		expect(result.reasons[0]).toMatchObject({
			code: flag,
			ruleId: `red_flag.${flag}`,
			answers: [{ field: 'redFlags', code: flag }]
		});
		expect(result.reasons[0]?.text).toMatch(/^You told us/);
	});

	it.each(URGENT_FLAGS)('%s gets emergency wording in the reason and the summary', (flag) => {
		const result = evaluateScreening(answers({ redFlags: [flag] }));
		expect(result.urgent).toBe(true);
		expect(result.reasons[0]?.text).toMatch(EMERGENCY_WORDING);
		expect(result.summary).toMatch(EMERGENCY_WORDING);
	});

	it.each(RED_FLAGS.filter((flag) => !URGENT_FLAGS.includes(flag)))('%s is not marked urgent', (flag) => {
		const result = evaluateScreening(answers({ redFlags: [flag] }));
		expect(result.urgent).toBe(false);
		expect(result.reasons[0]?.text).not.toMatch(/emergency care now/i);
		expect(result.summary).toBe('Please see a doctor before you book any needling.');
	});

	it('tells someone with a sudden stroke-like symptom to call 911 even though the flag is not urgent', () => {
		for (const flag of ['dizziness_vision_speech', 'progressive_weakness'] as const) {
			expect(evaluateScreening(answers({ redFlags: [flag] })).reasons[0]?.text).toMatch(/suddenly.*911/);
		}
	});
});

describe('evaluateScreening: contraindications', () => {
	it.each(['needle_phobia', 'unable_to_consent'] as const)(
		'%s offers only a consultation for hands-on therapy and exercise',
		(code) => {
			const result = evaluateScreening(answers({ precautions: [code], concerns: ['sciatica'] }));
			expect(result.recommendation).toBe('not_suitable_for_needling');
			expect(result.suggestedServices).toEqual(['initial-consultation']);
			expect(result.reasons[0]?.text).toMatch(/consultation.*hands-on therapy and exercise/);
			expect(result.clinicianReview).toBe(false);
		}
	);
});

describe('evaluateScreening: relative precautions', () => {
	const explanations: Record<RelativePrecaution, RegExp[]> = {
		pregnant: [/some acupuncture points are avoided/i, /dry needling needs extra caution/i],
		anticoagulants: [/tell your clinician/i, /deep spots .* may be avoided/i],
		bleeding_disorder: [/deep spots .* may avoid|may avoid deep spots/i],
		pacemaker_or_implant: [/no electrical stimulation is used near it/i],
		lymphedema: [/swollen arm or leg is not needled/i],
		immunocompromised: [/infection/i],
		diabetes: [/how well it is controlled/i],
		epilepsy: [/seizures are controlled/i],
		metal_allergy: [/nickel/i],
		skin_infection_at_site: [/not needled until the skin has healed/i]
	};

	it.each(RELATIVE_PRECAUTIONS)('%s adds its own explanation and asks for clinician review', (code) => {
		const without = evaluateScreening(answers({ concerns: ['sleep', 'sciatica'], preference: 'western' }));
		const result = evaluateScreening(answers({ concerns: ['sleep', 'sciatica'], preference: 'western', precautions: [code] }));

		expect(result.recommendation).toBe(without.recommendation);
		expect(result.suggestedServices).toEqual(without.suggestedServices);
		expect(result.clinicianReview).toBe(true);
		expect(without.clinicianReview).toBe(false);
		expect(result.precautions).toHaveLength(1);
		expect(result.precautions[0]).toMatchObject({ code, ruleId: `precaution.${code}` });
		for (const pattern of explanations[code]) expect(result.precautions[0]?.text).toMatch(pattern);
		expect(result.summary).toMatch(/clinician will go through your answers/);
	});
});

describe('evaluateScreening: concerns', () => {
	it.each(MUSCULOSKELETAL_CONCERNS)('%s alone suggests dry needling', (concern) => {
		expect(evaluateScreening(answers({ concerns: [concern] })).recommendation).toBe('dry_needling');
	});

	it.each(WHOLE_BODY_CONCERNS)('%s alone suggests acupuncture', (concern) => {
		expect(evaluateScreening(answers({ concerns: [concern] })).recommendation).toBe('acupuncture');
	});

	it('explains why a western preference still gets acupuncture for whole-body concerns', () => {
		const result = evaluateScreening(answers({ concerns: ['sleep'], preference: 'western' }));
		expect(result.reasons[0]?.text).toMatch(/dry needling is aimed at muscles and joints/i);
	});

	it('records which answers caused a therapy reason', () => {
		const result = evaluateScreening(answers({ concerns: ['stress', 'sciatica'], preference: 'tcm' }));
		expect(result.reasons[0]?.answers).toEqual([
			{ field: 'concerns', code: 'stress' },
			{ field: 'concerns', code: 'sciatica' },
			{ field: 'preference', code: 'tcm' }
		]);
		expect(result.concernProfile).toBe('mixed');
	});
});

describe('evaluateScreening: result shape and purity', () => {
	it('produces exactly the API fields, plus the documented extras, as plain JSON', () => {
		const result = evaluateScreening(answers({ concerns: ['sleep'], precautions: ['pregnant'] }));
		expect(Object.keys(result).sort()).toEqual(
			[
				'recommendation',
				'reasons',
				'precautions',
				'clinicianReview',
				'suggestedServices',
				'rulesetVersion',
				'urgent',
				'summary',
				'concernProfile',
				'firedRules'
			].sort()
		);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
		expect(result.reasons[0]).toMatchObject({ code: 'whole_body_concerns', text: expect.any(String) });
		expect(result.precautions[0]).toMatchObject({ code: 'pregnant', text: expect.any(String) });
		expect(result.firedRules).toEqual(['therapy.whole_body.none_or_tcm', 'precaution.pregnant']);
	});

	it('uses the current ruleset by default', () => {
		const input = answers({ concerns: ['sciatica'], precautions: ['diabetes'] });
		expect(evaluateScreening(input)).toEqual(evaluateScreening(input, CURRENT_RULESET));
	});

	it('reports the version of the ruleset it was given', () => {
		const next: Ruleset = { ...CURRENT_RULESET, version: '9.9.9' };
		expect(evaluateScreening(answers({}), next).rulesetVersion).toBe('9.9.9');
	});

	it('changes neither its input nor the ruleset, and hands out fresh lists', () => {
		const input = answers({ concerns: ['sciatica'], redFlags: [], precautions: ['pregnant'] });
		const inputBefore = structuredClone(input);
		const rulesBefore = structuredClone(CURRENT_RULESET);

		const first = evaluateScreening(input);
		(first.suggestedServices as string[]).push('follow-up');
		(first.reasons[0]?.sources as string[] | undefined)?.push('tampered');

		expect(input).toEqual(inputBefore);
		expect(CURRENT_RULESET).toEqual(rulesBefore);
		expect(evaluateScreening(input).suggestedServices).toEqual(['initial-consultation', 'dry-needling']);
	});

	it('falls back to "either" with clinician review when a ruleset has no matching therapy rule', () => {
		const gap: Ruleset = { ...CURRENT_RULESET, rules: CURRENT_RULESET.rules.filter((r) => r.stage !== 'therapy') };
		const result = evaluateScreening(answers({ concerns: ['sciatica'] }), gap);
		expect(result.recommendation).toBe('either');
		expect(result.clinicianReview).toBe(true);
		expect(result.reasons.map((r) => r.code)).toEqual(['no_matching_rule']);
		expect(result.firedRules).toEqual(['therapy.no_matching_rule']);
	});
});
