import { findChromium, type Machine } from '../../support/chromium';

/** How the browser tests pick their Chromium, on machines other than this one. */
function machine(overrides: Partial<Machine> & { files?: string[] } = {}): Machine {
  const files = new Set(overrides.files ?? []);
  return {
    env: {},
    platform: 'linux',
    arch: 'x64',
    exists: (file) => files.has(file),
    ...overrides,
  };
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH before an installed browser', async () => {
    // Act
    const found = await findChromium(
      machine({
        env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
        files: ['/opt/chrome/chrome', '/usr/bin/chromium'],
      }),
    );

    // Assess
    expect(found.executablePath).toBe('/opt/chrome/chrome');
  });

  it('fails, naming the path, when CHROMIUM_PATH points at nothing', async () => {
    await expect(findChromium(machine({ env: { CHROMIUM_PATH: '/nowhere/chrome' } }))).rejects.toThrow(
      'CHROMIUM_PATH is /nowhere/chrome, and nothing is there.',
    );
  });

  it("takes Debian's chromium, or Chrome on a Mac, where they are installed", async () => {
    // Act
    const debian = await findChromium(machine({ files: ['/usr/bin/chromium'] }));
    const mac = await findChromium(
      machine({
        platform: 'darwin',
        arch: 'arm64',
        files: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      }),
    );

    // Assess
    expect(debian.executablePath).toBe('/usr/bin/chromium');
    expect(mac.executablePath).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it.each([
    ['darwin', 'arm64'],
    ['linux', 'arm64'],
    ['win32', 'x64'],
  ] as const)(
    'fails with one sentence saying what to install on %s %s with no browser',
    async (platform, arch) => {
      await expect(findChromium(machine({ platform, arch }))).rejects.toThrow(
        'No Chromium for the browser tests: install Google Chrome or Chromium, or set CHROMIUM_PATH to one ' +
          '(the npm fallback, @sparticuz/chromium, runs on Linux x64 only).',
      );
    },
  );
});
