import { escapeXml } from './xml';

export type SitemapUrl = { loc: string; lastmod?: Date };

/** A sitemaps.org 0.9 urlset. */
export function sitemapXml(urls: SitemapUrl[]): string {
	const items = urls.map(
		(u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod.toISOString()}</lastmod>` : ''}</url>`
	);
	return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${items.join('\n')}
</urlset>
`;
}

export function robotsTxt(origin: string): string {
	return `User-agent: *\nDisallow: /staff/\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
