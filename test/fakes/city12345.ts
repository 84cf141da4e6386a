import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders, verifySignature } from '../../src/lib/signature.js';

export type CityDelivery = { event: string; delivery: string; body: any };

/**
 * The city's 12345 platform on loopback, both sides of the exchange: it receives our signed status
 * webhooks (refusing bad signatures, dropping repeats by delivery id, failing on demand) and sends
 * work orders down to Tingjian, signed with the shared secret.
 */
export async function startFakeCity(secret: string) {
  const received: CityDelivery[] = [];
  const failNext: number[] = [];
  let refused = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const ok = verifySignature(
        secret,
        raw,
        req.headers['x-tingjian-timestamp'] as string,
        req.headers['x-tingjian-signature'] as string,
        new Date(),
      );
      const fail = failNext.shift();
      if (!ok || fail) {
        if (!ok) refused++;
        res.writeHead(fail ?? 401).end();
        return;
      }
      const delivery = String(req.headers['x-tingjian-delivery']);
      if (!received.some((r) => r.delivery === delivery))
        received.push({ event: String(req.headers['x-tingjian-event']), delivery, body: JSON.parse(raw) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tingjian/events`,
    received,
    failNext,
    refused: () => refused,
    sendWorkOrder: async (tingjianBase: string, order: Record<string, unknown>, useSecret = secret) => {
      const body = JSON.stringify(order);
      const res = await fetch(`${tingjianBase}/api/v1/city/work-orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(useSecret, body, new Date()) },
        body,
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
