import { check } from 'ssml-check-core';
import { createTranslator } from '../../../lambda/src/speech/i18n';
import {
  emailAddress,
  escapeSsml,
  isWellFormedSsml,
  nationalFormat,
  Ssml,
  spokenList,
  telephone,
} from '../../../lambda/src/speech/ssml';

async function expectValid(body: string): Promise<void> {
  expect(await check(`<speak>${body}</speak>`, { platform: 'amazon' })).toBeUndefined();
}

describe('escapeSsml', () => {
  it.each(['Barnes & Noble', "O'Neill", '<Acme>', 'say "hi"', 'bell\u0007 character'])(
    'keeps %s valid SSML',
    async (value) => {
      await expectValid(escapeSsml(value));
    },
  );

  it('removes control characters XML cannot hold', () => {
    expect(escapeSsml('a\u0000b\u001fc')).toBe('abc');
  });
});

describe('telephone', () => {
  it('reads a North American number with say-as telephone', async () => {
    // Act
    const phone = telephone('+15125550101');

    // Assess
    expect(phone.ssml).toBe('<say-as interpret-as="telephone">(512) 555-0101</say-as>');
    expect(phone.text).toBe('(512) 555-0101');
    await expectValid(phone.ssml);
  });

  it('leaves other numbers in E.164', () => {
    expect(nationalFormat('+442071234567')).toBe('+442071234567');
  });
});

describe('emailAddress', () => {
  it('spells the punctuation out and keeps the address for the card', () => {
    // Act
    const email = emailAddress('jane.doe@example.com');

    // Assess
    expect(email.ssml).toBe('jane dot doe at example dot com');
    expect(email.text).toBe('jane.doe@example.com');
  });
});

describe('spokenList', () => {
  it('reads lists naturally', () => {
    expect(spokenList(['A'], 'and').text).toBe('A');
    expect(spokenList(['A', 'B'], 'and').text).toBe('A and B');
    expect(spokenList(['A', 'B', 'C'], 'and').text).toBe('A, B and C');
    expect(spokenList([], 'and').text).toBe('');
  });

  it('escapes plain items and keeps SSML items', async () => {
    // Act
    const list = spokenList(['Barnes & Noble', telephone('+15125550101')], 'and');

    // Assess
    expect(list.ssml).toBe('Barnes &amp; Noble and <say-as interpret-as="telephone">(512) 555-0101</say-as>');
    await expectValid(list.ssml);
  });
});

describe('createTranslator', () => {
  // Keys are strings here, so the missing-key path can be reached at all.
  const t = createTranslator<string>(
    'en-US',
    {
      greet: 'Hi {name}.',
      count: { one: '{count} person', other: '{count} people' },
      pick: ['first', 'second'],
    },
    {},
    () => 0.99,
  );

  it('escapes plain parameters and inserts SSML ones', () => {
    expect(t.speak('greet', { name: '<Acme> & Co' }).ssml).toBe('Hi &lt;Acme&gt; &amp; Co.');
    expect(t.speak('greet', { name: new Ssml('<break/>', '') }).ssml).toBe('Hi <break/>.');
    expect(t.text('greet', { name: '<Acme>' })).toBe('Hi <Acme>.');
  });

  it('chooses plural forms by count', () => {
    expect(t.text('count', { count: 1 })).toBe('1 person');
    expect(t.text('count', { count: 3 })).toBe('3 people');
  });

  it('picks a variant with the injected randomness', () => {
    expect(t.text('pick')).toBe('second');
  });

  it('fails loudly on a missing key or parameter', () => {
    expect(() => t.speak('nope')).toThrow('No speech resource "nope"');
    expect(() => t.speak('greet')).toThrow('Missing speech parameter "name"');
  });
});

describe('isWellFormedSsml', () => {
  it.each([
    '<speak>Hello.</speak>',
    '<speak></speak>',
    `<speak>Call ${telephone('+15125550101').ssml}, Barnes &amp; Noble&#39;s &#x41;.</speak>`,
    '<speak><break time="300ms"/><p><s>One.</s></p></speak>',
  ])('accepts %s', (ssml) => {
    expect(isWellFormedSsml(ssml)).toBe(true);
  });

  it.each([
    ['no speak element', 'Hello.'],
    ['a bare ampersand', '<speak>Barnes & Noble</speak>'],
    ['an unknown entity', '<speak>&nbsp;</speak>'],
    ['an unclosed element', '<speak><p>Hello.</speak>'],
    ['crossed elements', '<speak><p><s>Hi</p></s></speak>'],
    ['a bare less-than', '<speak>1 < 2</speak>'],
    ['an unquoted attribute', '<speak><break time=3s/></speak>'],
    ['text after the end', '<speak>a</speak>b</speak>'],
    ['a CDATA end', '<speak>]]></speak>'],
    ['a control character', '<speak>a\u0001b</speak>'],
    ['a lone surrogate', '<speak>a\ud800b</speak>'],
  ])('refuses %s', (_, ssml) => {
    expect(isWellFormedSsml(ssml)).toBe(false);
  });
});
