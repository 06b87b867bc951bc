import type { Contact } from '../../../../lambda/src/domain/contact';
import type { StoredDirectory } from '../../../../scripts/directory-import/directory-admin-repository';
import { compareIds, planImport } from '../../../../scripts/directory-import/plan-import';

const EMPTY: StoredDirectory = {
  contacts: new Map(),
  contactFingerprints: new Map(),
  entriesByContact: new Map(),
  presenceIds: new Set(),
  groups: new Map(),
  otherItems: 0,
};

function contact(id: string, company: string): Contact {
  return { id, firstName: 'Pat', lastName: `Person ${id}`, company, aliases: [] };
}

function companyLabel(contacts: Contact[]): unknown {
  const plan = planImport(EMPTY, contacts, { prune: false, mentionedIds: new Set() });
  return plan.writes.groupPuts.find((group) => group.pk === 'COMPANY#acme');
}

describe('planImport', () => {
  it('labels a group with the spelling most of its contacts use', () => {
    // Act
    const group = companyLabel([
      contact('1', 'ACME Corp'),
      contact('2', 'Acme Corp.'),
      contact('3', 'Acme Corp.'),
    ]);

    // Assess
    expect(group).toEqual({ pk: 'COMPANY#acme', sk: '#GROUP', type: 'group', label: 'Acme Corp.', count: 3 });
  });

  it('breaks a tie by the spelling of the lowest id, whatever the row order', () => {
    // Act
    const inOrder = companyLabel([contact('2', 'Acme Corp.'), contact('10', 'ACME Corp')]);
    const reversed = companyLabel([contact('10', 'ACME Corp'), contact('2', 'Acme Corp.')]);

    // Assess
    expect(inOrder).toEqual(expect.objectContaining({ label: 'Acme Corp.', count: 2 }));
    expect(reversed).toEqual(inOrder);
  });

  it('plans contact items, entries and groups for new contacts and nothing to delete', () => {
    // Act
    const plan = planImport(EMPTY, [contact('1', 'Acme')], { prune: true, mentionedIds: new Set(['1']) });

    // Assess
    expect(plan.added).toEqual(['1']);
    expect(plan.writes.contactPuts.map((item) => item.pk)).toEqual(['CONTACT#1']);
    expect(plan.writes.entryPuts.length).toBeGreaterThan(0);
    expect(plan.writes.entryDeletes).toEqual([]);
    expect(plan.writes.contactDeletes).toEqual([]);
  });
});

describe('compareIds', () => {
  it('orders numbers inside ids as numbers', () => {
    expect(['c10', 'c2', 'b1', 'c1'].sort(compareIds)).toEqual(['b1', 'c1', 'c2', 'c10']);
  });
});
