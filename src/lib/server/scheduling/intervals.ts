/**
 * Integer interval maths for the slot engine. Intervals are half-open [start, end), so an
 * appointment ending at 10:00 and one starting at 10:00 do not overlap (the same rule as the
 * database's tstzrange '[)' guard). Units are whatever the caller uses (epoch ms, wall minutes).
 */

export type Interval = { readonly start: number; readonly end: number };

/** Sorted, with overlapping or touching intervals joined; empty intervals dropped. Input untouched. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
	const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
	const merged: Interval[] = [];
	let current: { start: number; end: number } | undefined;
	for (const next of sorted) {
		if (current && next.start <= current.end) {
			if (next.end > current.end) current.end = next.end;
		} else {
			current = { start: next.start, end: next.end };
			merged.push(current);
		}
	}
	return merged;
}

/**
 * The union of intervals given as parallel start and end lists (each start < its end), as sorted
 * disjoint intervals, touching ones joined. The union does not depend on which start belongs to
 * which end, so both lists are sorted on their own as typed arrays (numeric sort, no comparator,
 * no per-interval objects) and swept with a depth counter: much cheaper than sorting thousands of
 * appointment objects on every availability request.
 */
export function unionOfIntervals(starts: Float64Array, ends: Float64Array): Interval[] {
	if (starts.length !== ends.length) throw new RangeError('unionOfIntervals: lists differ in length');
	starts.sort();
	ends.sort();
	const union: Interval[] = [];
	let depth = 0;
	let openedAt = 0;
	let s = 0;
	let e = 0;
	while (e < ends.length) {
		// Starts first on a tie, so an interval ending where another begins is joined to it.
		if (s < starts.length && starts[s]! <= ends[e]!) {
			if (depth++ === 0) openedAt = starts[s]!;
			s++;
		} else {
			if (--depth === 0) union.push({ start: openedAt, end: ends[e]! });
			e++;
		}
	}
	return union;
}

/** Index of the first interval whose end is after `point`; `sorted.length` if none. */
export function firstEndingAfter(sorted: readonly Interval[], point: number): number {
	let low = 0;
	let high = sorted.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		// mid < high <= length, so the element exists.
		if (sorted[mid]!.end > point) high = mid;
		else low = mid + 1;
	}
	return low;
}

/**
 * Whether [start, end) meets any interval of a sorted, disjoint list (as mergeIntervals returns).
 * Binary search, so checking every candidate slot against thousands of appointments stays cheap.
 */
export function overlapsAny(sorted: readonly Interval[], start: number, end: number): boolean {
	if (end <= start) return false;
	const candidate = sorted[firstEndingAfter(sorted, start)];
	return candidate !== undefined && candidate.start < end;
}

/** `source` minus every interval in `cuts` (any order), as sorted disjoint pieces. */
export function subtractIntervals(source: Interval, cuts: readonly Interval[]): Interval[] {
	const pieces: Interval[] = [];
	let cursor = source.start;
	for (const cut of mergeIntervals(cuts)) {
		if (cut.end <= cursor) continue;
		if (cut.start >= source.end) break;
		if (cut.start > cursor) pieces.push({ start: cursor, end: cut.start });
		cursor = Math.max(cursor, cut.end);
		if (cursor >= source.end) break;
	}
	if (cursor < source.end) pieces.push({ start: cursor, end: source.end });
	return pieces;
}

/** The piece of a sorted, disjoint list that wholly contains [start, end), if any. */
export function containing(sorted: readonly Interval[], start: number, end: number): Interval | undefined {
	const piece = sorted[firstEndingAfter(sorted, start)];
	return piece !== undefined && piece.start <= start && end <= piece.end ? piece : undefined;
}
