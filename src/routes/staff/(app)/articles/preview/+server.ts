import { json } from '@sveltejs/kit';
import { previewMarkdown } from '$lib/server/content/article.service';
import { readingMinutes } from '$lib/server/content/markdown';
import { problemFrom } from '$lib/server/http';

/** The editor's live preview: Markdown in, the sanitised HTML the public page would show out. */
export async function POST({ request, locals }) {
	let markdown: unknown;
	try {
		markdown = ((await request.json()) as { markdown?: unknown }).markdown;
	} catch {
		markdown = '';
	}
	try {
		const { html, wordCount } = previewMarkdown(locals.ctx, markdown);
		return json({ html, wordCount, readingMinutes: readingMinutes(wordCount) });
	} catch (caught) {
		return problemFrom(caught);
	}
}
