import { fillBuiltInSlot } from '../../../../local/utterance/built-in-slot-types';
import { tokenize } from '../../../../local/utterance/tokens';

const WEDNESDAY = new Date(2025, 0, 15, 10, 0, 0);

function fill(type: string, typed: string) {
  return fillBuiltInSlot(
    type,
    tokenize(typed).map((token) => token.key),
    typed,
    WEDNESDAY,
  );
}

describe('built-in slot types', () => {
  it.each([
    ['first', '1'],
    ['second', '2'],
    ['3rd', '3'],
    ['twenty first', '21'],
    ['twenty-first', '21'],
    ['two', '2'],
  ])('AMAZON.Ordinal hears "%s" as %s', (typed, value) => {
    expect(fill('AMAZON.Ordinal', typed)).toEqual({ kind: 'converted', value });
  });

  it.each([
    ['seven', '7'],
    ['42', '42'],
    ['a hundred and two', '102'],
    ['two thousand twenty five', '2025'],
  ])('AMAZON.NUMBER hears "%s" as %s', (typed, value) => {
    expect(fill('AMAZON.NUMBER', typed)).toEqual({ kind: 'converted', value });
  });

  it.each([
    ['today', '2025-01-15'],
    ['yesterday', '2025-01-14'],
    ['next monday', '2025-01-20'],
    ['wednesday', '2025-01-22'],
  ])('AMAZON.DATE hears "%s" as %s', (typed, value) => {
    expect(fill('AMAZON.DATE', typed)).toEqual({ kind: 'converted', value });
  });

  it.each([
    ['9 am', '09:00'],
    ['nine thirty pm', '21:30'],
    ['12 am', '00:00'],
    ['noon', '12:00'],
    ["five o'clock", '05:00'],
  ])('AMAZON.TIME hears "%s" as %s', (typed, value) => {
    expect(fill('AMAZON.TIME', typed)).toEqual({ kind: 'converted', value });
  });

  it.each([
    ['AMAZON.Ordinal', 'the best'],
    ['AMAZON.NUMBER', 'several'],
    ['AMAZON.DATE', 'someday'],
    ['AMAZON.TIME', 'later'],
  ])('%s refuses "%s", so a sample with it does not match', (type, typed) => {
    expect(fill(type, typed)).toEqual({ kind: 'refused' });
  });

  it('passes list types as heard, and tells real US states from other words', () => {
    expect(fill('AMAZON.US_STATE', 'Texas')).toEqual({ kind: 'recognised', value: 'Texas' });
    expect(fill('AMAZON.US_STATE', 'Narnia')).toEqual({ kind: 'unrecognised', value: 'Narnia' });
    expect(fill('AMAZON.US_CITY', 'Round Rock')).toEqual({ kind: 'heard', value: 'Round Rock' });
    expect(fill('AMAZON.Person', 'Ada Lovelace')).toEqual({ kind: 'heard', value: 'Ada Lovelace' });
  });
});
