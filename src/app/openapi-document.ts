import openapiTS, { astToString } from 'openapi-typescript';
import type { AppContext } from '../kernel/index.js';
import { createApp } from './app.js';

/** The OpenAPI document exactly as the server serves it. */
export async function openApiDocument(ctx: AppContext): Promise<Record<string, unknown>> {
  const app = await createApp(ctx, { publicRateLimit: 0 });
  return (await (await app.request('/api/openapi.json')).json()) as Record<string, unknown>;
}

/** The web's API types, generated from the document (web/shared/api-types.ts). */
export async function apiTypesSource(doc: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(doc as never);
  return `// Generated from /api/openapi.json by \`npm run api:types\`; do not edit (a test fails when it drifts).\n\n${astToString(ast)}`;
}
