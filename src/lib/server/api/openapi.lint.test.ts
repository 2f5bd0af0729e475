import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_MODULES } from './api-modules';
import { buildOpenApiDocument } from './openapi';

/**
 * A third-party linter (Redocly, recommended ruleset) reads the document as any client tool
 * would. Errors fail the test; warnings are printed so they can be judged (and are noted in
 * bench/README.md's API section when they stay).
 */

let problems: NormalizedProblem[] = [];

beforeAll(async () => {
	const config = await createConfig({ extends: ['recommended'] });
	const document = buildOpenApiDocument(API_MODULES, { serverUrl: 'https://clinic.example/api/v1' });
	problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'openapi.json', config });
	for (const p of problems.filter((p) => p.severity === 'warn')) {
		process.stdout.write(`redocly warning ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}\n`);
	}
}, 60_000);

describe('the OpenAPI document under the Redocly recommended ruleset', () => {
	it('has zero errors', () => {
		const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
		expect(errors).toEqual([]);
	});
});
