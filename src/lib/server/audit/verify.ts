import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { auditChainKey, auditHash, GENESIS_HASH } from './audit';
import { chainPage } from './audit.repository';

export type ChainReport =
	| { ok: true; checked: number }
	| { ok: false; checked: number; brokenId: number; at: string; reason: string };

/** Walks the whole trail in order and names the first row whose link or hash does not hold. */
export async function verifyAuditChain(db: Kysely<DB>, appSecret: string, pageSize = 1000): Promise<ChainReport> {
	const key = auditChainKey(appSecret);
	let expectedPrev = GENESIS_HASH;
	let expectedId = 1;
	let checked = 0;
	for (;;) {
		const page = await chainPage(db, expectedId - 1, pageSize);
		for (const row of page) {
			const { hash, ...record } = row;
			const broken = (reason: string): ChainReport => ({ ok: false, checked, brokenId: row.id, at: row.at, reason });
			if (row.id !== expectedId) return broken(`row ${expectedId} is missing`);
			if (row.prevHash !== expectedPrev) return broken('its link to the previous row does not match');
			if (auditHash(key, record) !== hash) return broken('its contents do not match its hash');
			expectedPrev = hash;
			expectedId += 1;
			checked += 1;
		}
		if (page.length < pageSize) return { ok: true, checked };
	}
}
