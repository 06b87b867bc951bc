import type { Contact } from '../../../lambda/src/domain/contact';
import { BrowseService, type ListPosition } from '../../../lambda/src/services/browse-service';
import { BROWSE_CONTACTS } from '../../fixtures/browse-contacts';
import { FakeDirectoryPartitions } from '../../support/fakes';

function service(contacts: readonly Contact[] = BROWSE_CONTACTS) {
  const partitions = new FakeDirectoryPartitions(contacts);
  return { browse: new BrowseService(partitions), partitions };
}

describe('BrowseService', () => {
  it('reads the count and the first five people of a company in one read, sorted by last name', async () => {
    // Prepare
    const { browse, partitions } = service();

    // Act
    const page = await browse.firstPage({ by: 'company', spoken: 'initrode' });

    // Assess
    expect(page.kind).toBe('page');
    if (page.kind !== 'page') return;
    expect(page.label).toBe('Initrode Inc.');
    expect(page.total).toBe(12);
    expect(page.entries.map((entry) => entry.fullName)).toEqual([
      'Ava Adams',
      'Ben Baker',
      'Cleo Cruz',
      'Dev Desai',
      'Eli Evans',
    ]);
    expect(page.firstNumber).toBe(1);
    expect(page.next).toMatchObject({ facet: 'COMPANY', key: 'initrode', shown: 5, total: 12 });
    expect(partitions.calls).toEqual(['first:COMPANY#initrode']);
  });

  it('continues from where it stopped, and has no next page after the last', async () => {
    // Prepare
    const { browse } = service();
    const first = await browse.firstPage({ by: 'company', spoken: 'Initrode Incorporated' });
    const firstNext = first.kind === 'page' ? first.next : undefined;

    // Act
    const second = await browse.nextPage(firstNext as ListPosition);
    const secondNext = second.kind === 'page' ? second.next : undefined;
    const third = await browse.nextPage(secondNext as ListPosition);

    // Assess
    expect(second.kind === 'page' && second.entries.map((entry) => entry.fullName)).toEqual([
      'Fay Fox',
      'Gus Gray',
      'Hal Hunt',
      'Ivy Ito',
      'Jo Jensen',
    ]);
    expect(second.kind === 'page' && second.firstNumber).toBe(6);
    expect(third.kind === 'page' && third.entries.map((entry) => entry.fullName)).toEqual([
      'Kai Kumar',
      'Lea Lopez',
    ]);
    expect(third.kind === 'page' && third.next).toBeUndefined();
  });

  it('ends a list that fits on one page without offering more', async () => {
    // Prepare
    const { browse } = service();

    // Act
    const page = await browse.firstPage({ by: 'company', spoken: 'acme corporation' });

    // Assess
    expect(page.kind === 'page' && page.entries.map((entry) => entry.id)).toEqual(['c001', 'c005']);
    expect(page.kind === 'page' && page.next).toBeUndefined();
  });

  it('does not offer more when the count says the page read was the last, even if the store could go on', async () => {
    // Prepare
    const tenAtInitrode = BROWSE_CONTACTS.filter((contact) => !['i011', 'i012'].includes(contact.id));
    const { browse, partitions } = service(tenAtInitrode);
    const first = await browse.firstPage({ by: 'company', spoken: 'initrode' });

    // Act
    const second = await browse.nextPage((first.kind === 'page' && first.next) as ListPosition);

    // Assess
    expect(second.kind === 'page' && second.entries).toHaveLength(5);
    expect(second.kind === 'page' && second.next).toBeUndefined();
    expect(partitions.calls).toHaveLength(2);
  });

  it('tries the company key entity resolution gave before the words heard', async () => {
    // Prepare
    const { browse, partitions } = service();

    // Act
    const page = await browse.firstPage({
      by: 'company',
      spoken: 'barns and nobel',
      resolvedKeys: ['barnes and noble'],
    });

    // Assess
    expect(page.kind === 'page' && page.label).toBe('Barnes & Noble');
    expect(partitions.calls).toEqual(['first:COMPANY#barnes and noble']);
  });

  it.each([
    [{ state: 'Texas' }, 'Texas', 11],
    [{ state: 'tx' }, 'Texas', 11],
    [{ city: 'houston' }, 'Houston', 6],
    [{ city: 'New York' }, 'New York', 1],
    [{ state: 'new york' }, 'New York', 1],
    // Recognition put a city in the state slot, and a state in the city slot.
    [{ state: 'el paso' }, 'El Paso', 1],
    [{ city: 'california' }, 'California', 3],
  ])('finds the people in %j', async (place, label, total) => {
    // Prepare
    const { browse } = service();

    // Act
    const page = await browse.firstPage({ by: 'place', ...place });

    // Assess
    expect(page.kind === 'page' && { label: page.label, total: page.total }).toEqual({ label, total });
  });

  it.each(['j', 'J.', 'juliet'])(
    'finds the people whose first or last name starts with "%s"',
    async (heard) => {
      // Prepare
      const { browse } = service();

      // Act
      const page = await browse.firstPage({ by: 'initial', heard });

      // Assess
      expect(page.kind === 'page' && page.label).toBe('J');
      expect(page.kind === 'page' && page.entries.map((entry) => entry.fullName)).toEqual([
        'Jane Doe',
        'Jane Doe',
        'Jo Jensen',
        'Jane Smith',
      ]);
    },
  );

  it.each([
    [{ by: 'company', spoken: 'Umbrella Corp' }],
    [{ by: 'place', city: 'Springfield' }],
    [{ by: 'place', state: 'Alaska' }],
    [{ by: 'initial', heard: 'xylophone' }],
    [{ by: 'initial', heard: 'q' }],
  ] as const)('answers nobody for %j', async (request) => {
    // Prepare
    const { browse } = service();

    // Assess
    expect(await browse.firstPage(request)).toEqual({ kind: 'nobody' });
  });

  it('names a group without a count item by its people and reads on without a count', async () => {
    // Prepare
    const partitions = new FakeDirectoryPartitions(BROWSE_CONTACTS, { withGroups: false });
    const browse = new BrowseService(partitions);

    // Act
    const page = await browse.firstPage({ by: 'company', spoken: 'initrode' });

    // Assess
    expect(
      page.kind === 'page' && { label: page.label, total: page.total, count: page.entries.length },
    ).toEqual({
      label: 'Initrode Inc.',
      total: undefined,
      count: 5,
    });
    expect(page.kind === 'page' && page.next?.after).toContain('#i005');
  });
});
