/** The parts of autocannon 9 the benchmarks use (the package ships no types). */
declare module 'autocannon' {
	type Histogram = { average: number; mean: number; min: number; max: number; p50: number; p90: number; p99: number; total: number };
	type RequestSpec = {
		method?: string;
		path?: string;
		headers?: Record<string, string>;
		body?: string;
		setupRequest?: (request: RequestSpec) => RequestSpec;
	};
	type Options = { url: string; connections?: number; duration?: number; amount?: number; requests?: RequestSpec[]; headers?: Record<string, string> };
	type Result = {
		requests: Histogram;
		latency: Histogram;
		throughput: Histogram;
		errors: number;
		timeouts: number;
		non2xx: number;
		'2xx': number;
		statusCodeStats?: Record<string, { count: number }>;
	};
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
