import { error } from '@sveltejs/kit';
import { listPublicArticles } from '$lib/server/content/public-articles.service';
import { readingMinutes } from '$lib/server/content/markdown';
import { pageError } from '$lib/server/http';

export async function load({ locals, url, setHeaders }) {
	const pageText = url.searchParams.get('page') ?? '1';
	const tag = url.searchParams.get('tag');
	if (!/^\d{1,4}$/.test(pageText) || (tag !== null && !/^[a-z0-9-]{1,40}$/.test(tag))) error(404, 'Page not found.');
	try {
		const index = await listPublicArticles(locals.ctx, { page: Number(pageText), tag });
		setHeaders({ 'cache-control': 'public, no-cache' });
		return { ...index, items: index.items.map((a) => ({ ...a, readingMinutes: readingMinutes(a.wordCount) })) };
	} catch (caught) {
		pageError(caught);
	}
}
