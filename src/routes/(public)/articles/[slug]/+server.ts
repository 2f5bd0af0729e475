import { articlePageCache } from '$lib/server/site/article-page-cache';
import { currentRenderStamp } from '$lib/server/site/render-stamp';
import {
	FORM_TOKEN_PLACEHOLDER,
	INTERNAL_RENDER_HEADER,
	internalRenderToken,
	matchesEtag,
	weakEtag
} from '$lib/server/site/render-cache';
import { currentFormToken } from '$lib/server/anti-spam/form-token';

/** Headers of the rendered page worth keeping with it in the cache. */
const KEPT_HEADERS = new Set(['content-type', 'content-security-policy', 'link', 'vary']);

/**
 * The public article page. It is rendered by ./view (a normal SvelteKit page, reachable only with
 * an internal token) and kept in an in-process cache keyed by the database's render stamp, so the
 * hot path is one cheap query and a string copy; the stamp is also the ETag for 304 answers.
 */
export async function GET({ params, locals, request, fetch }) {
	const { ctx } = locals;
	const secret = ctx.config.appSecret;
	const now = ctx.clock.now();
	const stamp = await currentRenderStamp(ctx);
	const etag = weakEtag(secret, params.slug, stamp);
	// Same page for everyone; "no-cache" makes browsers and proxies revalidate, so edits show at once.
	const cacheControl = locals.actor.kind === 'anonymous' ? 'public, no-cache' : 'private, no-cache';
	if (matchesEtag(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': cacheControl } });
	}
	let page = articlePageCache.get(params.slug, stamp);
	if (!page) {
		const rendered = await fetch(`/articles/${encodeURIComponent(params.slug)}/view`, {
			headers: { [INTERNAL_RENDER_HEADER]: internalRenderToken(secret) },
			redirect: 'manual'
		});
		// Redirects (renamed slugs) and errors go out as they are, uncached.
		if (rendered.status !== 200) {
			return new Response(rendered.body, { status: rendered.status, headers: new Headers(rendered.headers) });
		}
		page = {
			stamp,
			body: await rendered.text(),
			headers: [...rendered.headers].filter(([name]) => KEPT_HEADERS.has(name.toLowerCase()))
		};
		articlePageCache.set(params.slug, page);
	}
	const body = page.body.replace(FORM_TOKEN_PLACEHOLDER, currentFormToken(secret, now));
	const headers = new Headers(page.headers);
	headers.set('etag', etag);
	headers.set('cache-control', cacheControl);
	return new Response(body, { status: 200, headers });
}
