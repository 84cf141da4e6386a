import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTypesSource, openApiDocument } from '../src/app/openapi-document.js';
import { openTestDatabase, type TestDatabase, testContext } from './db.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.drop());

describe('the web reads types generated from the OpenAPI document', () => {
  it('web/shared/api-types.ts matches the document the server serves (run `npm run api:types` after changing a schema)', async () => {
    const doc = await openApiDocument(testContext(database).ctx);
    const checkedIn = readFileSync(new URL('../web/shared/api-types.ts', import.meta.url), 'utf8');
    expect(checkedIn === (await apiTypesSource(doc)), 'web/shared/api-types.ts is stale: run npm run api:types').toBe(true);
  });
});
