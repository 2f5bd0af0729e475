import { redirect } from '@sveltejs/kit';
import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { getIntakeWorkspace, transcribeIntake, transcriptionListFields } from '$lib/server/intake/intake.service';
import { rawAnswers } from '$lib/shared/intake/raw-values';

export async function load({ locals, params }) {
	try {
		const { view, transcription } = await getIntakeWorkspace(locals.ctx, params.id);
		return {
			id: params.id,
			view,
			transcription: transcription && { pages: transcription.form.definition.item, version: transcription.form.version, values: rawAnswers(transcription.answers) }
		};
	} catch (caught) {
		pageError(caught);
	}
}

export const actions = {
	transcribe: async ({ request, locals, params }) => {
		const values = formObject(await request.formData(), transcriptionListFields());
		try {
			await transcribeIntake(locals.ctx, params.id, values);
		} catch (caught) {
			return formFailure(caught, values);
		}
		redirect(303, `/staff/appointments/${params.id}/intake`);
	}
};
