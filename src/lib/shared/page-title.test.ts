import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from './page-title';

describe('documentTitle', () => {
	it('keeps a title that fits', () => {
		expect(documentTitle('Services — Boston Spine', 'Boston Spine')).toBe('Services — Boston Spine');
	});

	it('shortens the page part at a word, keeping the clinic name', () => {
		const article = 'Is dry needling safe? Side effects, rare risks and who should not have it';
		expect(documentTitle(`${article} — Boston Spine`, 'Boston Spine')).toBe('Is dry needling safe? Side effects, rare risks… — Boston Spine');
	});

	it('shortens the whole title when the clinic name is long or absent, and never passes the limit', () => {
		const long = 'A very long clinic name that takes up most of the room';
		expect(documentTitle(`Services and prices for every kind of visit — ${long}`, long)).toBe('Services and prices for every kind of visit — A very long clinic…');
		expect(documentTitle('x'.repeat(120), 'Boston Spine')).toBe(`${'x'.repeat(MAX_TITLE_LENGTH - 1)}…`);
		for (const [title, site] of [
			['Is dry needling safe? Side effects, rare risks and who should not have it — Boston Spine', 'Boston Spine'],
			[`${'word '.repeat(30)}— ${long}`, long],
			['y'.repeat(200), 'Boston Spine']
		] as const) {
			expect(documentTitle(title, site).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
		}
	});
});
