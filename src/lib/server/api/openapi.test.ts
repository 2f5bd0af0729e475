import { describe, expect, it } from 'vitest';
import { parseScreeningInput, SCREENING_FIELDS } from '../../shared/screening/input.schema';
import { questionFor } from '../../shared/screening/questionnaire';
import { REGIONS } from '../../shared/screening/regions';
import { API_MODULES } from './api-modules';
import { buildOpenApiDocument, type ApiModule } from './openapi';

const document = buildOpenApiDocument(API_MODULES, { serverUrl: 'https://clinic.example/api/v1' });

function refsIn(value: unknown, found: string[] = []): string[] {
	if (Array.isArray(value)) for (const item of value) refsIn(item, found);
	else if (value && typeof value === 'object') {
		for (const [key, inner] of Object.entries(value)) {
			if (key === '$ref' && typeof inner === 'string') found.push(inner);
			else refsIn(inner, found);
		}
	}
	return found;
}

describe('the OpenAPI document', () => {
	it('is OpenAPI 3.1 with the server and every endpoint', () => {
		expect(document.openapi).toBe('3.1.0');
		expect(document.servers).toEqual([{ url: 'https://clinic.example/api/v1', description: 'This clinic' }]);
		expect(Object.keys(document.paths).sort()).toEqual([
			'/appointments',
			'/appointments/{id}',
			'/appointments/{id}/cancel',
			'/appointments/{id}/reschedule',
			'/atlas/acupoints',
			'/atlas/muscles',
			'/availability',
			'/consent-documents',
			'/forms/{slug}',
			'/openapi.json',
			'/providers',
			'/screening',
			'/screening/questionnaire',
			'/services'
		]);
		expect(Object.keys(document.paths['/screening']!)).toEqual(['post']);
		expect(JSON.parse(JSON.stringify(document))).toEqual(document);
	});

	it('resolves every $ref inside the document, with no JSON Schema $defs left over', () => {
		const refs = refsIn(document);
		expect(refs.length).toBeGreaterThan(5);
		for (const ref of refs) {
			expect(ref).toMatch(/^#\/components\/schemas\/[A-Za-z]+$/);
			expect(document.components.schemas, ref).toHaveProperty(ref.split('/').at(-1)!);
		}
		expect(JSON.stringify(document)).not.toContain('$defs');
		expect(JSON.stringify(document)).not.toContain('"$schema"');
	});

	it('gives every operation a unique id, a tag, a success response and problem responses', () => {
		const ids = new Set<string>();
		for (const [path, item] of Object.entries(document.paths)) {
			for (const operation of Object.values(item)) {
				expect(ids.has(operation!.operationId), path).toBe(false);
				ids.add(operation!.operationId);
				expect(operation!.tags).toHaveLength(1);
				expect(Object.keys(operation!.responses).some((code) => code.startsWith('2')), path).toBe(true);
			}
		}
		const post = document.paths['/screening']!.post!;
		expect(Object.keys(post.responses)).toEqual(['200', '400', '413', '415', '422', '4XX']);
		expect(post.responses['422']).toEqual({
			description: expect.any(String),
			content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ValidationProblem' } } }
		});
	});

	it('says for every operation who may call it and how it fails, with the manage token as a bearer scheme', () => {
		expect(document.components.securitySchemes).toEqual({ manageToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }) });
		const secured: string[] = [];
		for (const [path, item] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(item)) {
				expect(Array.isArray(operation!.security), `${method} ${path}`).toBe(true);
				if (operation!.security.length) secured.push(`${method} ${path}`);
				expect(Object.keys(operation!.responses).some((code) => code.startsWith('4')), `${method} ${path}`).toBe(true);
				const headers = ((operation!.parameters ?? []) as { in: string; name: string }[]).filter((p) => p.in === 'header');
				expect(headers.map((p) => p.name.toLowerCase()), `${method} ${path}`).not.toContain('authorization');
			}
		}
		expect(secured.sort()).toEqual(['get /appointments/{id}', 'post /appointments/{id}/cancel', 'post /appointments/{id}/reschedule']);
	});

	it('lists the allowed codes of every answer, body-map regions included', () => {
		const answers = document.components.schemas.ScreeningAnswers as {
			properties: Record<string, { items?: { enum: string[] }; enum?: string[]; uniqueItems?: boolean }>;
			additionalProperties: boolean;
		};
		expect(Object.keys(answers.properties)).toEqual(SCREENING_FIELDS);
		expect(answers.additionalProperties).toBe(false);
		expect(answers.properties.regions?.items?.enum).toEqual([...REGIONS]);
		for (const field of SCREENING_FIELDS) {
			const codes = questionFor(field).options.map((o) => o.code);
			const property = answers.properties[field]!;
			if (questionFor(field).repeats) {
				expect(property.items?.enum, field).toEqual(codes);
				expect(property.uniqueItems).toBe(true);
			} else {
				expect(property.enum, field).toEqual(['', ...codes]);
			}
		}
	});

	it('gives an example request the API accepts', () => {
		const examples = (document.components.schemas.ScreeningAnswers as { examples: unknown[] }).examples;
		for (const example of examples) expect(parseScreeningInput(example).success).toBe(true);
	});

	it('documents the result with the fields the issue promises', () => {
		const result = document.components.schemas.ScreeningResult as { required: string[]; additionalProperties: boolean };
		expect(result.required).toEqual(
			expect.arrayContaining(['recommendation', 'reasons', 'precautions', 'clinicianReview', 'suggestedServices', 'rulesetVersion'])
		);
		expect(result.additionalProperties).toBe(false);
		const problem = document.components.schemas.ValidationProblem as { required: string[] };
		expect(problem.required).toEqual(['type', 'title', 'status', 'errors']);
	});

	it('refuses two modules claiming the same path or schema name', () => {
		const a: ApiModule = {
			tag: { name: 'A', description: 'a' },
			schemas: { Thing: { type: 'object' } },
			paths: { '/things': { get: { operationId: 'a', summary: 'a', security: [], responses: { '200': { description: 'ok' } } } } }
		};
		const b: ApiModule = { ...a, schemas: {}, tag: { name: 'B', description: 'b' } };
		expect(() => buildOpenApiDocument([a, b])).toThrow('GET /things is defined twice');
		expect(() => buildOpenApiDocument([a, { ...a, paths: {} }])).toThrow('API schema Thing is defined twice');
		const c: ApiModule = { ...b, paths: { '/things': { post: { operationId: 'c', summary: 'c', security: [], responses: { '201': { description: 'made' } } } } } };
		expect(Object.keys(buildOpenApiDocument([a, c]).paths['/things']!)).toEqual(['get', 'post']);
	});
});
