import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureHeaders, verifySignature } from '../../src/lib/signature.js';

export type ProviderRequest = { headers: IncomingHttpHeaders; body: any; signed: boolean; status: number; duplicate: boolean };

/**
 * An SMS provider's send API on loopback: checks our signature, records what it was asked to send,
 * answers with a message id — or with the failures queued in `failNext` (e.g. 503, 400). It can
 * also report a resident's text back to Tingjian, signed as a provider would. Like real providers it
 * drops a send whose clientRef it has already accepted (answering with the first message id), so
 * `delivered` holds what reached a handset.
 */
export async function startFakeSmsProvider(secret: string) {
  const received: ProviderRequest[] = [];
  const failNext: number[] = [];
  const delivered: ProviderRequest[] = [];
  const accepted = new Map<string, string>();
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
      const body = JSON.parse(raw || 'null');
      const ref: string | undefined = body?.clientRef;
      const duplicate = status === 200 && ref !== undefined && accepted.has(ref);
      const request = { headers: req.headers, body, signed, status, duplicate };
      received.push(request);
      if (status === 200 && !duplicate) {
        delivered.push(request);
        if (ref !== undefined) accepted.set(ref, `fake-${++n}`);
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      const messageId = ref !== undefined ? accepted.get(ref) : `fake-${++n}`;
      res.end(status === 200 ? JSON.stringify({ messageId }) : JSON.stringify({ error: 'refused' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  return {
    url,
    received,
    delivered,
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
