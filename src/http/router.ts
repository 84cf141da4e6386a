import { OpenAPIHono } from '@hono/zod-openapi';
import type { HttpEnv } from './env.js';
import { errorBody, validationError } from './errors.js';

/** Every module's router: request validation failures become the one error shape (400). */
export function newRouter() {
  return new OpenAPIHono<HttpEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(errorBody(validationError(result.error), c.get('locale') ?? 'zh-CN'), 400);
    },
  });
}
