import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from '../src/app/app.js';
import { type AppContext, startEventDispatcher } from '../src/kernel/index.js';

export type Reply = { status: number; body: any; headers: Headers; text: string };

/** The app on a real socket (port 0), and a small client for it. */
export async function startTestServer(ctx: AppContext, opts: AppOptions = { publicRateLimit: 0 }) {
  // Tests wait for the first suggestion model however long it takes: their answers must not depend on the machine's speed.
  const app = await createApp(ctx, { suggestionWaitMs: 120_000, ...opts });
  // What follows intake (automatic dispatch) runs as in the server: from the events intake wrote.
  const stopEvents = startEventDispatcher(ctx);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function call(
    method: string,
    path: string,
    init: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: BodyInit | undefined = init.raw;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(init.body);
    }
    const res = await fetch(base + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }

  return {
    base,
    call,
    close: async () => {
      await stopEvents();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
