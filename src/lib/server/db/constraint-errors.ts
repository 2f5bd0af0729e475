/** Recognises constraint violations from either driver, so services can turn them into field errors. */

function codeOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null && 'code' in error
		? String((error as { code: unknown }).code)
		: undefined;
}

export function isUniqueViolation(error: unknown): boolean {
	const code = codeOf(error);
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(error: unknown): boolean {
	const code = codeOf(error);
	return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

export function isCheckViolation(error: unknown): boolean {
	const code = codeOf(error);
	return code === '23514' || code === 'SQLITE_CONSTRAINT_CHECK';
}
