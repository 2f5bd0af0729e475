import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Column types that differ by engine. Kept beside the migrations (not in app code) so that
 * migrations stay frozen in time.
 */
export function columnTypes(db: Kysely<any>) {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	return {
		postgres,
		/** A UTC instant: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
		instant: postgres ? ('timestamptz' as const) : ('text' as const),
		/** A calendar date 'YYYY-MM-DD'. */
		date: postgres ? ('date' as const) : ('text' as const),
		/** Raw bytes (uploaded images): bytea on PostgreSQL, blob on SQLite; both drivers give a Buffer. */
		bytes: postgres ? ('bytea' as const) : ('blob' as const)
	};
}
