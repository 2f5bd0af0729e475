import { Migrator, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from './migrations';

function migratorFor(db: Kysely<any>): Migrator {
	// Migrations see real snake_case names, whatever plugins the app's handle carries.
	return new Migrator({
		db: db.withoutPlugins(),
		provider: { getMigrations: async () => migrations }
	});
}

export class MigrationError extends Error {}

function settle(results: { error?: unknown; results?: MigrationResult[] }): string[] {
	if (results.error) {
		const failed = results.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		const reason = results.error instanceof Error ? results.error.message : String(results.error);
		throw new MigrationError(`Migration ${failed} failed: ${reason}`);
	}
	return (results.results ?? []).map((r) => r.migrationName);
}

/** Applies pending migrations; returns the names it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
	return settle(await migratorFor(db).migrateToLatest());
}

/** Reverts every migration (tests and disaster drills only). */
export async function migrateAllDown(db: Kysely<any>): Promise<string[]> {
	const migrator = migratorFor(db);
	const applied: string[] = [];
	for (;;) {
		const step = settle(await migrator.migrateDown());
		if (step.length === 0) return applied;
		applied.push(...step);
	}
}
