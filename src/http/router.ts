import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from './env.js';
import { errorBody, validationError } from './errors.js';
import { isPublicOperation, publicGate } from './public-gate.js';

/**
 * Every module's router: request validation failures become the one error shape (400), and every operation
 * without a staff security answers through the public redaction gate.
 */
export function newRouter() {
  const app = new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody(validationError(result.error), c.get('locale') ?? 'zh-CN'), 400);
    },
  });
  const register = app.openapi;
  app.openapi = ((route, handler, hook) => {
    if (!isPublicOperation(route)) return register(route, handler, hook);
    const own = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
    return register({ ...route, middleware: [publicGate, ...own] }, handler, hook);
  }) as typeof app.openapi;
  return app;
}
