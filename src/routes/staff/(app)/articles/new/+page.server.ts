import { redirect } from '@sveltejs/kit';
import { can } from '$lib/server/auth/policy';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { listServices } from '$lib/server/clinic/clinic-service.service';
import { authorChoices, createArticle, previewMarkdown } from '$lib/server/content/article.service';
import { readingMinutes } from '$lib/server/content/markdown';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';

export async function load({ locals }) {
	try {
		const authors = await authorChoices(locals.ctx);
		const clinic = await getClinic(locals.ctx);
		const me = locals.actor.kind === 'staff' ? locals.actor.staffId : '';
		return {
			authors,
			services: (await listServices(locals.ctx)).filter((s) => s.active).map((s) => ({ id: s.id, name: s.name })),
			timeZone: clinic.timeZone,
			canPublish: can(locals.actor, 'article:publish'),
			values: { status: 'draft', authorId: authors.some((a) => a.id === me) ? me : '' }
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	save: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		let id: string;
		try {
			id = (await createArticle(locals.ctx, values)).id;
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/articles/${id}?saved=1`);
	},
	preview: async ({ request, locals }) => {
		const values = formObject(await request.formData());
		try {
			const { html, wordCount } = previewMarkdown(locals.ctx, values.body);
			return { values, preview: { html, wordCount, readingMinutes: readingMinutes(wordCount) } };
		} catch (caught) {
			return formFailure(caught, values);
		}
	}
};
