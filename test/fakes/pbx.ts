import { signatureHeaders } from '../../src/lib/signature.js';

export type RingingCall = { callId: string; from: string; line?: string };

/**
 * A hotline PBX/CTI server as Tingjian sees it: on an incoming call it posts the call, signed with
 * the shared secret, to Tingjian's webhook over real HTTP on loopback.
 */
export function fakePbx(tingjianBase: string, secret: string) {
  let n = 0;
  return {
    ring: async (call: Omit<RingingCall, 'callId'> & { callId?: string }, useSecret = secret) => {
      const body = JSON.stringify({ callId: call.callId ?? `pbx-${Date.now()}-${++n}`, from: call.from, line: call.line ?? '12345-1' });
      const res = await fetch(`${tingjianBase}/api/v1/telephony/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signatureHeaders(useSecret, body, new Date()) },
        body,
      });
      return { status: res.status, body: (await res.json()) as any, callId: JSON.parse(body).callId as string };
    },
  };
}
