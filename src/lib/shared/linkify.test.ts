import { describe, expect, it } from 'vitest';
import { findLinks, linkify } from './linkify';

describe('linkify', () => {
	it('turns http(s) and www URLs into links and leaves the rest as text', () => {
		expect(linkify('See https://example.com/a?b=1, or www.example.org.')).toEqual([
			[
				[
					{ kind: 'text', text: 'See ' },
					{ kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
					{ kind: 'text', text: ', or ' },
					{ kind: 'link', text: 'www.example.org', href: 'https://www.example.org/' },
					{ kind: 'text', text: '.' }
				]
			]
		]);
	});

	it('links at most two URLs; the others stay text', () => {
		const paragraphs = linkify('https://a.example https://b.example https://c.example');
		const links = paragraphs.flat(2).filter((s) => s.kind === 'link');
		expect(links.map((l) => l.text)).toEqual(['https://a.example', 'https://b.example']);
		expect(paragraphs.flat(2).at(-1)).toEqual({ kind: 'text', text: ' https://c.example' });
		expect(findLinks('https://a.example https://b.example https://c.example')).toHaveLength(3);
	});

	it('never links javascript:, data: or other schemes, and keeps markup as text', () => {
		const text = 'javascript:alert(1) data:text/html,<script>x</script> <a href="https://x.example">y</a>';
		const segments = linkify(text).flat(2);
		expect(segments.filter((s) => s.kind === 'link').map((s) => s.href)).toEqual(['https://x.example/']);
		expect(segments.map((s) => s.text).join('')).toBe(text);
	});

	it('keeps a balanced closing parenthesis and splits paragraphs and lines', () => {
		const [first, second] = linkify('Read https://en.wikipedia.org/wiki/Acupuncture_(disambiguation).\nThanks!\n\n  Second  ');
		expect(first?.[0]?.[1]).toMatchObject({ text: 'https://en.wikipedia.org/wiki/Acupuncture_(disambiguation)' });
		expect(first?.[1]).toEqual([{ kind: 'text', text: 'Thanks!' }]);
		expect(second).toEqual([[{ kind: 'text', text: 'Second' }]]);
	});

	it('keeps right-to-left and emoji text intact', () => {
		expect(linkify('שלום 👋 مرحبا')).toEqual([[[{ kind: 'text', text: 'שלום 👋 مرحبا' }]]]);
	});
});
