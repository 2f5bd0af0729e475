import { redirect } from '@sveltejs/kit';
import { findLiveArticle } from '$lib/server/content/public-articles.service';
import { findReplyTarget, submitComment } from '$lib/server/comments/comment.service';
import { issueFormToken } from '$lib/server/anti-spam/form-token';
import { clientAddressOf } from '$lib/server/client-address';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';

export async function load({ locals, params, url, setHeaders }) {
	const { ctx } = locals;
	try {
		const lookup = await findLiveArticle(ctx, params.slug);
		if (lookup.kind === 'moved') redirect(301, `/articles/${lookup.slug}/comment${url.search}`);
		const { article } = lookup;
		const replyId = url.searchParams.get('reply');
		const replyTo = replyId ? ((await findReplyTarget(ctx, article.id, replyId)) ?? null) : null;
		const sent = url.searchParams.get('sent');
		// The form carries a fresh token, so this page must not be served from a cache.
		setHeaders({ 'cache-control': 'private, no-store' });
		return {
			article: { slug: article.slug, title: article.title },
			replyTo: replyTo && { id: replyTo.id, authorName: replyTo.authorName, body: replyTo.body },
			sent: sent === 'held' || sent === 'published' ? sent : null,
			formToken: issueFormToken(ctx.config.appSecret, ctx.clock.now())
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	default: async (event) => {
		const values = formObject(await event.request.formData());
		let outcome;
		try {
			({ outcome } = await submitComment(event.locals.ctx, event.params.slug, values, clientAddressOf(event)));
		} catch (caught) {
			return formFailure(caught, values, ['leave_empty']);
		}
		redirect(303, `/articles/${event.params.slug}/comment?sent=${outcome}`);
	}
};
