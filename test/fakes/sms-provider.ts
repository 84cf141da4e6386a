import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders, verifySignature } from '../../src/lib/signature.js';

export type ProviderRequest = { headers: IncomingHttpHeaders; body: any; signed: boolean; status: number };

/**
 * An SMS provider's send API on loopback: checks our signature, records what it was asked to send,
 * answers with a message id — or with the failures queued in `failNext` (e.g. 503, 400). It can
 * also report a resident's text back to Tingjian, signed as a provider would.
 */
export async function startFakeSmsProvider(secret: string) {
  const received: ProviderRequest[] = [];
  const failNext: number[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const signed = verifySignature(
        secret,
        raw,
        req.headers['x-tingjian-timestamp'] as string,
        req.headers['x-tingjian-signature'] as string,
        new Date(),
      );
      const status = failNext.shift() ?? (signed ? 200 : 401);
      received.push({ headers: req.headers, body: JSON.parse(raw || 'null'), signed, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? JSON.stringify({ messageId: `fake-${++n}` }) : JSON.stringify({ error: 'refused' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    received,
    failNext,
    /** A resident's text, reported to Tingjian's inbound endpoint the way the provider signs it. */
    report: async (tingjianBase: string, text: { messageId: string; from: string; text: string }, useSecret = secret) => {
      const body = JSON.stringify(text);
      const res = await fetch(`${tingjianBase}/api/v1/sms/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(useSecret, body, new Date()) },
        body,
      });
      return { status: res.status, body: (await res.json()) as any };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
