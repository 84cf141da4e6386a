// Writes web/shared/api-types.ts from the server's OpenAPI document (an in-memory database serves it).
import { writeFileSync } from 'node:fs';
import { apiTypesSource, openApiDocument } from '../src/app/openapi-document.js';
import { openDatabase, runMigrations } from '../src/db/client.js';
import { appContextFor } from '../src/kernel/index.js';

const database = await openDatabase({});
await runMigrations(database);
const doc = await openApiDocument(appContextFor(database.db));
writeFileSync(new URL('../web/shared/api-types.ts', import.meta.url), await apiTypesSource(doc));
await database.close();
console.log('web/shared/api-types.ts written');
