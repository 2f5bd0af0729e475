import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getApp } from '$lib/server/app-instance';

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export async function GET() {
	const { database } = getApp();
	try {
		await sql`select 1`.execute(database.db);
		return json({ status: 'ok', database: database.engine }, { headers: { 'cache-control': 'no-store' } });
	} catch {
		return json({ status: 'unavailable', database: database.engine }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
}
