import { describe, expect, it } from 'vitest';
import { HEALTH_HISTORY } from '../../shared/intake/health-history';
import { contentHashOf } from './intake.repository';
import { toFhirQuestionnaire } from './fhir-questionnaire';

type Item = { linkId: string; type: string; enableWhen?: unknown[]; item?: Item[]; answerOption?: Array<{ valueCoding: { code: string } }> };

describe('health-history as a FHIR R4 Questionnaire', () => {
	const q = toFhirQuestionnaire({ id: 'x', slug: 'health-history', version: 3, contentHash: contentHashOf(HEALTH_HISTORY), definition: HEALTH_HISTORY }) as { version: string; item: Item[] };
	const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.item ?? [])]);

	it('has pages as groups, unique linkIds and only R4 item types', () => {
		expect(q.version).toBe('3');
		expect(q.item.map((i) => i.type)).toEqual(['group', 'group', 'group', 'group']);
		const items = all(q.item);
		expect(new Set(items.map((i) => i.linkId)).size).toBe(items.length);
		for (const i of items) expect(['group', 'display', 'string', 'text', 'integer', 'boolean', 'choice']).toContain(i.type);
	});

	it('shows weeks only if pregnant, and uses the body-map region codes for pain areas', () => {
		const items = all(q.item);
		expect(items.find((i) => i.linkId === 'pregnancy-weeks')!.enableWhen).toEqual([
			{ question: 'pregnant', operator: '=', answerCoding: { system: 'urn:needlepoint:form:health-history:pregnant', code: 'yes' } }
		]);
		expect(items.find((i) => i.linkId === 'lymphoedema-side')!.enableWhen).toEqual([{ question: 'lymphoedema', operator: '=', answerBoolean: true }]);
		expect(items.find((i) => i.linkId === 'pain-areas')!.answerOption!.map((o) => o.valueCoding.code)).toContain('low_back');
	});
});
