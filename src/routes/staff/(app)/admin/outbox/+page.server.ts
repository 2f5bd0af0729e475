import { pageError } from '$lib/server/http';
import { listOutboxMessages } from '$lib/server/outbox/outbox.service';

export async function load({ locals }) {
	try {
		const listing = await listOutboxMessages(locals.ctx);
		return {
			...listing,
			outboxDir: locals.ctx.config.mail.outboxDir,
			uncertain: listing.uncertain.map((u) => ({ ...u, at: u.at.toISOString() }))
		};
	} catch (caught) {
		pageError(caught);
	}
}
