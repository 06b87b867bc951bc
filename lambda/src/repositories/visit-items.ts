import type { Visit } from '../domain/visit';
import type { ItemKey } from './directory-items';

/**
 * Visits in the directory table (single-table design), next to the items of `directory-items.ts`:
 *
 * | item  | pk               | sk                               | holds                         |
 * |-------|------------------|----------------------------------|-------------------------------|
 * | visit | `VISITS#<day>`   | `VISIT#<arrivedAt>#<visit id>`   | one visit, `expiresAt` (TTL)  |
 *
 * One partition per office day, sorted by arrival: "who's visiting today", "has Sam arrived" and
 * "Sam is leaving" each read one Query. Neither key looks like anything the importer derives
 * from a contact (no `CONTACT#` sort key, no facet partition), so import and export never touch
 * visits. `expiresAt` is the table's TTL attribute.
 */

export const VISIT_ITEM_TYPE = 'visit';

export const visitKeys = {
  dayPartition: (day: string): string => `VISITS#${day}`,
  visit: (visit: Pick<Visit, 'day' | 'arrivedAt' | 'id'>): ItemKey => ({
    pk: `VISITS#${visit.day}`,
    sk: `VISIT#${visit.arrivedAt}#${visit.id}`,
  }),
};

export type VisitItem = ItemKey & { readonly type: string } & Visit;

export function visitItem(visit: Visit): VisitItem {
  return { ...visitKeys.visit(visit), type: VISIT_ITEM_TYPE, ...visit };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Reads a visit back, ignoring the key attributes; throws TypeError for a malformed item. */
export function visitFromItem(item: Record<string, unknown>): Visit {
  const visitor = (item.visitor ?? {}) as Record<string, unknown>;
  const host = (item.host ?? {}) as Record<string, unknown>;
  const id = text(item.id);
  const day = text(item.day);
  const arrivedAt = text(item.arrivedAt);
  const visitorName = text(visitor.name);
  const hostId = text(host.id);
  if (!id || !day || !arrivedAt || !visitorName || !hostId || typeof item.expiresAt !== 'number') {
    throw new TypeError('A visit item is malformed');
  }
  const company = text(visitor.company);
  const leftAt = text(item.leftAt);
  return {
    id,
    day,
    visitor: { name: visitorName, ...(company ? { company } : {}) },
    host: {
      id: hostId,
      name: text(host.name) ?? '',
      ...(text(host.company) ? { company: text(host.company) } : {}),
      ...(text(host.email) ? { email: text(host.email) } : {}),
      ...(text(host.phone) ? { phone: text(host.phone) } : {}),
    },
    arrivedAt,
    ...(leftAt ? { leftAt } : {}),
    expiresAt: item.expiresAt,
  };
}
