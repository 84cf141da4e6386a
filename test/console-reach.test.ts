import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/app/openapi-document.js';
import { openTestDatabase, type TestDatabase, testContext } from './db.js';

// Every write operation a signed-in staff member may call is reached by some console page: what the API can do, the
// people on the page can do. Staff operations are those a console session may authenticate (security names
// `Session`); machine doors (signed webhooks, Open311 keys, the public portal) are not the console's.

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

type Operation = { security?: Record<string, string[]>[] };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && name !== 'api-types.ts' ? [path] : [];
  });
}

/**
 * A path of the document as the console writes it. The typed client names the operation by its path, parameters in
 * braces (`client.POST('/demands/{id}/reply', …)`); a template (`/demands/${d.id}/reply`) or a literal value
 * (`/appointees/7/review`) in a parameter's place is read too.
 */
function callPattern(path: string): RegExp {
  const relative = path.replace(/^\/api\/v1/, '');
  const segments = relative
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '(\\{[\\w]+\\}|\\$\\{[^}]+\\}|[^/\'"`?{}]+)' : segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`['"\`]${segments.join('/')}(?=['"\`?])`);
}

describe('the console reaches the API', () => {
  it('the pattern reads typed paths, template literals and nothing wider', () => {
    expect(callPattern('/api/v1/appointees/{id}/review').test("client.POST('/appointees/{id}/review', { path: { id } })")).toBe(true);
    expect(callPattern('/api/v1/appointees/{id}/review').test("client.POST('/appointees/{id}/reviews', { path: { id } })")).toBe(false);
    expect(callPattern('/api/v1/moderation/{kind}/{id}/hide').test("client.POST('/moderation/{kind}/{id}/hide', {})")).toBe(true);
    expect(callPattern('/api/v1/demands/{id}').test("client.GET('/demands/{id}/reply')")).toBe(false);
    expect(callPattern('/api/v1/appointees/{id}/review').test('api(`/appointees/${a.id}/review`)')).toBe(true);
    expect(callPattern('/api/v1/appointees/{id}/review').test("api('/appointees/7/review', {})")).toBe(true);
    expect(callPattern('/api/v1/appointees/{id}/review').test('api(`/appointees/${a.id}/reviews`)')).toBe(false);
    expect(callPattern('/api/v1/knowledge').test("api('/knowledge?limit=3')")).toBe(true);
  });

  it('every staff write operation of the OpenAPI document is called by a console page', async () => {
    const doc = (await openApiDocument(testContext(database).ctx)) as { paths: Record<string, Record<string, Operation>> };
    const code = [...sources('web/console'), ...sources('web/shared')].map((f) => readFileSync(f, 'utf8')).join('\n');
    const staffWrites = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method, op]) => ['post', 'put', 'patch', 'delete'].includes(method) && op.security?.some((s) => 'Session' in s))
        .map(([method]) => ({ method, path })),
    );
    expect(staffWrites.length).toBeGreaterThan(100);
    const unreached = staffWrites.filter(({ path }) => !callPattern(path).test(code));
    expect(unreached.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([]);
  });
});
