/**
 * Recent availability answers of this app instance, each tagged with the booking version it was
 * computed at (see booking/booking-version.ts). An answer is served again only while the version
 * is unchanged, and never past `validUntil`: the moment its earliest slot falls inside the
 * minimum notice, or TTL_MS as a bound for changes that do not bump the version (an admin editing
 * a service or a clinician's credentials). Bookings re-check the slot in their transaction, so a
 * reused answer can at worst offer a time that then answers 409 or 422.
 */
export const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

type Entry = { version: number; json: string; validUntil: number };

export class AvailabilityCache {
	readonly #entries = new Map<string, Entry>();

	get(key: string, version: number, nowMs: number): string | undefined {
		const entry = this.#entries.get(key);
		if (!entry) return undefined;
		if (entry.version !== version || nowMs >= entry.validUntil) {
			this.#entries.delete(key);
			return undefined;
		}
		return entry.json;
	}

	set(key: string, entry: Entry): void {
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		// Maps iterate in insertion order: the first key is the oldest.
		while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
	}

	clear(): void {
		this.#entries.clear();
	}
}

export const availabilityCache = new AvailabilityCache();
