import { isLoopbackAddress, isLoopbackHost, isLoopbackOrigin } from '../../../local/loopback';

describe('isLoopbackAddress', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.1'])(
    'accepts %s',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(true);
    },
  );

  it.each([
    '10.0.0.5',
    '192.168.1.20',
    '203.0.113.9',
    '::ffff:10.0.0.5',
    'fe80::1',
    '::2',
    '0.0.0.0',
    '127.0.0.1.evil',
    '',
    undefined,
  ])('refuses %s', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'localhost:3000', 'LOCALHOST:3000', '127.0.0.1:3000', '127.0.0.1', '[::1]:3000'])(
    'accepts %s',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each([
    'evil.example:3000',
    'localhost.evil.example',
    '127.0.0.1.nip.io:3000',
    'evil.example@127.0.0.1',
    '10.0.0.5:3000',
    '[::2]:3000',
    '',
    undefined,
  ])('refuses %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('isLoopbackOrigin', () => {
  it.each(['http://127.0.0.1:3000', 'http://localhost:3000', 'https://[::1]:8443'])(
    'accepts %s',
    (origin) => {
      expect(isLoopbackOrigin(origin)).toBe(true);
    },
  );

  it.each([
    'null',
    'https://evil.example',
    'http://127.0.0.1.nip.io',
    'file://',
    'http://localhost:3000/path',
  ])('refuses %s', (origin) => {
    expect(isLoopbackOrigin(origin)).toBe(false);
  });
});
