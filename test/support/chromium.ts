import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { PROJECT_ROOT } from './skill-package';

/**
 * The Chromium the browser tests drive, so that `npm ci && npm test` needs nothing but Node. In this
 * order: `CHROMIUM_PATH`; a Chrome or Chromium installed where systems put it; the headless shell
 * that the devDependency `@sparticuz/chromium` carries inside the package (Linux x64 only: its npm
 * package holds no other build). Nothing is downloaded, and no install script is needed.
 */

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const NOT_FOUND =
  'No Chromium for the browser tests: install Google Chrome or Chromium, or set CHROMIUM_PATH to one ' +
  '(the npm fallback, @sparticuz/chromium, runs on Linux x64 only).';

/**
 * Flags that keep the browser on 127.0.0.1: no update checks, no sync, no component downloads.
 * `--no-sandbox` because CI runs as root, where Chromium's sandbox refuses to start. We do not take
 * `@sparticuz/chromium`'s own `args`: they are tuned for Lambda (one process, web security off), and
 * the console should be tested in a browser that behaves like a user's.
 */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface FoundChromium {
  readonly executablePath: string;
  /** Extra environment for the browser process (the npm build's own libraries and fonts). */
  readonly env?: Record<string, string>;
}

/** Starts headless Chromium, or fails with one sentence saying what to install. */
export async function launchChromium(): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.executablePath,
    args: ARGS,
    ...(found.env ? { env: { ...process.env, ...found.env } } : {}),
  });
}

/** What discovery looks at; a parameter so that a test can play another machine. */
export interface Machine {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  exists(file: string): boolean;
}

const THIS_MACHINE: Machine = {
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  exists: existsSync,
};

export async function findChromium(machine: Machine = THIS_MACHINE): Promise<FoundChromium> {
  const configured = machine.env.CHROMIUM_PATH;
  if (configured) {
    if (!machine.exists(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, and nothing is there.`);
    return { executablePath: configured };
  }
  const installed = SYSTEM_BROWSERS.find((candidate) => machine.exists(candidate));
  if (installed) return { executablePath: installed };
  if (machine.platform === 'linux' && machine.arch === 'x64') return unpackNpmChromium();
  throw new Error(NOT_FOUND);
}

/**
 * The package keeps Chromium brotli-compressed (about 64 MB) and unpacks it with `executablePath()`
 * into `os.tmpdir()`. We unpack once per installed version into `node_modules/.cache` instead, so
 * that `npm ci` starts afresh, and into a staging folder renamed into place, so that two test files
 * starting at once never run a half-written binary.
 */
async function unpackNpmChromium(): Promise<FoundChromium> {
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch (error) {
    throw new Error(NOT_FOUND, { cause: error });
  }
  const version = packageVersionAbove(entry);
  const cache = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'front-desk-chromium');
  const target = path.join(cache, version);
  if (!existsSync(path.join(target, 'ready'))) {
    await mkdir(cache, { recursive: true });
    const staging = await mkdtemp(path.join(cache, `${version}-staging-`));
    try {
      await unpackInto(entry, staging, target);
      await writeFile(path.join(staging, 'ready'), '');
      await rename(staging, target);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      // Another test file unpacked the same version first: use that one.
      if (!existsSync(path.join(target, 'ready'))) throw error;
    }
  }
  return {
    executablePath: path.join(target, 'chromium'),
    env: {
      // The package's own NSS and expat (built for Amazon Linux 2023), so a slim image needs none.
      LD_LIBRARY_PATH: [path.join(target, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(':'),
      // Its Open Sans, so the screenshot has text on a machine without fonts.
      FONTCONFIG_PATH: path.join(target, 'fontconfig'),
    },
  };
}

const run = promisify(execFile);

/**
 * Runs the package's `executablePath()` in a child whose temporary folder is `folder`. The package
 * unpacks its libraries only when it believes it runs on Amazon Linux 2023, which it reads from
 * `AWS_EXECUTION_ENV`: we set that so that a Debian or Ubuntu image without them still works.
 */
async function unpackInto(entry: string, folder: string, finalFolder: string): Promise<void> {
  const script = `require(${JSON.stringify(entry)}).executablePath().then((p) => process.stdout.write(p))`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    env: { ...process.env, TMPDIR: folder, AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' },
    timeout: 120_000,
  });
  if (stdout !== path.join(folder, 'chromium')) throw new Error(`@sparticuz/chromium unpacked to ${stdout}`);
  await mkdir(path.join(folder, 'fontconfig'));
  await writeFile(
    path.join(folder, 'fontconfig', 'fonts.conf'),
    `<?xml version="1.0"?>\n<fontconfig><dir>${path.join(finalFolder, 'fonts')}</dir>` +
      `<cachedir>${path.join(finalFolder, 'fonts-cache')}</cachedir></fontconfig>\n`,
  );
}

/** The package's version, from its package.json (its exports map hides the file from `require`). */
function packageVersionAbove(entry: string): string {
  for (let folder = path.dirname(entry); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    const manifest = path.join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (name === '@sparticuz/chromium' && version) return version;
  }
  throw new Error(`No package.json of @sparticuz/chromium above ${entry}`);
}
