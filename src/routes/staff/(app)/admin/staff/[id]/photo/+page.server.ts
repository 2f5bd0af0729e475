import { redirect } from '@sveltejs/kit';
import { getStaffPhoto, removeStaffPhoto, uploadStaffPhoto } from '$lib/server/staff/staff-photo.service';
import { uploadedFile } from '$lib/server/forms/article-form';
import { formFailure, pageError } from '$lib/server/http';
import { validationFailed } from '$lib/server/errors';

export async function load({ locals, params, url }) {
	try {
		const { member, photo } = await getStaffPhoto(locals.ctx, params.id);
		return { member: { id: member.id, name: member.name }, photo, saved: url.searchParams.has('saved') };
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	upload: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			const file = await uploadedFile(data, 'photo');
			if (!file) throw validationFailed({ photo: 'Choose an image file.' });
			await uploadStaffPhoto(locals.ctx, params.id, file);
		} catch (caught) {
			return formFailure(caught, {});
		}
		redirect(303, `/staff/admin/staff/${params.id}/photo?saved=1`);
	},
	remove: async ({ locals, params }) => {
		try {
			await removeStaffPhoto(locals.ctx, params.id);
		} catch (caught) {
			pageError(caught);
		}
		redirect(303, `/staff/admin/staff/${params.id}/photo?saved=1`);
	}
};
