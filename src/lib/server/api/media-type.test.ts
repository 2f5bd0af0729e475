import { describe, expect, it } from 'vitest';
import { isJsonType, parseMediaType, prefersFhirJson } from './media-type';

describe('media types', () => {
	it('parses the type and parameters, case-insensitively', () => {
		const media = parseMediaType('Application/JSON ; Charset="UTF-8"');
		expect(media?.type).toBe('application/json');
		expect(media?.params.get('charset')).toBe('UTF-8');
		expect(parseMediaType('json')).toBeNull();
		expect(parseMediaType(null)).toBeNull();
	});

	it('knows JSON and +json types', () => {
		expect(['application/json', 'application/fhir+json', 'application/problem+json'].every(isJsonType)).toBe(true);
		expect(['text/json', 'application/jsonp', 'application/x-www-form-urlencoded'].some(isJsonType)).toBe(false);
	});

	it.each([
		[null, false],
		['*/*', false],
		['application/json', false],
		['application/fhir+json', true],
		['application/json;q=0.5, application/fhir+json', true],
		['application/fhir+json;q=0.2, application/json', false],
		['application/fhir+json;q=0', false]
	])('Accept %s prefers FHIR JSON: %s', (accept, expected) => {
		expect(prefersFhirJson(accept)).toBe(expected);
	});
});
