import { getClinic } from '$lib/server/clinic/clinic.service';
import { allLiveArticles } from '$lib/server/content/public-articles.service';
import { atomFeed } from '$lib/server/site/atom-feed';

export async function GET({ locals, url }) {
	const clinic = await getClinic(locals.ctx);
	const articles = (await allLiveArticles(locals.ctx)).slice(0, 50);
	const xml = atomFeed({
		title: `${clinic.name}: articles`,
		siteUrl: `${url.origin}/articles`,
		feedUrl: `${url.origin}/articles/feed.xml`,
		entries: articles.map((a) => ({
			title: a.title,
			url: `${url.origin}/articles/${a.slug}`,
			published: a.publishedAt ?? a.updatedAt,
			updated: a.updatedAt,
			summary: a.summary || a.title,
			authorName: a.authorName
		}))
	});
	return new Response(xml, {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
