import { requestPasswordReset } from '$lib/server/auth/password.service';
import { formFailure } from '$lib/server/http';
import { formObject } from '$lib/server/form-data';

export const actions = {
	default: async ({ request, locals, url }) => {
		const values = formObject(await request.formData());
		try {
			await requestPasswordReset(locals.ctx, values, locals.ctx.config.origin ?? url.origin);
		} catch (caught) {
			return formFailure(caught, values);
		}
		return { sent: true };
	}
};
