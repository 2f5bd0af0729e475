import { exportAuditCsv } from '$lib/server/audit/audit-query.service';
import { pageError } from '$lib/server/http';

export async function GET({ locals, url }) {
	try {
		const csv = await exportAuditCsv(locals.ctx, Object.fromEntries(url.searchParams));
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="needlepoint-audit-${locals.ctx.clock.now().toISOString().slice(0, 10)}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (caught) {
		pageError(caught);
	}
}
