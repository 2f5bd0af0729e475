import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom-feed';
import { robotsTxt, sitemapXml } from './sitemap';

const entry = {
	title: 'Dry needling & acupuncture: <how> they differ',
	url: 'https://clinic.example/articles/dry-needling-vs-acupuncture',
	published: new Date('2026-11-01T14:00:00Z'),
	updated: new Date('2026-11-02T09:30:00Z'),
	summary: 'A "neutral" guide\u0007.',
	authorName: 'Dr. Sam O’Brien'
};

describe('atom feed', () => {
	it('escapes text, drops control characters and dates the feed by its newest entry', () => {
		const xml = atomFeed({ title: 'Boston Spine', siteUrl: 'https://clinic.example/', feedUrl: 'https://clinic.example/articles/feed.xml', entries: [entry] });
		expect(xml).toContain('<title>Dry needling &amp; acupuncture: &lt;how&gt; they differ</title>');
		expect(xml).toContain('<summary>A &quot;neutral&quot; guide.</summary>');
		expect(xml).toContain('<updated>2026-11-02T09:30:00.000Z</updated>');
		expect(xml).toContain('<id>https://clinic.example/articles/dry-needling-vs-acupuncture</id>');
		expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
	});
});

describe('sitemap and robots', () => {
	it('lists every URL with its last change', () => {
		const xml = sitemapXml([{ loc: 'https://clinic.example/' }, { loc: 'https://clinic.example/articles/a?b=1&c=2', lastmod: entry.updated }]);
		expect(xml).toContain('<url><loc>https://clinic.example/</loc></url>');
		expect(xml).toContain('<loc>https://clinic.example/articles/a?b=1&amp;c=2</loc><lastmod>2026-11-02T09:30:00.000Z</lastmod>');
	});

	it('keeps crawlers out of the staff area and points to the sitemap', () => {
		expect(robotsTxt('https://clinic.example')).toBe('User-agent: *\nDisallow: /staff/\nAllow: /\n\nSitemap: https://clinic.example/sitemap.xml\n');
	});
});
