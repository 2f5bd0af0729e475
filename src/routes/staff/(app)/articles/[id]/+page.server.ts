import { fail, redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { listServices } from '$lib/server/clinic/clinic-service.service';
import { isLive } from '$lib/server/content/article';
import {
	authorChoices,
	getArticleForEditing,
	previewMarkdown,
	removeArticleCover,
	updateArticle,
	updateArticleCover
} from '$lib/server/content/article.service';
import { readingMinutes } from '$lib/server/content/markdown';
import { articleFormValues, uploadedFile } from '$lib/server/forms/article-form';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';

export async function load({ locals, params, url }) {
	try {
		const article = await getArticleForEditing(locals.ctx, params.id);
		const clinic = await getClinic(locals.ctx);
		return {
			article: {
				id: article.id,
				title: article.title,
				slug: article.slug,
				cover: article.cover,
				live: isLive(article, locals.ctx.clock.now())
			},
			values: articleFormValues(article, clinic.timeZone),
			authors: await authorChoices(locals.ctx),
			services: (await listServices(locals.ctx)).filter((s) => s.active || s.id === article.serviceId).map((s) => ({ id: s.id, name: s.name })),
			timeZone: clinic.timeZone,
			canPublish: can(locals.actor, 'article:publish'),
			saved: url.searchParams.get('saved')
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const values = formObject(await request.formData());
		try {
			await updateArticle(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/articles/${params.id}?saved=article`);
	},
	preview: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		try {
			const { html, wordCount } = previewMarkdown(locals.ctx, values.body);
			return { values, preview: { html, wordCount, readingMinutes: readingMinutes(wordCount) } };
		} catch (caught) {
			return formFailure(caught, values);
		}
	},
	cover: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = formObject(data);
		try {
			await updateArticleCover(locals.ctx, params.id, await uploadedFile(data, 'cover'), values);
		} catch (caught) {
			// Its own key, so the cover form (not the article form) shows the message.
			const failure = formFailure(caught, values);
			return fail(failure.status, { coverForm: failure.data });
		}
		redirect(303, `/staff/articles/${params.id}?saved=cover`);
	},
	removeCover: async ({ locals, params }) => {
		try {
			await removeArticleCover(locals.ctx, params.id);
		} catch (caught) {
			pageError(caught);
		}
		redirect(303, `/staff/articles/${params.id}?saved=cover`);
	}
};
