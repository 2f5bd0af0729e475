import pino from 'pino';
import type { Kysely } from 'kysely';
import type { Actor, StaffActor } from '../auth/actor';
import { fixedClock, type Clock } from '../clock';
import { loadConfig } from '../config';
import type { Ctx } from '../context';
import type { DB } from '../db/schema';
import { findPrimaryClinic } from '../clinic/clinic.repository';
import { memoryMailer } from '../mail/mail';
import type { StaffRole } from '../../shared/roles';

export const TEST_NOW = new Date('2026-11-27T15:00:00.000Z');

export function testCtx(db: Kysely<DB>, actor: Actor, clock: Clock = fixedClock(TEST_NOW)): Ctx {
	return {
		actor,
		db,
		clock,
		log: pino({ level: 'silent' }),
		config: loadConfig({ NODE_ENV: 'test' }),
		mail: memoryMailer(),
		requestId: 'test-request',
		client: { ip: '127.0.0.1', userAgent: 'vitest' }
	};
}

/** A staff actor of the demo clinic with the given role, as a session would produce. */
export async function staffActor(db: Kysely<DB>, role: StaffRole): Promise<StaffActor> {
	const clinic = await findPrimaryClinic(db);
	if (!clinic) throw new Error('seed the demo clinic first');
	const member = await db
		.selectFrom('staff')
		.select(['id', 'name', 'email'])
		.where('role', '=', role)
		.orderBy('name')
		.executeTakeFirstOrThrow();
	return { kind: 'staff', staffId: member.id, clinicId: clinic.id, role, name: member.name, email: member.email };
}
