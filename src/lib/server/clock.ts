/** The only source of "now" for services, so tests can move time. */
export interface Clock {
	now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(start: Date): Clock & { advance(ms: number): void; set(date: Date): void } {
	let current = start.getTime();
	return {
		now: () => new Date(current),
		advance: (ms) => {
			current += ms;
		},
		set: (date) => {
			current = date.getTime();
		}
	};
}
