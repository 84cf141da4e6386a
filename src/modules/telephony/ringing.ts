import { EventEmitter } from 'node:events';

/** What an operator's console is told when the phone rings. */
export type RingingCall = { callId: string; phone: string; line: string; at: string };

// One bell per database handle (the app context is copied per server; its db is not): the consoles
// connected to this process listen to it.
const bells = new WeakMap<object, EventEmitter>();
// Handles whose process hears calls through the database (relay.ts): every process, this one too,
// rings from the notice, so the process that took the webhook does not ring a second time itself.
const relayed = new WeakSet<object>();

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

/** From now on this handle's calls ring through the database's notices, not in process. */
export function markRelayed(key: object, on: boolean): void {
  if (on) relayed.add(key);
  else relayed.delete(key);
}

export const isRelayed = (key: object) => relayed.has(key);
