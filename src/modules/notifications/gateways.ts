import type { Logger } from 'pino';
import { maskPhone } from '../../lib/redact.js';
import { signatureHeaders } from '../../lib/signature.js';

/** A refusal or failure of the far side; retryable ones are tried again with backoff. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export type SmsToSend = {
  to: string;
  body: string;
  template: string | null;
  params: Record<string, string> | null;
  id: number;
  /** The same on every attempt of this message: the provider drops a repeat (a send cut off by a crash, then tried again). */
  key: string;
};

/** An SMS provider behind one method: the worker does not know which one it talks to. */
export type SmsGateway = { name: string; send(m: SmsToSend): Promise<{ ref: string }> };

/** Development default: writes a line (number masked, no text) instead of sending. */
export function logGateway(log: Logger): SmsGateway {
  return {
    name: 'log',
    async send(m) {
      log.debug({ to: maskPhone(m.to), template: m.template, outboxId: m.id }, 'sms (log gateway)');
      return { ref: `log-${m.id}` };
    },
  };
}

export type HttpGatewayOptions = {
  url: string;
  secret: string;
  /** Our template keys → the provider's approved template ids (Chinese providers send only approved templates). */
  templateIds?: Record<string, string>;
  sign?: string;
  timeoutMs?: number;
  now?: () => Date;
};

/**
 * A provider's send API over HTTPS: JSON `{to, templateId, params, text, sign, clientRef}`, signed
 * (X-Tingjian-Timestamp/Signature), with the message's key as clientRef and Idempotency-Key. 2xx with `{messageId}` = sent; 429, 5xx and network failures
 * are retried; any other 4xx is final.
 */
export function httpGateway(opts: HttpGatewayOptions): SmsGateway {
  return {
    name: 'http',
    async send(m) {
      const body = JSON.stringify({
        to: m.to,
        templateId: m.template ? (opts.templateIds?.[m.template] ?? m.template) : null,
        params: m.params ?? {},
        text: m.body,
        sign: opts.sign ?? '听见',
        clientRef: m.key,
      });
      const res = await postSigned(opts.url, body, opts.secret, opts.now?.() ?? new Date(), opts.timeoutMs, { 'Idempotency-Key': m.key });
      const json = (await res.json().catch(() => null)) as { messageId?: unknown } | null;
      return { ref: typeof json?.messageId === 'string' ? json.messageId : `http-${m.id}` };
    },
  };
}

/** POST a signed JSON body; throws DeliveryError (retryable or not) for anything but 2xx. */
export async function postSigned(
  url: string,
  body: string,
  secret: string,
  now: Date,
  timeoutMs = 10_000,
  headers: Record<string, string> = {},
): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...signatureHeaders(secret, body, now), ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new DeliveryError(`network: ${(err as Error).name}`, true);
  }
  if (res.ok) return res;
  await res.body?.cancel().catch(() => undefined);
  throw new DeliveryError(`http ${res.status}`, res.status === 429 || res.status >= 500 || res.status === 408);
}

/** Where webhooks go: endpoint name → URL and secret (the city's 12345 is "city12345"). */
export type WebhookEndpoints = Record<string, { url: string; secret: string }>;
