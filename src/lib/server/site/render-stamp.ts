import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeInstant } from '../db/values';
import type { Ctx } from '../context';

/**
 * One cheap query that changes whenever anything a public page shows changes: the content version
 * (articles, comments, photos), the clinic's details and hours, services and staff (their updated_at),
 * and the number of live articles, which also moves when a scheduled article's time comes. Used as
 * the ETag of cached pages and as the key of the in-process render cache, so every app instance
 * sees a change at the next request after the commit.
 */
export async function readRenderStamp(db: Kysely<DB>, now: Date): Promise<string> {
	const nowText = writeInstant(now);
	const result = await sql<{ stamp: string | null }>`
		select c.id || ':' || coalesce(s.content_version, 1)
			|| ':' || ${updatedMarker(sql`c.updated_at`)}
			|| ':' || coalesce((select ${updatedMarker(sql`max(updated_at)`)} from service where clinic_id = c.id), '-')
			|| ':' || coalesce((select ${updatedMarker(sql`max(updated_at)`)} from staff where clinic_id = c.id), '-')
			|| ':' || (select count(*) from article a where a.clinic_id = c.id and a.status in ('published', 'scheduled') and a.published_at <= ${nowText})
			as stamp
		from clinic c
		left join site_settings s on s.clinic_id = c.id
		order by c.created_at, c.id
		limit 1
	`.execute(db);
	return result.rows[0]?.stamp ?? 'empty';
}

/** Instants as comparable text on both engines (timestamptz on PostgreSQL, ISO text on SQLite). */
function updatedMarker(expression: ReturnType<typeof sql>) {
	return sql`cast(${expression} as text)`;
}

/** The stamp as of the request's clock, for routes (which never touch the database handle). */
export function currentRenderStamp(ctx: Ctx): Promise<string> {
	return readRenderStamp(ctx.db, ctx.clock.now());
}
