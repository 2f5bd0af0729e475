/**
 * FormData → plain object for zod. Fields listed in `arrays` always become arrays (a group of
 * checkboxes with one ticked sends a single value); files are ignored here.
 */
export function formObject(data: FormData, arrays: string[] = []): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const key of new Set(data.keys())) {
		const values = data.getAll(key).filter((v): v is string => typeof v === 'string');
		result[key] = arrays.includes(key) ? values : (values[0] ?? '');
	}
	for (const key of arrays) result[key] ??= [];
	return result;
}
