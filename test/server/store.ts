/** The server's data: customer personas and digital humans, each owned by one organization. */
import { createHash } from 'node:crypto';
import { DH_RESPONSE_FIELDS } from './models';

export interface PersonaRecord {
  /** The organization's name as configured for the keys (e.g. "org-1"). */
  org: string;
  /** Kept for /customer-personas-by-agent; not part of the persona Bluejay returns. */
  agent_id: number | null;
  data: {
    id: string;
    created_at: string;
    name: string | null;
    description: string | null;
    goal: string | null;
    org_id: string;
  };
}

export interface DigitalHumanRecord {
  org: string;
  simulation_ids: number[];
  /** Every stored field, including those Bluejay accepts but does not return (num_runs, always_on_mode, always_on_active). */
  data: Record<string, unknown> & { id: number; created_at: string };
}

export const FIRST_DIGITAL_HUMAN_ID = 1300;

export class Store {
  readonly personas = new Map<string, PersonaRecord>();
  readonly digitalHumans = new Map<number, DigitalHumanRecord>();
  nextDigitalHumanId = FIRST_DIGITAL_HUMAN_ID;

  clear(): void {
    this.personas.clear();
    this.digitalHumans.clear();
    this.nextDigitalHumanId = FIRST_DIGITAL_HUMAN_ID;
  }

  persona(org: string, id: string): PersonaRecord | undefined {
    const p = this.personas.get(id.toLowerCase());
    return p && p.org === org ? p : undefined;
  }

  digitalHuman(org: string, id: number): DigitalHumanRecord | undefined {
    const d = this.digitalHumans.get(id);
    return d && d.org === org ? d : undefined;
  }

  /** Everything, for GET /__admin/store: flat lists with the owning org's name in `org`. */
  snapshot(): { customer_personas: unknown[]; digital_humans: unknown[]; next_digital_human_id: number } {
    return structuredClone({
      customer_personas: [...this.personas.values()].map((p) => ({ ...p.data, org: p.org, agent_id: p.agent_id })),
      digital_humans: [...this.digitalHumans.values()].map((d) => ({
        ...d.data,
        org: d.org,
        simulation_ids: d.simulation_ids,
      })),
      next_digital_human_id: this.nextDigitalHumanId,
    });
  }
}

/** A stable UUID for an organization name, as Bluejay's `org_id`. */
export function orgUuid(org: string): string {
  const h = createHash('sha1').update(`bluejay-org:${org}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** DigitalHumanResponseData: the returned fields only, in Bluejay's order. */
export function digitalHumanData(r: DigitalHumanRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of DH_RESPONSE_FIELDS) out[k] = r.data[k] ?? null;
  return structuredClone(out);
}

/** DigitalHumanResponse: `{digital_human, simulation_ids, simulation_id}`. */
export function digitalHumanResponse(r: DigitalHumanRecord): Record<string, unknown> {
  return {
    digital_human: digitalHumanData(r),
    simulation_ids: [...r.simulation_ids],
    simulation_id: r.simulation_ids[0] ?? null,
  };
}

export function personaData(r: PersonaRecord): PersonaRecord['data'] {
  return { ...r.data };
}

/** Deep equality of JSON values, key order ignored. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  return (
    keys.length === Object.keys(bo).length &&
    keys.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && sameJson(ao[k], bo[k]))
  );
}
