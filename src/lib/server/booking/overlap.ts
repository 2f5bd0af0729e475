/**
 * The database's double-booking guard fired: PostgreSQL's exclusion constraint (23P01) or the
 * SQLite triggers, which abort with the message 'appointment_no_overlap'.
 */
export function isOverlapViolation(error: unknown): boolean {
	if (typeof error !== 'object' || error === null) return false;
	const { code, message, constraint } = error as { code?: unknown; message?: unknown; constraint?: unknown };
	if (code === '23P01') return true;
	if (constraint === 'appointment_no_overlap') return true;
	return typeof message === 'string' && message.includes('appointment_no_overlap');
}
