import type { Actor } from '$lib/server/auth/actor';
import type { Ctx } from '$lib/server/context';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			ctx: Ctx;
			actor: Actor;
			requestId: string;
			sessionToken: string | undefined;
			/** A session past the password but not yet the second factor (or its set-up). */
			pending: { staffId: string; email: string; tokenHash: string; stage: 'pending_mfa' | 'enrol_mfa' } | undefined;
		}
	}
}

export {};
