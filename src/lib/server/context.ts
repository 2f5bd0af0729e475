import type { Kysely } from 'kysely';
import type { Actor } from './auth/actor';
import type { Clock } from './clock';
import type { Config } from './config';
import type { AppLogger } from './log';
import type { DB } from './db/schema';
import type { Mailer } from './mail/mail';

/** Everything a service needs, built once per request (or per script run) and passed first. */
export interface Ctx {
	actor: Actor;
	db: Kysely<DB>;
	clock: Clock;
	log: AppLogger;
	config: Config;
	mail: Mailer;
	requestId: string;
	/** Where the request came from, for the audit trail (never logged). */
	client: { ip: string | null; userAgent: string | null };
}
