import { describe, expect, it } from 'vitest';
import { readingMinutes, renderMarkdown, wantsTableOfContents } from './markdown';

const HASH = 'a'.repeat(64);

describe('renderMarkdown', () => {
	it('renders headings from h2 with unique, linkable ids and collects the table of contents', () => {
		const { html, toc } = renderMarkdown('# Intro\n\nText.\n\n## What *it* is\n\n### Details\n\n## What it is\n\n## Comments');
		expect(html).toContain('<h2 id="intro"><a href="#intro">Intro</a></h2>');
		expect(html).toContain('<h2 id="what-it-is"><a href="#what-it-is">What <em>it</em> is</a></h2>');
		expect(html).toContain('<h2 id="what-it-is-2">');
		// "comments" is an id of the page itself.
		expect(html).toContain('<h2 id="comments-2">');
		expect(toc).toEqual([
			{ depth: 2, id: 'intro', text: 'Intro' },
			{ depth: 2, id: 'what-it-is', text: 'What it is' },
			{ depth: 3, id: 'details', text: 'Details' },
			{ depth: 2, id: 'what-it-is-2', text: 'What it is' },
			{ depth: 2, id: 'comments-2', text: 'Comments' }
		]);
	});

	it('keeps lists, emphasis, quotes, code and tables', () => {
		const { html } = renderMarkdown(
			'- one\n- **two**\n\n1. first\n\n> quoted\n\n`code` and\n\n```js\nlet x = 1 < 2;\n```\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n'
		);
		expect(html).toContain('<ul>');
		expect(html).toContain('<strong>two</strong>');
		expect(html).toContain('<ol>');
		expect(html).toContain('<blockquote>');
		expect(html).toContain('<code>code</code>');
		expect(html).toContain('<pre><code class="language-js">let x = 1 &lt; 2;');
		expect(html).toContain('<table>');
		expect(html).toContain('<td align="right">2</td>');
	});

	it('keeps http(s), mailto and relative links, marks external ones noopener', () => {
		const { html } = renderMarkdown('[a](https://pubmed.ncbi.nlm.nih.gov/1) [b](mailto:x@example.com) [c](/services/acupuncture) [d](#sources)');
		expect(html).toContain('<a href="https://pubmed.ncbi.nlm.nih.gov/1" rel="noopener noreferrer">a</a>');
		expect(html).toContain('<a href="mailto:x@example.com">b</a>');
		expect(html).toContain('<a href="/services/acupuncture">c</a>');
		expect(html).toContain('<a href="#sources">d</a>');
	});

	it.each([
		['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
		['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
		['<iframe src="https://evil.example"></iframe>', '&lt;iframe'],
		['Hello <b onclick="x()">there</b>', 'Hello &lt;b onclick="x()"&gt;there&lt;/b&gt;'],
		['<a href="javascript:alert(1)">x</a>', '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;'],
		['<svg><script>alert(1)</script></svg>', '&lt;svg&gt;'],
		['<style>body{display:none}</style>', '&lt;style&gt;']
	])('shows raw HTML as text, never as markup: %s', (input, expected) => {
		const { html } = renderMarkdown(input);
		expect(html).toContain(expected);
		expect(html).not.toMatch(/<(script|iframe|svg|style|b )/i);
		expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
	});

	it.each([
		'[x](javascript:alert(1))',
		'[x](JaVaScRiPt:alert(1))',
		'[x](  javascript:alert(1))',
		'[x](java&#115;cript:alert(1))',
		'[x](vbscript:msgbox(1))',
		'[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
		'[x](//evil.example/steal)',
		'<javascript:alert(1)>',
		'[x]: javascript:alert(1)\n\n[y][x]'
	])('drops dangerous link targets: %s', (input) => {
		const { html } = renderMarkdown(input);
		expect(html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
		expect(html).not.toContain('href="//');
	});

	it('allows images from our own image route only', () => {
		const own = renderMarkdown(`![A needle](/media/${HASH}.png)`).html;
		expect(own).toContain(`<img src="/media/${HASH}.png" alt="A needle" loading="lazy" />`);
		for (const src of ['https://evil.example/x.png', '/media/../etc/passwd', `/media/${HASH}.svg`, 'javascript:alert(1)', `//evil.example/media/${HASH}.png`]) {
			expect(renderMarkdown(`![alt](${src})`).html).not.toContain('<img');
		}
	});

	it('escapes quotes in alt text and heading text', () => {
		const { html, toc } = renderMarkdown(`## "Quotes" & <tags>\n\n![a" onerror="x](/media/${HASH}.png)`);
		expect(html).not.toContain('onerror="x"');
		expect(toc[0]?.text).toBe('"Quotes" & <tags>');
	});

	it('keeps right-to-left and emoji text intact', () => {
		const { html, wordCount } = renderMarkdown('مرحبا بالعالم 👋 שלום');
		expect(html).toContain('مرحبا بالعالم 👋 שלום');
		expect(wordCount).toBe(3);
	});

	it('counts words of the visible text, not of the markup', () => {
		expect(renderMarkdown('**One** two, [three](https://example.com) — four.').wordCount).toBe(4);
	});
});

describe('reading time and table of contents', () => {
	it('reads at 220 words a minute, at least one minute', () => {
		expect(readingMinutes(0)).toBe(1);
		expect(readingMinutes(219)).toBe(1);
		expect(readingMinutes(1100)).toBe(5);
	});

	it('shows a table of contents only on long articles with several sections', () => {
		const toc = [1, 2, 3].map((n) => ({ depth: 2 as const, id: `s${n}`, text: `S${n}` }));
		expect(wantsTableOfContents({ toc, wordCount: 900 })).toBe(true);
		expect(wantsTableOfContents({ toc, wordCount: 300 })).toBe(false);
		expect(wantsTableOfContents({ toc: toc.slice(0, 2), wordCount: 900 })).toBe(false);
	});
});
