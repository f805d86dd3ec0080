// Runs in Node, in tests and the benchmark: requests generated from the OpenAPI document, valid
// and broken in every way a fuzzer has found (NUL bytes, lone surrogates, clocks that are not real
// times, bodies too large or too deep, cookies and path parameters that are not what they claim).
import fc from 'fast-check';
import type { OpenApiDocument } from '../openapi';

/** Put into every generated string, so that a log line carrying one is easy to spot. */
export const SECRET_MARK = 'fuzz-secret';

export interface Operation {
  method: string;
  /** OpenAPI form: /api/artifacts/{kind}/{version}. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  hasBody: boolean;
  isSignedIn: boolean;
  /** The error statuses it documents. */
  errors: number[];
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

/** The operations of the document, with what each takes. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations ?? {}).flatMap(([method, raw]) => {
      if (typeof raw !== 'object' || !raw || !('responses' in raw)) return [];
      const op = raw as {
        parameters?: { in: string; name: string; schema?: JsonSchema }[];
        requestBody?: unknown;
        security?: unknown[];
        responses: Record<string, unknown>;
      };
      const parameters = op.parameters ?? [];
      return [
        {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: parameters
            .filter((p) => p.in === 'query')
            .map((p) => ({ name: p.name, schema: p.schema ?? {} })),
          hasBody: op.requestBody !== undefined,
          isSignedIn: (op.security?.length ?? 0) > 0,
          errors: Object.keys(op.responses)
            .map(Number)
            .filter((status) => status >= 400),
        },
      ];
    }),
  );
}

/** Clocks that match the pattern but are no real time, or are far ahead. */
const BAD_CLOCKS = [
  '9999-99-99T99:99:99.999Z-ffff-zzzz',
  '2024-13-45T25:61:61.000Z-0000-deviceA1',
  '9999-12-31T23:59:59.999Z-0000-deviceA1',
];

/** Strings that have broken a server somewhere: each carries SECRET_MARK. */
const nastyText: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff\ud800', '%00'),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...BAD_CLOCKS,
        '..',
        '../../etc/passwd',
        "' or 1=1 --",
        '${jndi:x}',
        '\r\nX-Injected: 1',
        '💥'.repeat(300),
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  )
  .map((text) => `${SECRET_MARK}${text}`);

/** A value for a query parameter: often what its schema asks for, often not. */
function queryValue(schema: JsonSchema): fc.Arbitrary<string> {
  const fitting: fc.Arbitrary<string> =
    schema.enum !== undefined
      ? fc.constantFrom(...schema.enum.map(String))
      : schema.type === 'integer'
        ? fc
            .integer({
              min: Math.max(schema.minimum ?? -1e6, -1e6),
              max: Math.min(schema.maximum ?? 1e6, 1e6),
            })
            .map(String)
        : fc.constantFrom('US', 'GB', 'week', '0,1,2', '31', '1');
  return fc.oneof(
    { weight: 3, arbitrary: fitting },
    { weight: 1, arbitrary: nastyText },
    { weight: 1, arbitrary: fc.constantFrom('', '-1', '1e309', 'NaN', '1,1,99', '0'.repeat(400)) },
  );
}

const pathValue = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'catalog',
      'model',
      '0123456789abcdef',
      'w185',
      'w92',
      'abcdefghij.png',
      '3',
      '1',
      'contributor1',
    ),
  },
  { weight: 2, arbitrary: nastyText },
);

/** A clock near now (some a little ahead), or one that is no real time. */
const hlcNear = (now: number) =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .integer({ min: -86_400_000, max: 60_000 })
        .map((offset) => `${new Date(now + offset).toISOString()}-0000-fuzzDevice`),
    },
    { weight: 1, arbitrary: fc.constantFrom(...BAD_CLOCKS) },
  );

/** A change the server should take, or a near miss of one. */
const change = (now: number) =>
  fc.oneof(
    fc
      .record({
        movieId: fc.integer({ min: 1, max: 20 }),
        rating: fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
        hlc: hlcNear(now),
        isDeleted: fc.boolean(),
      })
      .map(({ movieId, rating, hlc, isDeleted }) => ({
        kind: 'rating',
        key: String(movieId),
        value: isDeleted ? null : { movieId, rating, ratedAt: '2024-05-01T20:15:00Z' },
        hlc,
      })),
    fc
      .record({
        movieId: fc.integer({ min: 1, max: 20 }),
        hlc: hlcNear(now),
        note: fc.string({ maxLength: 30 }),
      })
      .map(({ movieId, hlc, note }) => ({
        kind: 'watchlist',
        key: String(movieId),
        value: { movieId, addedAt: '2024-05-01T20:15:00Z', note: `${SECRET_MARK}${note}` },
        hlc,
      })),
  );

const id = fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/);

/** A well-formed body for each operation that takes one. */
function wellFormedBody(operation: Operation, now: number): fc.Arbitrary<unknown> {
  const key = `${operation.method} ${operation.path}`;
  const password = fc.constant(`${SECRET_MARK} a long password`);
  const email = id.map((name) => `${SECRET_MARK}${name}@example.org`.toLowerCase());
  switch (key) {
    case 'POST /api/auth/signup':
    case 'POST /api/auth/login':
      return fc.record({ email, password });
    case 'POST /api/auth/password':
      return fc.record({ currentPassword: password, newPassword: password });
    case 'DELETE /api/account':
      return fc.record({ password });
    case 'POST /api/sync/push':
      return fc.record({
        protocolVersion: fc.constant(1),
        deviceId: fc.constant('fuzzDevice'),
        mutationId: id,
        changes: fc.array(change(now), { minLength: 1, maxLength: 6 }),
      });
    case 'POST /api/contributions':
      return fc.record({
        contributorId: id,
        ratings: fc.uniqueArray(
          fc.record({
            // Films no test catalog has: suites sharing the PostgreSQL database train on contributions.
            movieId: fc.integer({ min: 900_001, max: 900_050 }),
            rating: fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
            ratedOn: fc.constant('2024-05-01'),
          }),
          { selector: (r) => r.movieId, minLength: 1, maxLength: 5 },
        ),
      });
    case 'POST /api/ask':
      return fc.record({
        message: fc.oneof(
          fc.constant(`${SECRET_MARK} comedies from the 90s`),
          fc.string({ minLength: 1, maxLength: 200 }).map((text) => `${SECRET_MARK}${text}`),
        ),
        ratings: fc.array(
          fc.record({
            movieId: fc.integer({ min: 1, max: 40 }),
            rating: fc.integer({ min: 1, max: 10 }).map((h) => h / 2),
          }),
          { maxLength: 5 },
        ),
      });
    default:
      throw new Error(`No body is known for ${key}: add one here.`);
  }
}

/** Replaces one leaf of `value` (chosen by `pick`) with `replacement`. */
function replaceLeaf(value: unknown, pick: number, replacement: unknown): unknown {
  const leaves: { parent: Record<string | number, unknown>; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'object' && child !== null) walk(child);
      else leaves.push({ parent: node as Record<string | number, unknown>, key });
    }
  };
  const copy = structuredClone(value);
  walk(copy);
  const leaf = leaves[pick % Math.max(leaves.length, 1)];
  if (leaf) leaf.parent[leaf.key] = replacement;
  return copy;
}

/** Bodies that are no request at all: cut short, nested 3,000 deep, or over the size limit. */
const NOT_REQUESTS = [
  '',
  '[',
  '{"a":',
  '\ud800',
  `${'{"a":['.repeat(3000)}1${']}'.repeat(3000)}`,
  '['.repeat(20_000),
  `{"x":"${'a'.repeat(1_200_000)}"}`,
];

/** A body for `operation`: well-formed, broken at one leaf, or not what was asked at all. */
function body(operation: Operation, now: number): fc.Arbitrary<string | undefined> {
  const broken = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ maxLength: 100 }),
    fc.constantFrom(...NOT_REQUESTS),
  );
  if (!operation.hasBody) return fc.option(broken, { nil: undefined, freq: 4 });
  const good = wellFormedBody(operation, now);
  const leafValue = fc.oneof(nastyText, fc.constantFrom(null, -1, 1e308, true, [], {}, 'NaN'));
  return fc.oneof(
    { weight: 4, arbitrary: good.map((value) => JSON.stringify(value)) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(good, fc.nat(), leafValue)
        .map(([value, pick, replacement]) => JSON.stringify(replaceLeaf(value, pick, replacement))),
    },
    { weight: 2, arbitrary: broken },
  );
}

/**
 * Percent-encodes any string, lone surrogates too (as the three bytes a lenient encoder writes,
 * which are not valid UTF-8: a server must refuse them, not fall over).
 */
export function encodeAnything(text: string): string {
  let encoded = '';
  for (const char of text) {
    const unit = char.codePointAt(0)!;
    const isLone = char.length === 1 && unit >= 0xd800 && unit <= 0xdfff;
    encoded += isLone
      ? [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('')
      : encodeURIComponent(char);
  }
  return encoded;
}

export type CookieChoice = 'none' | 'owner' | 'other' | 'garbage';

export interface FuzzRequest {
  operation: Operation;
  method: string;
  path: string;
  contentType: string | undefined;
  origin: 'same' | 'none' | 'evil';
  cookie: CookieChoice;
  garbageCookie: string;
  body: string | undefined;
}

/** A request to one of `operations`, with its path, query, body, cookie and origin made up. */
export function fuzzRequest(operations: Operation[], now: number): fc.Arbitrary<FuzzRequest> {
  // Pushes most: they carry the most input, and every one acknowledged is checked at the end.
  const weighted = fc.oneof(
    ...operations.map((operation) => ({
      weight: operation.path === '/api/sync/push' ? 12 : operation.hasBody ? 2 : 1,
      arbitrary: fc.constant(operation),
    })),
  );
  return weighted.chain((operation) =>
    fc.record({
      operation: fc.constant(operation),
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant(operation.method) },
        {
          weight: 1,
          arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'),
        },
      ),
      path: fc
        .tuple(
          fc.array(pathValue, {
            minLength: operation.pathParams.length,
            maxLength: operation.pathParams.length,
          }),
          fc.tuple(
            ...operation.query.map((q) =>
              fc.option(queryValue(q.schema), { nil: undefined, freq: 5 }),
            ),
          ),
        )
        .map(([params, values]) => {
          let path = operation.path;
          operation.pathParams.forEach((name, i) => {
            path = path.replace(`{${name}}`, encodeAnything(params[i]!));
          });
          const query = operation.query
            .map((q, i) =>
              values[i] === undefined ? null : `${q.name}=${encodeAnything(values[i]!)}`,
            )
            .filter((pair) => pair !== null);
          return query.length > 0 ? `${path}?${query.join('&')}` : path;
        }),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            undefined,
            'text/plain',
            'application/json; charset=latin1',
            'multipart/form-data',
          ),
        },
      ),
      origin: fc.constantFrom('same', 'same', 'same', 'none', 'evil'),
      cookie: fc.constantFrom<CookieChoice>('none', 'owner', 'owner', 'other', 'garbage'),
      garbageCookie: fc.oneof(
        fc.constantFrom('%00.%00', '..', 'a.b.c', `${'a'.repeat(32)}.${'b'.repeat(32)}`),
        fc.string({ maxLength: 80 }).map(encodeAnything),
      ),
      body: body(operation, now),
    }),
  );
}
