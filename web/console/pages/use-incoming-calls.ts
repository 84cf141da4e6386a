import { useEffect } from 'react';
import { hrefOf } from '../../shared/client';

export type IncomingCall = { callId: string; phone: string; line: string; at: string };

/**
 * 来电弹屏: the hotline PBX's calls as they ring, from the server's event stream (the session
 * cookie signs the stream in; the browser reconnects by itself after a drop).
 */
export function useIncomingCalls(onCall: (call: IncomingCall) => void) {
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(hrefOf('/telephony/events'));
    const listener = (e: MessageEvent<string>) => onCall(JSON.parse(e.data) as IncomingCall);
    source.addEventListener('call', listener);
    return () => {
      source.removeEventListener('call', listener);
      source.close();
    };
  }, [onCall]);
}
