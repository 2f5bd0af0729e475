/** Converters between what each driver returns and the domain's types. */

export function readInstant(value: Date | string): Date {
	const date = value instanceof Date ? value : new Date(value);
	if (Number.isNaN(date.getTime())) throw new TypeError('Stored instant is not a valid date');
	return date;
}

/** Always ISO-8601 UTC with milliseconds, so SQLite text sorts in time order. */
export function writeInstant(date: Date): string {
	return date.toISOString();
}

export function readFlag(value: number | boolean): boolean {
	return value === true || value === 1;
}

export function writeFlag(value: boolean): 0 | 1 {
	return value ? 1 : 0;
}
