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
		}
	}
}

export {};
