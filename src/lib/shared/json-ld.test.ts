import { describe, expect, it } from 'vitest';
import { jsonLdScript } from './json-ld';

describe('jsonLdScript', () => {
	it('cannot be closed early by a value, and still parses to the same data', () => {
		const data = { headline: '</script><script>alert(1)</script> & more', line: 'a\u2028b' };
		const html = jsonLdScript(data);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(html.endsWith('</script>')).toBe(true);
		const inner = html.slice('<script type="application/ld+json">'.length, -'</script>'.length);
		expect(JSON.parse(inner)).toEqual(data);
	});
});
