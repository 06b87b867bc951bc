import fs from 'node:fs';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../../scripts/lambda-build-options';
import { buildStack, FIXTURE_ENTRY, SKILL_ID } from './stack-fixture';

/** What `npm run bundle` (scripts/bundle.ts) writes for an entry: the same options, the same call. */
async function bundleLikeNpmRunBundle(entry: string): Promise<string> {
  const result = await build({
    ...lambdaBuildOptions,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: [...lambdaBuildOptions.external],
    entryPoints: [entry],
    bundle: true,
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('the Lambda bundle', () => {
  let assetDirectory: string;
  let deployed: string;

  beforeAll(() => {
    // Prepare
    const { app, stack } = buildStack({ backend: { skillId: SKILL_ID } }, { bundle: true });
    // Act
    const assembly = app.synth();
    const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')) as Array<{
      Properties: { Code: { S3Key: string } };
    }>;
    // The asset is staged as asset.<hash>, and uploaded as <hash>.zip.
    const assetHash = fn?.Properties.Code.S3Key.replace(/\.zip$/, '');
    assetDirectory = path.join(assembly.directory, `asset.${assetHash}`);
    deployed = fs.readFileSync(path.join(assetDirectory, 'index.js'), 'utf8');
  });

  it('is byte for byte what `npm run bundle` builds from the same entry', async () => {
    // Act
    const local = await bundleLikeNpmRunBundle(FIXTURE_ENTRY);
    // Assess
    expect(deployed).toBe(local);
  });

  it('is a single file that carries its own AWS SDK instead of the runtime one, and exports handler', async () => {
    // Prepare
    const { handler } = require(path.join(assetDirectory, 'index.js')) as { handler: () => Promise<unknown> };
    // Act
    const result = await handler();
    // Assess
    expect(fs.readdirSync(assetDirectory)).toEqual(['index.js']);
    expect(deployed).not.toMatch(/require\(["']@aws-sdk/);
    expect(result).toEqual({ greeting: { S: 'Café ☕' } });
  });

  it('is minified, keeps UTF-8 text as is, and drops legal comments', () => {
    // Assess
    expect(deployed).toContain('Café ☕');
    expect(deployed).not.toContain('legal comment');
    expect(deployed.split('\n').length).toBeLessThan(5);
  });
});
