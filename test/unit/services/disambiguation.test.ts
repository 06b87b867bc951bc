import { summarize } from '../../../lambda/src/domain/contact';
import { chooseCandidate, parseOrdinal } from '../../../lambda/src/services/disambiguation';
import { TEST_CONTACTS } from '../../fixtures/contacts';

const janes = TEST_CONTACTS.filter((contact) => contact.firstName === 'Jane').map(summarize);

describe('chooseCandidate', () => {
  it('takes "the second one" as the second person named', () => {
    expect(chooseCandidate(janes, { ordinal: 2 })?.id).toBe('c002');
  });

  it('refuses an ordinal past the end', () => {
    expect(chooseCandidate(janes, { ordinal: 4 })).toBeUndefined();
    expect(chooseCandidate(janes, { ordinal: 0 })).toBeUndefined();
  });

  it('takes a company, as spoken', () => {
    expect(chooseCandidate(janes, { company: 'acme' })?.id).toBe('c001');
    expect(chooseCandidate(janes, { company: 'initech' })?.id).toBe('c003');
  });

  it('takes a name that singles one out', () => {
    expect(chooseCandidate(janes, { name: 'Jane Smith' })?.id).toBe('c003');
    expect(chooseCandidate(janes, { name: 'smith' })?.id).toBe('c003');
  });

  it('combines name and company', () => {
    expect(chooseCandidate(janes, { name: 'jane doe', company: 'globex' })?.id).toBe('c002');
  });

  it('gives nothing when the answer still fits several', () => {
    expect(chooseCandidate(janes, { name: 'jane doe' })).toBeUndefined();
  });
});

describe('parseOrdinal', () => {
  it('reads the digits AMAZON.Ordinal sends and the words people say', () => {
    expect(parseOrdinal('2')).toBe(2);
    expect(parseOrdinal('third')).toBe(3);
    expect(parseOrdinal(undefined)).toBeUndefined();
    expect(parseOrdinal('banana')).toBeUndefined();
  });
});
