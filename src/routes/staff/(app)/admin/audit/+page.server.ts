import { searchAuditTrail } from '$lib/server/audit/audit-query.service';
import { pageError } from '$lib/server/http';
import { DomainError } from '$lib/server/errors';
import { listStaff } from '$lib/server/staff/staff.service';

export async function load({ locals, url }) {
	const query = Object.fromEntries(url.searchParams);
	try {
		const staff = await listStaff(locals.ctx);
		try {
			const result = await searchAuditTrail(locals.ctx, query);
			return {
				query,
				errors: {} as Record<string, string>,
				rows: result.rows,
				nextBefore: result.nextBefore,
				timeZone: result.timeZone,
				staff: staff.map((s) => ({ id: s.id, name: s.name }))
			};
		} catch (caught) {
			// A bad filter shows its message at the field instead of an error page.
			if (caught instanceof DomainError && caught.code === 'validation_failed') {
				return { query, errors: caught.fieldErrors, rows: [], nextBefore: undefined, timeZone: 'UTC', staff: staff.map((s) => ({ id: s.id, name: s.name })) };
			}
			throw caught;
		}
	} catch (caught) {
		pageError(caught);
	}
}
