import type { Dayjs } from 'dayjs';
import { type Body, client, type Schemas } from '../../../shared/client';
import { formatTime, stateNames } from '../../../shared/i18n';
import type { useApp } from '../../app-context';
import type { messages } from '../../messages';

type Detail = Schemas['DemandDetail'];
type ServerAction = Detail['allowedActions'][number];
type Values = Record<string, unknown>;
type Key = keyof typeof messages;
type T = ReturnType<typeof useApp>['t'];

/**
 * Where each choice posts, with the body it sends. The form's values arrive untyped from antd and are taken as the
 * operation's body; the server checks each field and refuses in words a person can act on. Every path is written out, so the compiler checks it against the
 * API and its answer is the demand as it now stands.
 */
const sends = {
  dispatch: (id: number, v: Values) => client.POST('/demands/{id}/dispatch', { path: { id }, body: v as Body<'/demands/{id}/dispatch'> }),
  acknowledge: (id: number, v: Values) =>
    client.POST('/demands/{id}/acknowledge', { path: { id }, body: v as Body<'/demands/{id}/acknowledge'> }),
  reply: (id: number, v: Values) => client.POST('/demands/{id}/reply', { path: { id }, body: v as Body<'/demands/{id}/reply'> }),
  return: (id: number, v: Values) => client.POST('/demands/{id}/return', { path: { id }, body: v as Body<'/demands/{id}/return'> }),
  callback: (id: number, v: Values) => client.POST('/demands/{id}/callback', { path: { id }, body: v as Body<'/demands/{id}/callback'> }),
  close: (id: number, v: Values) => client.POST('/demands/{id}/close', { path: { id }, body: v as Body<'/demands/{id}/close'> }),
  reopen: (id: number, v: Values) => client.POST('/demands/{id}/reopen', { path: { id }, body: v as Body<'/demands/{id}/reopen'> }),
  merge: (id: number, v: Values) => client.POST('/demands/{id}/merge', { path: { id }, body: v as Body<'/demands/{id}/merge'> }),
  decline: (id: number, v: Values) => client.POST('/demands/{id}/decline', { path: { id }, body: v as Body<'/demands/{id}/decline'> }),
  supervise: (id: number, v: Values) => {
    const { dueAt, ...rest } = v as { dueAt?: Dayjs };
    return client.POST('/demands/{id}/supervise', {
      path: { id },
      body: { ...rest, ...(dueAt ? { dueAt: dueAt.endOf('day').toISOString() } : {}) } as Body<'/demands/{id}/supervise'>,
    });
  },
  'extension-requests': (id: number, v: Values) =>
    client.POST('/demands/{id}/extension-requests', { path: { id }, body: v as Body<'/demands/{id}/extension-requests'> }),
  approve: (id: number, v: Values) =>
    client.POST('/demands/{id}/extension-decision', {
      path: { id },
      body: { approve: true, ...v } as Body<'/demands/{id}/extension-decision'>,
    }),
  deny: (id: number, v: Values) =>
    client.POST('/demands/{id}/extension-decision', {
      path: { id },
      body: { approve: false, ...v } as Body<'/demands/{id}/extension-decision'>,
    }),
  answer: (id: number, v: Values) => client.POST('/demands/{id}/answer', { path: { id }, body: v as Body<'/demands/{id}/answer'> }),
  withdraw: (id: number, v: Values) => client.POST('/demands/{id}/withdraw', { path: { id }, body: v as Body<'/demands/{id}/withdraw'> }),
  remind: (id: number, v: Values) => client.POST('/demands/{id}/remind', { path: { id }, body: v as Body<'/demands/{id}/remind'> }),
  'assist-acknowledge': (id: number, v: Values) =>
    client.POST('/demands/{id}/assist-acknowledge', { path: { id }, body: v as Body<'/demands/{id}/assist-acknowledge'> }),
  contribute: (id: number, v: Values) =>
    client.POST('/demands/{id}/contribute', { path: { id }, body: v as Body<'/demands/{id}/contribute'> }),
  'end-assist': (id: number, v: Values) =>
    client.POST('/demands/{id}/end-assist', { path: { id }, body: v as Body<'/demands/{id}/end-assist'> }),
  transfer: (id: number, v: Values) => client.POST('/demands/{id}/transfer', { path: { id }, body: v as Body<'/demands/{id}/transfer'> }),
  'accept-transfer': (id: number) => client.POST('/demands/{id}/transfer-decision', { path: { id }, body: { accept: true } }),
  'decline-transfer': (id: number, v: Values) =>
    client.POST('/demands/{id}/transfer-decision', {
      path: { id },
      body: { accept: false, ...v } as Body<'/demands/{id}/transfer-decision'>,
    }),
  'callback-attempt': (id: number, v: Values) =>
    client.POST('/demands/{id}/callback-attempt', { path: { id }, body: v as Body<'/demands/{id}/callback-attempt'> }),
  'merged-callback': (id: number, v: Values) =>
    client.POST('/demands/{id}/merged-callback', { path: { id }, body: v as Body<'/demands/{id}/merged-callback'> }),
} satisfies Record<string, (id: number, v: Values) => Promise<Detail>>;

/** A choice on the demand's page: one server action, or one side of a decision (approve / deny an extension). */
export type Choice = keyof typeof sends;

export const sendChoice = (choice: Choice, id: number, values: Values): Promise<Detail> => sends[choice](id, values);

/** How each action the server allows is offered: its button (or two, for a decision) and its form. */
const buttonsFor: Partial<Record<ServerAction, { verb: Choice; label: Key }[]>> = {
  dispatch: [{ verb: 'dispatch', label: 'dispatch' }],
  acknowledge: [{ verb: 'acknowledge', label: 'acknowledge' }],
  reply: [{ verb: 'reply', label: 'reply' }],
  answer_directly: [{ verb: 'answer', label: 'answer' }],
  record_callback: [{ verb: 'callback', label: 'callback' }],
  rate_merged: [{ verb: 'merged-callback', label: 'callback' }],
  close: [{ verb: 'close', label: 'close' }],
  reopen: [{ verb: 'reopen', label: 'reopen' }],
  decide_extension: [
    { verb: 'approve', label: 'approveExtension' },
    { verb: 'deny', label: 'denyExtension' },
  ],
  request_extension: [{ verb: 'extension-requests', label: 'extension' }],
  return: [{ verb: 'return', label: 'return' }],
  supervise: [{ verb: 'supervise', label: 'supervise' }],
  decline: [{ verb: 'decline', label: 'decline' }],
  withdraw: [{ verb: 'withdraw', label: 'withdraw' }],
  remind: [{ verb: 'remind', label: 'remind' }],
  assist_acknowledge: [{ verb: 'assist-acknowledge', label: 'assistAcknowledge' }],
  contribute: [{ verb: 'contribute', label: 'contribute' }],
  end_assist: [{ verb: 'end-assist', label: 'endAssist' }],
  request_transfer: [{ verb: 'transfer', label: 'transfer' }],
  accept_transfer: [{ verb: 'accept-transfer', label: 'acceptTransfer' }],
  decline_transfer: [{ verb: 'decline-transfer', label: 'declineTransfer' }],
  callback_attempt: [{ verb: 'callback-attempt', label: 'callbackAttempt' }],
};

/** Taken at once, without a form. */
export const immediate = new Set<Choice>(['acknowledge', 'close', 'approve', 'assist-acknowledge', 'accept-transfer']);

/** Exactly the actions the server says this caller may take now (merging is offered beside the duplicates). */
export const offered = (d: Detail) => d.allowedActions.flatMap((a) => buttonsFor[a] ?? []);

/** A toast that says what happened, not just "done": where it went and by when. */
export function doneMessage(verb: Choice, d: Detail, t: T, lang: 'zh-CN' | 'en'): string {
  const due = d.stageDueAt ? formatTime(d.stageDueAt, lang) : '';
  if ((verb === 'dispatch' || verb === 'accept-transfer') && d.unit)
    return t('doneDispatch').replace('{unit}', d.unit.name).replace('{due}', due);
  if (verb === 'acknowledge' && d.state === 'acknowledged') return t('doneAcknowledge').replace('{due}', due);
  if (verb === 'reply' || verb === 'answer') return t('doneReply');
  if (verb === 'merge') return t('doneMerge');
  return `${t('doneGeneric')}${stateNames[d.state]?.[lang] ?? d.state}`;
}
