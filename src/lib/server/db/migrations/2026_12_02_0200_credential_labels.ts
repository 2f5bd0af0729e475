import type { Kysely } from 'kysely';

// Frozen in time: this file must never import application code.
// The credential names once carried their abbreviation for two codes only ("Licensed
// Acupuncturist (L.Ac.)"); names are now plain everywhere, and the app adds the abbreviation.
const RENAMED: Array<[code: string, before: string, after: string]> = [
	['LAc', 'Licensed Acupuncturist (L.Ac.)', 'Licensed Acupuncturist'],
	['DiplOM', 'Diplomate of Oriental Medicine (NCCAOM)', 'Diplomate of Oriental Medicine']
];

export async function up(db: Kysely<any>): Promise<void> {
	for (const [code, , after] of RENAMED) await db.updateTable('credential').set({ label: after }).where('code', '=', code).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const [code, before] of RENAMED) await db.updateTable('credential').set({ label: before }).where('code', '=', code).execute();
}
