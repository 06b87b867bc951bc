import { BrowseService } from '../../../lambda/src/services/browse-service';
import { FakeDirectoryPartitions } from '../../support/fakes';
import { sampleContacts } from '../../support/sample-contacts';

function service() {
  const partitions = new FakeDirectoryPartitions(sampleContacts());
  return { browse: new BrowseService(partitions), partitions };
}

describe('BrowseService by role and by place', () => {
  it("reads a role at one company with one Query of that company's entries, counted when it fits a page", async () => {
    // Prepare
    const { browse, partitions } = service();

    // Act
    const page = await browse.firstPage({
      by: 'role',
      role: 'CTO',
      company: { spoken: 'Globex', resolvedKeys: ['globex'] },
    });

    // Assess
    expect(page).toMatchObject({ kind: 'page', facet: 'ROLE', label: 'CTO', company: 'Globex', total: 1 });
    expect(page.kind === 'page' && page.entries.map((entry) => entry.fullName)).toEqual(['Jane Okafor']);
    expect(partitions.calls).toEqual(['first:ROLE#chief officer technology within ENTRY#globex/']);
  });

  it('reads a role across the directory with its count, a page at a time', async () => {
    // Prepare
    const { browse, partitions } = service();

    // Act
    const first = await browse.firstPage({ by: 'role', role: 'managers' });
    const next = first.kind === 'page' ? first.next : undefined;
    const second = next ? await browse.nextPage(next) : undefined;

    // Assess
    expect(first).toMatchObject({ kind: 'page', facet: 'ROLE', label: 'managers', total: 7 });
    expect(first.kind === 'page' && first.entries).toHaveLength(5);
    expect(second?.kind === 'page' && second.entries).toHaveLength(2);
    expect(partitions.calls).toEqual(['first:ROLE#manager', 'after:ROLE#manager']);
  });

  it('finds nobody for a role a company does not have, without trying words of rank', async () => {
    // Prepare
    const { browse, partitions } = service();

    // Act
    const page = await browse.firstPage({ by: 'role', role: 'CTO', company: { spoken: 'Acme' } });

    // Assess
    expect(page).toEqual({ kind: 'nobody' });
    expect(partitions.calls).toHaveLength(2);
  });

  it('asks which one for a city in two states, and lists a city in its state', async () => {
    // Prepare
    const { browse } = service();

    // Act
    const which = await browse.firstPage({ by: 'place', city: 'Portland' });
    const oregon = await browse.firstPage({ by: 'place', city: 'Portland', state: 'Oregon' });
    const maine = await browse.firstPage({ by: 'place', city: 'portland maine' });
    const codes = await browse.firstPage({ by: 'place', city: 'Portland', state: 'm. e.' });

    // Assess
    expect(which).toEqual({ kind: 'whichPlace', city: 'Portland', states: ['ME', 'OR'] });
    expect(oregon).toMatchObject({ kind: 'page', facet: 'PLACE', label: 'Portland, Oregon', total: 4 });
    expect(maine).toMatchObject({ kind: 'page', facet: 'PLACE', label: 'Portland, Maine', total: 2 });
    expect(codes).toMatchObject({ kind: 'page', label: 'Portland, Maine' });
  });

  it('lists a city in one state as before, and says nobody for a city in a state it is not in', async () => {
    // Prepare
    const { browse } = service();

    // Assess
    expect(await browse.firstPage({ by: 'place', city: 'Austin' })).toMatchObject({ kind: 'page', total: 7 });
    expect(await browse.firstPage({ by: 'place', city: 'Portland', state: 'Texas' })).toEqual({
      kind: 'nobody',
    });
  });

  it('does not widen a page within a company into the whole role when the session garbled its prefix', async () => {
    // Prepare
    const { browse } = service();

    // Act
    const page = await browse.nextPage({
      facet: 'ROLE',
      key: 'manager',
      label: 'managers',
      shown: 5,
      after: 'ENTRY#',
      within: 42 as unknown as string,
    });

    // Assess
    expect(page).toEqual({ kind: 'nobody' });
  });
});
