import { pageError } from '$lib/server/http';
import { readOutboxEmail } from '$lib/server/outbox/outbox.service';

export async function load({ locals, params }) {
	try {
		return { message: await readOutboxEmail(locals.ctx, params.file) };
	} catch (caught) {
		pageError(caught);
	}
}
