import { renderCalendarFeed } from '$lib/server/calendar-feed/calendar-feed.service';
import { DomainError } from '$lib/server/errors';

/**
 * A provider's private calendar feed (subscribe from Google, Apple or Outlook). The token in the
 * path is the only credential; the request log records the route id, never the path.
 */
export async function GET({ params, locals, url }) {
	try {
		const ics = await renderCalendarFeed(locals.ctx, params.token, url.origin);
		return new Response(ics, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': 'inline; filename="appointments.ics"',
				// Patient schedule data: never stored by a shared cache or the browser.
				'cache-control': 'private, no-store',
				'x-robots-tag': 'noindex, nofollow'
			}
		});
	} catch (caught) {
		if (caught instanceof DomainError && caught.code === 'not_found') {
			return new Response('Calendar not found.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
		}
		throw caught;
	}
}
