import { describe, expect, it } from 'vitest';
import { matchesEtag, RenderCache, weakEtag } from './render-cache';

describe('RenderCache', () => {
	it('serves an entry only for the stamp it was rendered with', () => {
		const cache = new RenderCache(10);
		cache.set('a', { stamp: 's1', body: 'one', headers: [] });
		expect(cache.get('a', 's1')?.body).toBe('one');
		expect(cache.get('a', 's2')).toBeUndefined();
		// A stale entry is dropped, not kept around.
		expect(cache.get('a', 's1')).toBeUndefined();
	});

	it('evicts the least recently used entry beyond its size', () => {
		const cache = new RenderCache(2);
		cache.set('a', { stamp: 's', body: 'a', headers: [] });
		cache.set('b', { stamp: 's', body: 'b', headers: [] });
		cache.get('a', 's');
		cache.set('c', { stamp: 's', body: 'c', headers: [] });
		expect(cache.get('b', 's')).toBeUndefined();
		expect(cache.get('a', 's')?.body).toBe('a');
		expect(cache.size).toBe(2);
	});
});

describe('ETags', () => {
	it('differ per page and per stamp, and match weakly in a list', () => {
		const etag = weakEtag('secret-secret-secret-secret-secret', 'slug', 's1');
		expect(etag).toMatch(/^W\/"[0-9a-f]{27}"$/);
		expect(weakEtag('secret-secret-secret-secret-secret', 'slug', 's2')).not.toBe(etag);
		expect(matchesEtag(`"x", ${etag}`, etag)).toBe(true);
		expect(matchesEtag(etag.slice(2), etag)).toBe(true);
		expect(matchesEtag('*', etag)).toBe(true);
		expect(matchesEtag('"other"', etag)).toBe(false);
		expect(matchesEtag(null, etag)).toBe(false);
	});
});
