import { listPublicServices } from '$lib/server/clinic/public-services.service';
import { allLiveArticles } from '$lib/server/content/public-articles.service';
import { sitemapXml, type SitemapUrl } from '$lib/server/site/sitemap';
import { PUBLIC_NAV } from '$lib/shared/site-nav';

/** Every public page and every live article. */
export async function GET({ locals, url }) {
	const origin = url.origin;
	const articles = await allLiveArticles(locals.ctx);
	const services = await listPublicServices(locals.ctx);
	const urls: SitemapUrl[] = [
		...PUBLIC_NAV.map((item) => ({ loc: `${origin}${item.href}` })),
		...services.map((s) => ({ loc: `${origin}/services/${s.slug}` })),
		...articles.map((a) => ({ loc: `${origin}/articles/${a.slug}`, lastmod: a.updatedAt }))
	];
	return new Response(sitemapXml(urls), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
