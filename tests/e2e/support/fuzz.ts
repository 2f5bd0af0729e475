/**
 * Property-based fuzzing of every JSON endpoint and every HTML form, with fast-check. Used by
 * tests/e2e/fuzz.e2e.ts (a few hundred bodies, in `npm test`) and bench/fuzz.bench.ts (thousands).
 *
 * The properties: nothing answers 5xx; the API answers errors as application/problem+json and a
 * 422 names each failing field; forms answer with HTML (or a redirect) and never render what was
 * sent unescaped. Bodies: valid and mutated fields, duplicate fields, lists where text is
 * expected, wrong or missing content types, broken multipart, invalid UTF-8, huge headers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import fc from 'fast-check';

const ROUTES_DIR = resolve(import.meta.dirname, '../../../src/routes');

/** Sent inside text values: it must never come back as markup. */
export const MARKER = '<x-fuzz data-x="1">';
const MARKER_RAW = '<x-fuzz';

export type FuzzRequest = {
	label: string;
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: Uint8Array;
};

export type FuzzStats = { sent: number; statuses: Map<number, number>; failures: string[] };

export const newStats = (): FuzzStats => ({ sent: 0, statuses: new Map(), failures: [] });

// ---------------------------------------------------------------- targets

export type FormTarget = { route: string; path: string; action: string; staff: boolean };

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

/** Route id as SvelteKit writes it, e.g. "/(public)/contact" or "/staff/(app)/patients/[id]". */
const routeIdOf = (file: string) => `/${relative(ROUTES_DIR, file).split(sep).slice(0, -1).join('/')}`;

/** Every form action in src/routes: route id and action names ("default" or named). */
export function discoverFormActions(): { route: string; actions: string[] }[] {
	const found: { route: string; actions: string[] }[] = [];
	for (const file of walk(ROUTES_DIR)) {
		if (!file.endsWith(`${sep}+page.server.ts`)) continue;
		const source = readFileSync(file, 'utf8');
		const oneLine = /export const actions = \{ (\w+): \w+ \}/.exec(source)?.[1];
		const block = /export const actions = \{([\s\S]*)\};?\s*$/m.exec(source)?.[1];
		if (!oneLine && block === undefined) continue;
		// Top-level keys of the actions object sit one tab in: `name: async (event) => …`.
		const names = oneLine ? [oneLine] : [...(block ?? '').matchAll(/^\t(\w+):\s*(?:async\s*)?\(/gm)].map((m) => m[1]!);
		found.push({ route: routeIdOf(file), actions: [...new Set(names)] });
	}
	return found.sort((a, b) => a.route.localeCompare(b.route));
}

/**
 * Targets for every discovered action. `paths` maps each route id to a concrete address (with
 * real ids); a route missing from it is reported, so a new form cannot escape the fuzzing.
 */
export function formTargets(paths: Record<string, string>): { targets: FormTarget[]; unmapped: string[] } {
	const targets: FormTarget[] = [];
	const unmapped: string[] = [];
	for (const { route, actions } of discoverFormActions()) {
		const path = paths[route];
		if (!path) {
			unmapped.push(route);
			continue;
		}
		for (const action of actions) {
			targets.push({ route, path, action, staff: route.startsWith('/staff') });
		}
	}
	return { targets, unmapped };
}

/** Field names and values of the inputs on a page (hidden tokens included), as a browser would send them. */
export function formFieldsOf(html: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const tag of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
		const attributes = tag[2] ?? '';
		const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
		if (!name || name in fields) continue;
		fields[name] = /\bvalue="([^"]*)"/.exec(attributes)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? '';
	}
	return fields;
}

// ---------------------------------------------------------------- values and encodings

const HOSTILE = ["'; drop table staff; --", '<script>alert(1)</script>', '\u0000', '%FF%FE', '../../etc/passwd', '\u202Eevil', '{{7*7}}', '-1', '1e309', 'null'];

const text = fc.oneof(
	{ weight: 3, arbitrary: fc.constant(MARKER) },
	{ weight: 3, arbitrary: fc.string({ maxLength: 30 }).map((s) => `${MARKER}${s}`) },
	{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
	{ weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
	{ weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
	{ weight: 2, arbitrary: fc.constant('') },
	{ weight: 2, arbitrary: fc.integer().map(String) },
	{ weight: 2, arbitrary: fc.date({ noInvalidDate: true, min: new Date('1800-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString().slice(0, 10)) }
);

/** Form entries: the page's own fields (some changed, some dropped, some repeated) plus strangers. */
function formEntries(base: Record<string, string>): fc.Arbitrary<[string, string][]> {
	const names = Object.keys(base);
	return fc
		.record({
			keep: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
			change: fc.array(fc.option(text, { nil: undefined }), { minLength: names.length, maxLength: names.length }),
			repeat: fc.array(fc.tuple(names.length ? fc.constantFrom(...names) : fc.string({ maxLength: 8 }), text), { maxLength: 3 }),
			extra: fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'a[]', 'a.b')), text), { maxLength: 3 })
		})
		.map(({ keep, change, repeat, extra }) => [
			...names.flatMap((name, i): [string, string][] => (keep[i] === false && i % 2 ? [] : [[name, change[i] ?? base[name]!]])),
			...repeat,
			...extra
		]);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function multipart(entries: [string, string][], boundary: string): Uint8Array {
	const parts = entries.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, '_')}"\r\n\r\n${value}\r\n`);
	return utf8(`${parts.join('')}--${boundary}--\r\n`);
}

type Encoding = 'urlencoded' | 'multipart' | 'multipart-broken' | 'multipart-no-boundary' | 'invalid-utf8' | 'text/plain' | 'json' | 'none' | 'latin1';

const FORM_ENCODINGS: [Encoding, number][] = [
	['urlencoded', 6],
	['multipart', 3],
	['multipart-broken', 2],
	['multipart-no-boundary', 1],
	['invalid-utf8', 2],
	['text/plain', 1],
	['json', 1],
	['none', 1],
	['latin1', 1]
];

function encodeForm(entries: [string, string][], encoding: Encoding, cut: number): { contentType: string | null; body: Uint8Array } {
	const urlencoded = new URLSearchParams(entries).toString();
	switch (encoding) {
		case 'urlencoded':
			return { contentType: 'application/x-www-form-urlencoded', body: utf8(urlencoded) };
		case 'latin1':
			return { contentType: 'application/x-www-form-urlencoded; charset=latin1', body: utf8(urlencoded) };
		case 'multipart':
			return { contentType: 'multipart/form-data; boundary=fuzzBoundary', body: multipart(entries, 'fuzzBoundary') };
		case 'multipart-broken': {
			const whole = multipart(entries, 'fuzzBoundary');
			return { contentType: 'multipart/form-data; boundary=fuzzBoundary', body: whole.subarray(0, Math.floor(whole.length * cut)) };
		}
		case 'multipart-no-boundary':
			return { contentType: 'multipart/form-data', body: multipart(entries, 'fuzzBoundary') };
		case 'invalid-utf8': {
			const bytes = utf8(`${urlencoded}&bad=`);
			const out = new Uint8Array(bytes.length + 3);
			out.set(bytes);
			out.set([0xff, 0xfe, 0xc3], bytes.length);
			return { contentType: 'application/x-www-form-urlencoded', body: out };
		}
		case 'text/plain':
			return { contentType: 'text/plain', body: utf8(entries.map(([k, v]) => `${k}=${v}`).join('\r\n')) };
		case 'json':
			return { contentType: 'application/json', body: utf8(JSON.stringify(Object.fromEntries(entries))) };
		case 'none':
			return { contentType: null, body: utf8(urlencoded) };
	}
}

/** Sometimes a header far over Node's 16 KB limit, sometimes a repeated or odd one. */
const extraHeaders = fc.oneof(
	{ weight: 12, arbitrary: fc.constant({} as Record<string, string>) },
	{ weight: 1, arbitrary: fc.constant({ 'x-filler': 'h'.repeat(20 * 1024) }) },
	{ weight: 1, arbitrary: fc.constant({ accept: 'application/json' }) },
	{ weight: 1, arbitrary: fc.constant({ 'accept-charset': 'latin1', 'x-odd': 'caf\u00e9' }) }
);

export function formRequests(target: FormTarget, base: Record<string, string>, origin: string, cookie: string | undefined): fc.Arbitrary<FuzzRequest> {
	const path = target.action === 'default' ? target.path : `${target.path}${target.path.includes('?') ? '&' : '?'}/${target.action}`;
	return fc
		.record({
			entries: formEntries(base),
			encoding: fc.oneof(...FORM_ENCODINGS.map(([e, weight]) => ({ weight, arbitrary: fc.constant(e) }))),
			cut: fc.double({ min: 0.1, max: 0.95, noNaN: true }),
			headers: extraHeaders
		})
		.map(({ entries, encoding, cut, headers }) => {
			const { contentType, body } = encodeForm(entries, encoding, cut);
			return {
				label: `${target.route} ${target.action} ${encoding}`,
				method: 'POST',
				path,
				headers: { origin, accept: 'text/html', ...(contentType ? { 'content-type': contentType } : {}), ...(cookie ? { cookie } : {}), ...headers },
				body
			};
		});
}

// ---------------------------------------------------------------- JSON API

export type ApiTarget = { method: string; path: string; base?: Record<string, unknown>; query?: Record<string, string>; headers?: Record<string, string> };

/** Any JSON, but often the valid body with some fields replaced by the wrong kind of value. */
function jsonBody(base: Record<string, unknown> | undefined): fc.Arbitrary<unknown> {
	const wrong = fc.oneof(
		text,
		fc.array(text, { maxLength: 3 }),
		fc.constantFrom(null, true, 0, -1, 1e308, {}, [], [[[[[]]]]]),
		fc.jsonValue({ maxDepth: 3 })
	);
	if (!base) return fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.string({ maxLength: 10 }), wrong, { maxKeys: 4 }));
	const names = Object.keys(base);
	const mutated = fc
		.record({
			replace: fc.subarray(names),
			drop: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
			values: fc.array(wrong, { minLength: names.length, maxLength: names.length }),
			extra: fc.dictionary(fc.string({ maxLength: 10 }), wrong, { maxKeys: 2 })
		})
		.map(({ replace, drop, values, extra }) => {
			const body: Record<string, unknown> = { ...extra, ...base };
			names.forEach((name, i) => {
				if (replace.includes(name)) body[name] = values[i];
				if (drop.includes(name)) delete body[name];
			});
			return body;
		});
	return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) });
}

type BodyKind = 'json' | 'json-duplicate-keys' | 'not-json' | 'invalid-utf8' | 'form' | 'multipart-broken' | 'none' | 'charset';

function encodeApiBody(value: unknown, kind: BodyKind): { contentType: string | null; body: Uint8Array } {
	const json = JSON.stringify(value) ?? 'null';
	switch (kind) {
		case 'json':
			return { contentType: 'application/json', body: utf8(json) };
		case 'json-duplicate-keys':
			return { contentType: 'application/json', body: utf8(json.startsWith('{') && json.length > 2 ? `{"service":"x","service":["y"],${json.slice(1)}` : json) };
		case 'not-json':
			return { contentType: 'application/json', body: utf8(json.slice(0, Math.max(1, json.length - 2))) };
		case 'invalid-utf8':
			return { contentType: 'application/json', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) };
		case 'form':
			return { contentType: 'application/x-www-form-urlencoded', body: utf8('service=x&patient=y') };
		case 'multipart-broken':
			return { contentType: 'multipart/form-data; boundary=b', body: utf8('--b\r\nbroken') };
		case 'none':
			return { contentType: null, body: utf8(json) };
		case 'charset':
			return { contentType: 'application/json; charset=utf-16', body: utf8(json) };
	}
}

const API_BODY_KINDS: [BodyKind, number][] = [
	['json', 10],
	['json-duplicate-keys', 2],
	['not-json', 2],
	['invalid-utf8', 1],
	['form', 1],
	['multipart-broken', 1],
	['none', 1],
	['charset', 1]
];

const queryValue = fc.oneof(text, fc.constantFrom('2026-13-40', '2026-02-30', '0000-01-01', 'tomorrow', ''));

export function apiRequests(target: ApiTarget, origin: string): fc.Arbitrary<FuzzRequest> {
	const headers = fc.record({
		extra: extraHeaders,
		authorization: fc.option(fc.oneof(fc.constant(target.headers?.authorization ?? 'Bearer x'), fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`)), { nil: undefined }),
		idempotency: fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })), { nil: undefined }),
		sameOrigin: fc.boolean()
	});
	if (target.method === 'GET') {
		const names = Object.keys(target.query ?? {});
		return fc
			.record({
				params: fc.array(fc.tuple(fc.oneof(...(names.length ? [fc.constantFrom(...names)] : []), fc.string({ maxLength: 8 })), queryValue), { maxLength: 6 }),
				keepBase: fc.subarray(names),
				headers
			})
			.map(({ params, keepBase, headers: h }) => {
				const query = new URLSearchParams([...keepBase.map((name): [string, string] => [name, target.query![name]!]), ...params]);
				return {
					label: `GET ${target.path}`,
					method: 'GET',
					path: `${target.path}${query.size ? `?${query}` : ''}`,
					headers: { ...(h.authorization ? { authorization: h.authorization } : {}), ...h.extra }
				};
			});
	}
	return fc
		.record({
			value: jsonBody(target.base),
			kind: fc.oneof(...API_BODY_KINDS.map(([k, weight]) => ({ weight, arbitrary: fc.constant(k) }))),
			headers
		})
		.map(({ value, kind, headers: h }) => {
			const { contentType, body } = encodeApiBody(value, kind);
			return {
				label: `${target.method} ${target.path} ${kind}`,
				method: target.method,
				path: target.path,
				headers: {
					...(contentType ? { 'content-type': contentType } : {}),
					...(h.sameOrigin ? { origin } : {}),
					...(h.authorization ? { authorization: h.authorization } : {}),
					...(h.idempotency ? { 'idempotency-key': h.idempotency } : {}),
					...h.extra
				},
				body
			};
		});
}

// ---------------------------------------------------------------- sending and checking

export async function send(baseUrl: string, request: FuzzRequest): Promise<{ status: number; contentType: string; text: string; location: string | null }> {
	const response = await fetch(`${baseUrl}${request.path}`, {
		method: request.method,
		headers: request.headers,
		body: request.body as BodyInit | undefined,
		redirect: 'manual'
	});
	return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text(), location: response.headers.get('location') };
}

/** What every answer of the API must be; returns what is wrong, or null. */
export function apiViolation(answer: { status: number; contentType: string; text: string }): string | null {
	if (answer.status >= 500) return `answered ${answer.status}`;
	if (answer.status < 400) return answer.contentType.includes('json') ? null : `a ${answer.status} that is not JSON (${answer.contentType})`;
	if (!answer.contentType.startsWith('application/problem+json')) return `a ${answer.status} as ${answer.contentType || 'no content type'}`;
	let body: { status?: unknown; title?: unknown; errors?: { field?: unknown; message?: unknown }[] };
	try {
		body = JSON.parse(answer.text);
	} catch {
		return `a ${answer.status} problem that is not JSON`;
	}
	if (body.status !== answer.status || typeof body.title !== 'string') return `a problem without status/title: ${answer.text.slice(0, 200)}`;
	if (answer.status === 422) {
		const errors = body.errors ?? [];
		// A field may be "" when the client sent an empty key: that is its name.
		if (!errors.length || errors.some((e) => typeof e.field !== 'string' || typeof e.message !== 'string' || !e.message)) {
			return `a 422 that does not name the failing fields: ${answer.text.slice(0, 200)}`;
		}
		if (errors.some((e) => /Invalid input|Invalid option|expected \w+, received|Too (small|big): expected|Unrecognized key/.test(String(e.message)))) {
			return `a 422 in zod's own words: ${answer.text.slice(0, 200)}`;
		}
	}
	return null;
}

/**
 * What every answer to a form post must be; returns what is wrong, or null. A post that asks for
 * JSON (Accept: application/json, as SvelteKit's enhanced forms do) gets SvelteKit's action JSON.
 */
export function formViolation(answer: { status: number; contentType: string; text: string }, request: FuzzRequest): string | null {
	if (answer.status >= 500) return `answered ${answer.status}`;
	if (answer.status >= 300 && answer.status < 400) return null;
	if (answer.status === 431) return null; // refused by Node before the app: a one-line text answer
	if (request.headers.accept === 'application/json' && answer.contentType.startsWith('application/json')) return null;
	if (!answer.contentType.startsWith('text/html')) return `a ${answer.status} as ${answer.contentType || 'no content type'}`;
	if (answer.text.includes(MARKER_RAW)) return `a ${answer.status} page that shows what was sent as markup`;
	return null;
}

/**
 * Runs one property over `runs` generated requests. A violation is recorded (with fast-check's
 * seed and path to replay it) instead of stopping the whole fuzz run.
 */
export async function fuzzProperty(
	stats: FuzzStats,
	name: string,
	requests: fc.Arbitrary<FuzzRequest>,
	check: (answer: Awaited<ReturnType<typeof send>>, request: FuzzRequest) => string | null,
	options: { baseUrl: string; seed: number; runs: number; before?: () => Promise<void> }
): Promise<void> {
	const result = await fc.check(
		fc.asyncProperty(requests, async (request) => {
			await options.before?.();
			const answer = await send(options.baseUrl, request);
			stats.sent++;
			stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
			const violation = check(answer, request);
			if (violation) throw new Error(`${request.label} ${request.method} ${request.path}: ${violation}`);
		}),
		{ seed: options.seed, numRuns: options.runs, endOnFailure: true }
	);
	if (result.failed) {
		const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
		stats.failures.push(`${name}: ${error.split('\n')[0]} (replay: seed ${result.seed}, path "${result.counterexamplePath}")`);
	}
}
