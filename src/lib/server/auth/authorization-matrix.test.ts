import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import matrix from '../../../../docs/authorization-matrix.json';

/**
 * Keeps docs/authorization-matrix.json complete: every staff page, staff form action and API
 * endpoint in src/routes must be listed with an expected outcome for every role. A new route
 * without an entry fails here; tests/e2e/authorization-matrix.e2e.ts checks the running app.
 */
const ROUTES_DIR = join(import.meta.dirname, '../../../routes');
const GUARDED = /^\/(staff|api)(\/|$)/;

type Found = { route: string; methods: Set<string>; actions: Set<string> };

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

function routeIdOf(file: string): string {
	const parts = relative(ROUTES_DIR, file).split(sep).slice(0, -1).filter((p) => !/^\(.+\)$/.test(p));
	return `/${parts.join('/')}`;
}

function discover(): Map<string, Found> {
	const found = new Map<string, Found>();
	const entry = (route: string) => {
		let f = found.get(route);
		if (!f) found.set(route, (f = { route, methods: new Set(), actions: new Set() }));
		return f;
	};
	for (const file of walk(ROUTES_DIR)) {
		const route = routeIdOf(file);
		if (!GUARDED.test(route)) continue;
		const name = file.split(sep).at(-1)!;
		const source = readFileSync(file, 'utf8');
		if (name === '+page.svelte') entry(route).methods.add('GET');
		if (name === '+server.ts') {
			for (const m of source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)) entry(route).methods.add(m[1]!);
		}
		if (name === '+page.server.ts') {
			const actions = /export const actions = \{([\s\S]*)\};?\s*$/m.exec(source)?.[1] ?? '';
			for (const m of actions.matchAll(/^\t(\w+):\s*(?:async\s*)?\(/gm)) entry(route).actions.add(m[1]!);
		}
	}
	return found;
}

type Expectations = Record<string, string>;
type MatrixRoute = { route: string; path: string; actions?: Record<string, Expectations> } & Partial<Record<string, Expectations | string | object>>;

describe('authorization matrix', () => {
	const listed = new Map((matrix.routes as MatrixRoute[]).map((r) => [r.route, r]));
	const found = discover();

	it('finds the staff area in the source tree', () => {
		expect(found.size).toBeGreaterThan(10);
	});

	it('lists every guarded route, method and form action, and nothing that does not exist', () => {
		const problems: string[] = [];
		for (const f of found.values()) {
			const entry = listed.get(f.route);
			if (!entry) {
				problems.push(`${f.route}: not in docs/authorization-matrix.json`);
				continue;
			}
			for (const method of f.methods) if (!entry[method]) problems.push(`${f.route}: ${method} has no expectations`);
			for (const action of f.actions) if (!entry.actions?.[action]) problems.push(`${f.route}: action "${action}" has no expectations`);
			for (const action of Object.keys(entry.actions ?? {})) if (!f.actions.has(action)) problems.push(`${f.route}: action "${action}" does not exist`);
		}
		for (const route of listed.keys()) if (!found.has(route)) problems.push(`${route}: listed but no such route`);
		expect(problems).toEqual([]);
	});

	it('gives every role a known outcome everywhere', () => {
		const outcomes = /^(ok|allowed|sign-in|forbidden|not-found|method-not-allowed|redirect:\/\S*)$/;
		const problems: string[] = [];
		for (const entry of listed.values()) {
			const sets: Array<[string, Expectations]> = [];
			for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) if (entry[method]) sets.push([method, entry[method] as Expectations]);
			for (const [action, expectations] of Object.entries(entry.actions ?? {})) sets.push([`action ${action}`, expectations]);
			for (const [what, expectations] of sets) {
				for (const role of matrix.roles) {
					const outcome = expectations[role];
					if (!outcome || !outcomes.test(outcome)) problems.push(`${entry.route} ${what}: ${role} → ${outcome ?? 'missing'}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	it('never lets anonymous visitors into the staff area', () => {
		for (const entry of listed.values()) {
			if (!entry.route.startsWith('/staff/admin')) continue;
			expect((entry.GET as Expectations).anonymous, entry.route).toBe('sign-in');
			expect((entry.GET as Expectations).front_desk, entry.route).toBe('forbidden');
		}
	});
});
