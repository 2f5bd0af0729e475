import { redirect } from '@sveltejs/kit';
import { getClinic } from '$lib/server/clinic/clinic.service';
import { getContactMessage, markContactHandled } from '$lib/server/contact/contact.service';
import { pageError } from '$lib/server/http';

export async function load({ locals, params }) {
	try {
		const message = await getContactMessage(locals.ctx, params.id);
		const clinic = await getClinic(locals.ctx);
		return { message, timeZone: clinic.timeZone };
	} catch (caught) {
		pageError(caught);
	}
}

async function setHandled(locals: App.Locals, id: string, handled: boolean): Promise<never> {
	try {
		await markContactHandled(locals.ctx, id, handled);
	} catch (caught) {
		pageError(caught);
	}
	redirect(303, handled ? '/staff/inbox' : `/staff/inbox/${id}`);
}

export const actions = {
	handled: ({ locals, params }) => setHandled(locals, params.id, true),
	reopen: ({ locals, params }) => setHandled(locals, params.id, false)
};
