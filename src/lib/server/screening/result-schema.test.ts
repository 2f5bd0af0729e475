import { describe, expect, it } from 'vitest';
import { CASES, answers } from './evaluate.cases';
import { evaluateScreening } from './evaluate';
import { screeningResultSchema } from '../../shared/screening/result.schema';

describe('screeningResultSchema', () => {
	it.each(CASES.map((c) => [c.name, c] as const))('describes the engine’s result exactly: %s', (_name, c) => {
		const result = evaluateScreening(answers(c.answers));
		expect(screeningResultSchema.parse(JSON.parse(JSON.stringify(result)))).toEqual(result);
	});

	it('refuses a result with a field it does not document', () => {
		const result = evaluateScreening(answers({}));
		expect(screeningResultSchema.safeParse({ ...result, extra: 1 }).success).toBe(false);
	});
});
