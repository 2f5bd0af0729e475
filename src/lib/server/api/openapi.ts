import { z } from 'zod';

/**
 * Builds the OpenAPI 3.1 document served at /api/v1/openapi.json from per-feature modules. Each
 * feature (screening now, booking later) describes its own paths and schemas in an ApiModule and
 * is listed once in api-modules.ts; schemas come from the same zod schemas that validate the
 * requests, so the document cannot drift far from the code.
 */

export type JsonSchema = { readonly [keyword: string]: unknown };
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** Names of securitySchemes an operation needs; `[]` (no requirement) marks a public operation. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

/** An OpenAPI Operation Object (only the parts we use are typed). */
export type Operation = {
	readonly operationId: string;
	readonly summary: string;
	readonly description?: string;
	/** Required so that no operation is public by omission. */
	readonly security: readonly SecurityRequirement[];
	readonly parameters?: readonly unknown[];
	readonly requestBody?: unknown;
	readonly responses: Readonly<Record<string, unknown>>;
};

export interface ApiModule {
	readonly tag: { readonly name: string; readonly description: string };
	/** Added to components.schemas; names must be unique across modules. */
	readonly schemas?: Readonly<Record<string, JsonSchema>>;
	/** Added to components.securitySchemes; names must be unique across modules. */
	readonly securitySchemes?: Readonly<Record<string, JsonSchema>>;
	/** Paths relative to the API base, /api/v1. */
	readonly paths: Readonly<Record<string, Partial<Record<HttpMethod, Operation>>>>;
}

export type OpenApiDocument = {
	openapi: '3.1.0';
	info: Record<string, unknown>;
	servers: { url: string; description: string }[];
	tags: { name: string; description: string }[];
	paths: Record<string, Partial<Record<HttpMethod, Operation & { tags: string[] }>>>;
	components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

export const API_VERSION = '1.0.0';

/** A zod schema as a JSON Schema (2020-12, the dialect OpenAPI 3.1 uses), ready to embed. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
	return rest;
}

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** RFC 9457 problem details, as http.ts writes them. */
const problemSchema = z
	.object({
		type: z.string().meta({ description: '"about:blank": the status code says what kind of problem it is.' }),
		title: z.string().meta({ description: 'What went wrong, in a few words.' }),
		status: z.number().int(),
		detail: z.string().optional().meta({ description: 'What to change so the request works.' })
	})
	.meta({ description: 'Problem details (RFC 9457), sent as application/problem+json.' });

const validationProblemSchema = problemSchema
	.extend({
		errors: z
			.array(z.object({ field: z.string(), message: z.string() }))
			.min(1)
			.meta({ description: 'One entry per bad field, naming it, including fields that should not be there.' })
	})
	.meta({ description: 'Problem details for a request whose fields did not pass validation.' });

const COMMON_SCHEMAS: Record<string, JsonSchema> = {
	Problem: jsonSchemaOf(problemSchema),
	ValidationProblem: jsonSchemaOf(validationProblemSchema)
};

export function problemResponse(description: string, schema: 'Problem' | 'ValidationProblem' = 'Problem') {
	return { description, content: { 'application/problem+json': { schema: schemaRef(schema) } } };
}

/**
 * Every answer of /api with a 4xx status is problem details, including those no operation chose
 * (405 for another method, 431 for request headers over 16 KB, 400 for a request Node cannot parse).
 */
const ANY_CLIENT_ERROR = problemResponse(
	'Any other client error, as problem details: 400 for a malformed request, 405 for another method, 431 for request headers over 16 KB.'
);

export function buildOpenApiDocument(modules: readonly ApiModule[], options: { serverUrl?: string } = {}): OpenApiDocument {
	const document: OpenApiDocument = {
		openapi: '3.1.0',
		info: {
			title: 'Needlepoint API',
			version: API_VERSION,
			summary: 'Public API of a Needlepoint clinic: dry needling and acupuncture.',
			description:
				'Errors use problem details (RFC 9457, application/problem+json); validation errors name each bad ' +
				'field. Request bodies are JSON (Content-Type: application/json), at most 16 KB. Operations on one ' +
				'appointment need its manage token (the last segment of manageUrl) as Authorization: Bearer <token>.',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: options.serverUrl ?? '/api/v1', description: 'This clinic' }],
		tags: [],
		paths: {},
		components: { schemas: { ...COMMON_SCHEMAS }, securitySchemes: {} }
	};
	for (const module of modules) {
		document.tags.push({ ...module.tag });
		for (const [name, schema] of Object.entries(module.schemas ?? {})) {
			if (Object.hasOwn(document.components.schemas, name)) throw new Error(`API schema ${name} is defined twice`);
			document.components.schemas[name] = schema;
		}
		for (const [name, scheme] of Object.entries(module.securitySchemes ?? {})) {
			if (Object.hasOwn(document.components.securitySchemes, name)) throw new Error(`API security scheme ${name} is defined twice`);
			document.components.securitySchemes[name] = scheme;
		}
		for (const [path, operations] of Object.entries(module.paths)) {
			const item = (document.paths[path] ??= {});
			for (const [method, operation] of Object.entries(operations) as [HttpMethod, Operation][]) {
				if (item[method]) throw new Error(`${method.toUpperCase()} ${path} is defined twice`);
				item[method] = { ...operation, responses: { ...operation.responses, '4XX': ANY_CLIENT_ERROR }, tags: [module.tag.name] };
			}
		}
	}
	return document;
}
