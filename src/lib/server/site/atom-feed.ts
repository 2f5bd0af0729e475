import { escapeXml } from './xml';

export type FeedEntry = {
	title: string;
	url: string;
	published: Date;
	updated: Date;
	summary: string;
	authorName: string;
};

export type Feed = { title: string; siteUrl: string; feedUrl: string; entries: FeedEntry[] };

/** An Atom 1.0 document (RFC 4287); entry ids are the article URLs, which stay stable (old slugs redirect). */
export function atomFeed(feed: Feed): string {
	const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0));
	const entries = feed.entries.map(
		(e) => `  <entry>
    <title>${escapeXml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>
    <id>${escapeXml(e.url)}</id>
    <published>${e.published.toISOString()}</published>
    <updated>${e.updated.toISOString()}</updated>
    <author><name>${escapeXml(e.authorName)}</name></author>
    <summary>${escapeXml(e.summary)}</summary>
  </entry>`
	);
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(feed.title)}</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.feedUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
  <id>${escapeXml(feed.feedUrl)}</id>
  <updated>${updated.toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
}
