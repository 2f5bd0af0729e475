import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** The text of a PDF as a reader would extract it (pdfjs-dist), lines joined by spaces. Tests only. */
export async function pdfText(data: Buffer): Promise<string> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
	const document = await pdfjs.getDocument({ data: new Uint8Array(data), standardFontDataUrl, isEvalSupported: false }).promise;
	const parts: string[] = [];
	for (let n = 1; n <= document.numPages; n++) {
		const content = await (await document.getPage(n)).getTextContent();
		for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
	}
	await document.destroy();
	return parts.join('').replace(/[ \t]*\n[ \t]*/g, ' ');
}
