import { EventEmitter } from 'node:events';

/** What an operator's console is told when the phone rings. */
export type RingingCall = { callId: string; phone: string; line: string; at: string };

// One bell per database (the app context is copied per server; its db is not). In memory: a console
// connected to another process of the same installation is not told (see docs/guides/hotline.md).
const bells = new WeakMap<object, EventEmitter>();

export function bell(key: object): EventEmitter {
  let b = bells.get(key);
  if (!b) {
    b = new EventEmitter();
    // Every signed-in operator's console listens.
    b.setMaxListeners(0);
    bells.set(key, b);
  }
  return b;
}

export const ring = (key: object, call: RingingCall) => bell(key).emit('call', call);

/** Listens for calls until the returned function is called. */
export function listen(key: object, onCall: (call: RingingCall) => void): () => void {
  bell(key).on('call', onCall);
  return () => bell(key).off('call', onCall);
}
