import { getClinic } from '$lib/server/clinic/clinic.service';
import { listInbox } from '$lib/server/contact/contact.service';
import { pageError } from '$lib/server/http';

export async function load({ locals, url }) {
	try {
		const showing = url.searchParams.get('show') === 'handled' ? 'handled' : 'open';
		const inbox = await listInbox(locals.ctx, showing);
		const clinic = await getClinic(locals.ctx);
		return { ...inbox, timeZone: clinic.timeZone };
	} catch (caught) {
		pageError(caught);
	}
}
