import { describe, expect, it } from 'vitest';
import { SCREENING_FIELDS, parseScreeningInput } from './input.schema';
import { screeningCodeSystem, toFhirQuestionnaire } from './fhir-questionnaire';
import { QUESTIONNAIRE_VERSION, QUESTIONS } from './questionnaire';
import { REGIONS, REGION_INFO } from './regions';

describe('toFhirQuestionnaire', () => {
	const resource = toFhirQuestionnaire();

	it('is an active R4 Questionnaire resource', () => {
		expect(resource).toMatchObject({
			resourceType: 'Questionnaire',
			id: 'needlepoint-screening',
			status: 'active',
			version: QUESTIONNAIRE_VERSION,
			subjectType: ['Patient']
		});
		expect(resource).not.toHaveProperty('url');
		expect(JSON.parse(JSON.stringify(resource))).toEqual(resource);
	});

	it('carries a canonical url when given one', () => {
		const url = 'https://clinic.example/api/v1/screening/questionnaire';
		expect(toFhirQuestionnaire({ url }).url).toBe(url);
	});

	it('has one choice item per answer field, linkId = field name, repeats as the schema allows', () => {
		expect(resource.item.map((item) => item.linkId)).toEqual(SCREENING_FIELDS);
		for (const [index, item] of resource.item.entries()) {
			const question = QUESTIONS[index]!;
			expect(item).toMatchObject({ type: 'choice', text: question.text, repeats: question.repeats, required: false });
		}
	});

	it('codes every answer option with its system, code and display', () => {
		for (const item of resource.item) {
			const field = item.linkId as (typeof SCREENING_FIELDS)[number];
			for (const { valueCoding } of item.answerOption ?? []) {
				expect(valueCoding.system).toBe(screeningCodeSystem(field));
				expect(valueCoding.display.length).toBeGreaterThan(0);
				const answer = item.repeats ? [valueCoding.code] : valueCoding.code;
				expect(parseScreeningInput({ [field]: answer }).success, valueCoding.code).toBe(true);
			}
		}
	});

	it('includes every body-map region code with its label', () => {
		const regions = resource.item.find((item) => item.linkId === 'regions');
		expect(regions?.answerOption?.map((o) => o.valueCoding.code)).toEqual([...REGIONS]);
		expect(regions?.answerOption?.[0]?.valueCoding).toEqual({
			system: 'urn:needlepoint:screening:regions',
			code: 'head',
			display: REGION_INFO.head.label
		});
	});

	it('uses a distinct code system per answer list', () => {
		const systems = SCREENING_FIELDS.map(screeningCodeSystem);
		expect(new Set(systems).size).toBe(systems.length);
		expect(screeningCodeSystem('redFlags')).toBe('urn:needlepoint:screening:red-flags');
	});

	it('attaches the help text as an SDC help item', () => {
		const help = resource.item[3]?.item?.[0];
		expect(help).toMatchObject({ linkId: 'redFlags.help', type: 'display', text: QUESTIONS[3]!.help });
		expect(help?.extension?.[0]?.valueCodeableConcept.coding[0]).toMatchObject({
			system: 'http://hl7.org/fhir/questionnaire-item-control',
			code: 'help'
		});
	});

	it('uses unique linkIds throughout', () => {
		const ids = resource.item.flatMap((item) => [item.linkId, ...(item.item ?? []).map((child) => child.linkId)]);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
