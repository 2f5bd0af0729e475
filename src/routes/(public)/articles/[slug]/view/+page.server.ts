import { error, redirect } from '@sveltejs/kit';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { getPublicArticle } from '$lib/server/content/public-articles.service';
import { listArticleComments } from '$lib/server/comments/comment.service';
import { articleJsonLd, medicalWebPageJsonLd } from '$lib/server/site/json-ld';
import { FORM_TOKEN_PLACEHOLDER, INTERNAL_RENDER_HEADER, internalRenderToken } from '$lib/server/site/render-cache';
import { pageError } from '$lib/server/http';
import { credentialAbbreviation } from '$lib/shared/credentials';

/** Renders an article for ../+server.ts, which caches it. Not a public address. */
export async function load({ locals, params, request, url }) {
	const { ctx } = locals;
	if (request.headers.get(INTERNAL_RENDER_HEADER) !== internalRenderToken(ctx.config.appSecret)) error(404, 'Page not found.');
	try {
		const lookup = await getPublicArticle(ctx, params.slug);
		if (lookup.kind === 'moved') redirect(301, `/articles/${lookup.slug}`);
		const { page } = lookup;
		const clinic = await getClinic(ctx);
		const path = `/articles/${page.article.slug}`;
		const description = page.article.summary || page.article.title;
		return {
			...page,
			path,
			description,
			comments: await listArticleComments(ctx, page.article.id),
			formToken: FORM_TOKEN_PLACEHOLDER,
			jsonLd: [
				articleJsonLd(
					{
						url: `${url.origin}${path}`,
						title: page.article.title,
						description,
						published: page.article.publishedAt,
						modified: page.article.updatedAt,
						authorName: page.author?.name ?? clinic.name,
						authorCredentials: page.author?.credentials.map(credentialAbbreviation) ?? [],
						imageUrl: page.article.cover ? `${url.origin}${page.article.cover.url}` : undefined
					},
					clinic,
					url.origin
				),
				medicalWebPageJsonLd({ url: `${url.origin}${path}`, title: page.article.title, description, modified: page.article.updatedAt }, clinic, url.origin)
			]
		};
	} catch (caught) {
		pageError(caught);
	}
}
