import { robotsTxt } from '$lib/server/site/sitemap';

export function GET({ url }) {
	return new Response(robotsTxt(url.origin), {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
}
