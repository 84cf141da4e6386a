import type { ActionContext } from '../../kernel/index.js';

/**
 * Where agenda items come from besides free text and topics. A module that owns such a source
 * (proposals) registers how to take one of its records onto an agenda; the council module
 * does not need to know its tables.
 */
export type AgendaSource = (a: ActionContext, ref: number, meeting: { id: number; regionPath: string }) => Promise<void>;

const sources = new Map<string, AgendaSource>();

export function registerAgendaSource(kind: 'proposal', take: AgendaSource): void {
  sources.set(kind, take);
}

export function agendaSource(kind: string): AgendaSource | undefined {
  return sources.get(kind);
}
