import { redact } from './redact.js';

/**
 * Fields whose strings are machine values — identifiers, codes, tokens, enums, timestamps — and pass the
 * public gate as they are. Every other string in a public answer is treated as something a person wrote.
 * Kept explicit: a new free-text field is redacted without anyone remembering to, a new machine field that
 * redaction would spoil is noticed (its test fails) and added here.
 */
const machineFields = new Set([
  'id',
  'number',
  'code',
  'token',
  'csrfToken',
  'queryCode',
  'checkinCode',
  'nextCursor',
  'state',
  'status',
  'kind',
  'mode',
  'level',
  'type',
  'channel',
  'audience',
  'track',
  'urgency',
  'satisfaction',
  'choice',
  'party',
  'position',
  'role',
  'locale',
  'date',
  'month',
  // Open311's machine fields (GeoReport v2).
  'service_request_id',
  'service_code',
  'account_id',
  'address_id',
  'zipcode',
  'changeset',
  'specification',
  'datatype',
  'variable',
]);
/** Names that say what they hold: an id (`regionId`, `service_id`), a time (`repliedAt`, `requested_datetime`), a day (`dueOn`). */
const machineSuffix = /(?:Id|Ids|At|On|_id|_datetime)$/;

export const isMachineField = (key: string) => machineFields.has(key) || machineSuffix.test(key);

/** A copy of a JSON-like value with every free-text string redacted (see `redact`); numbers, booleans and machine fields kept. */
export function redactTree<T>(value: T): T {
  return walk(value, null) as T;
}

function walk(value: unknown, key: string | null): unknown {
  if (typeof value === 'string') return key !== null && isMachineField(key) ? value : redact(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, key));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // Keys too: a record keyed by a name (a stratum, a unit) carries text someone typed.
    for (const [k, v] of Object.entries(value)) out[isMachineField(k) ? k : redact(k)] = walk(v, k);
    return out;
  }
  return value;
}
