import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from './page-title';

describe('documentTitle', () => {
	it('keeps a title that fits', () => {
		expect(documentTitle('Services — Boston Spine', 'Boston Spine')).toBe('Services — Boston Spine');
	});

	it('drops the clinic name first, then cuts at a word with an ellipsis', () => {
		const article = 'Is dry needling safe? Side effects, rare risks and who should not have it';
		expect(documentTitle(`${article} — Boston Spine`, 'Boston Spine')).toBe('Is dry needling safe? Side effects, rare risks and who should not…');
		const short = 'Why a first session starts with a consultation and a few questions';
		expect(documentTitle(`${short} — Boston Spine`, 'Boston Spine')).toBe(short);
		const oneWord = 'x'.repeat(120);
		expect(documentTitle(oneWord, 'Boston Spine')).toBe(`${'x'.repeat(MAX_TITLE_LENGTH - 1)}…`);
		for (const title of [article, oneWord, `${short} — ${'A very long clinic name'.repeat(3)}`]) {
			expect(documentTitle(title, 'Boston Spine').length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
		}
	});
});
