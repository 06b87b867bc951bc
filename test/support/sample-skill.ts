import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Contact } from '../../lambda/src/domain/contact';
import { toStateCode } from '../../lambda/src/domain/us-states';
import type { SkillInvoker } from '../../local/dialog/session';
import { SAMPLE_DIRECTORY_CSV } from './skill-package';
import { buildTestSkill } from './test-skill';

// TEMPORARY until local/local-skill.ts (startLocalSkill) lands in main.
export interface SampleSkill {
  readonly invoke: SkillInvoker;
  close(): Promise<void>;
}

export async function startSampleSkill(): Promise<SampleSkill> {
  const rows = parse(readFileSync(SAMPLE_DIRECTORY_CSV), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  const contacts: Contact[] = rows.map((r) => ({
    id: r.id ?? '',
    firstName: r.first_name ?? '',
    lastName: r.last_name ?? '',
    ...(r.company ? { company: r.company } : {}),
    ...(r.title ? { title: r.title } : {}),
    ...(r.email ? { email: r.email } : {}),
    ...(r.phone ? { phone: parsePhoneNumberFromString(r.phone, 'US')?.number as string } : {}),
    ...(r.city ? { city: r.city } : {}),
    ...(r.state ? { state: toStateCode(r.state) ?? r.state } : {}),
    aliases: (r.aliases ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean),
  }));
  const { skill } = buildTestSkill(contacts);
  return { invoke: (envelope) => skill.invoke(envelope), close: async () => undefined };
}
