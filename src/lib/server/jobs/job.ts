/**
 * The durable job queue's vocabulary and its pure rules (backoff). The queue itself is in
 * ./job.repository.ts, the worker loop in ./worker.ts; README "Background jobs" states the
 * guarantees in full.
 */

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export type NewJob = {
	kind: string;
	/** Unique forever: enqueueing the same key again does nothing. */
	key: string;
	runAt: Date;
	payload: Record<string, unknown>;
	maxAttempts?: number;
};

/** A job as a worker holds it: claimed, with a lease that names the worker. */
export type ClaimedJob = {
	id: string;
	kind: string;
	key: string;
	payload: unknown;
	/** 1 on the first run; counts runs that were started, including ones lost to a crash. */
	attempt: number;
	maxAttempts: number;
	lockedBy: string;
};

export const DEFAULT_MAX_ATTEMPTS = 8;

/** Retries wait 30 s, 1 min, 2 min … doubling up to an hour, each with random jitter. */
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = 60 * 60_000;

/**
 * The delay before retry number `attempt` (1 = after the first failure). "Equal jitter": half the
 * exponential delay is fixed and half is random, so retries from many jobs that failed together
 * (an SMTP outage) spread out instead of hammering the server in step, yet never come too soon.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
	const exponent = Math.max(0, Math.min(attempt - 1, 30));
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** exponent);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A failure that retrying cannot fix (bad payload, missing record): the job fails at once. */
export class PermanentJobError extends Error {
	constructor(readonly code: string) {
		super(code);
		this.name = 'PermanentJobError';
	}
}

/** Thrown when a worker tries to finish a job whose lease another worker has since taken over. */
export class LeaseLostError extends Error {
	constructor() {
		super('job lease lost');
		this.name = 'LeaseLostError';
	}
}

/**
 * What may be stored about a failure: the error's class and code, never its message (SMTP
 * rejections quote the recipient's address; database errors can quote values).
 */
export function errorLabel(error: unknown): string {
	if (!(error instanceof Error)) return 'unknown';
	const code = (error as { code?: unknown }).code;
	const safeCode = typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? `:${code}` : '';
	const name = /^[A-Za-z0-9_]{1,60}$/.test(error.name) ? error.name : 'Error';
	return `${name}${safeCode}`;
}
