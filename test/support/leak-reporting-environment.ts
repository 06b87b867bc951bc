import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import NodeEnvironment from 'jest-environment-node';

/**
 * Jest's node environment, plus a report of what a test file left open (servers, sockets, timers,
 * child processes) once its last `afterAll` has run, by the names Node gives them. The report names
 * the file and the kinds of handle; `npm run test:handles` then shows where each was opened.
 * jest.config.js says why this, and not `--detectOpenHandles` or `--forceExit`, is the default.
 *
 * Each file also gets its own folder for what a CDK app synthesizes (`CDK_OUTDIR`, which an `App`
 * without an `outdir` writes to), removed when the file ends: otherwise every synth leaves a
 * `cdk.out*` folder in the system's temporary directory.
 */
export default class LeakReportingEnvironment extends NodeEnvironment {
  private readonly testPath: string;
  private before = new Map<string, number>();
  private cdkOutdir: string | undefined;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.testPath = path.relative(config.globalConfig.rootDir, context.testPath);
  }

  override async setup(): Promise<void> {
    await super.setup();
    this.cdkOutdir = await mkdtemp(path.join(os.tmpdir(), 'front-desk-cdk-'));
    this.global.process.env.CDK_OUTDIR = this.cdkOutdir;
    this.before = activeResources();
  }

  override async teardown(): Promise<void> {
    const left = await resourcesLeftSince(this.before);
    if (left.length > 0) {
      process.stderr.write(
        `\n${this.testPath} left open after its last afterAll: ${left.join(', ')}` +
          ' (npm run test:handles -- <file> shows where they were opened)\n',
      );
    }
    if (this.cdkOutdir) await rm(this.cdkOutdir, { recursive: true, force: true });
    await super.teardown();
  }
}

/** How long a socket or server that is already closing gets to finish before it counts as left. */
const SETTLE_MS = 1000;
const POLL_MS = 50;

async function resourcesLeftSince(before: Map<string, number>): Promise<string[]> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const left = [...activeResources()]
      .map(([name, count]) => [name, count - (before.get(name) ?? 0)] as const)
      .filter(([, extra]) => extra > 0)
      .map(([name, extra]) => (extra > 1 ? `${name} ×${extra}` : name));
    if (left.length === 0 || Date.now() >= deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS).unref());
  }
}

function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}
