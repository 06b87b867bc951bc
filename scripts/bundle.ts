import { type BuildOptions, build } from 'esbuild';
import {
  LAMBDA_ENTRY,
  LAMBDA_OUTFILE,
  lambdaBuildOptions,
  NOTIFIER_ENTRY,
  NOTIFIER_OUTFILE,
} from './lambda-build-options';

export interface BundleOptions {
  /** The module to bundle; Front Desk's Lambda entry by default. */
  readonly entry?: string;
  readonly outfile?: string;
  /** Replaces some of the production options (the benchmark compares alternatives). */
  readonly overrides?: BuildOptions;
}

/** Writes the production Lambda bundle, `dist/lambda/index.js`, exporting `handler`. */
export async function bundleLambda(
  outfileOrOptions: string | BundleOptions = {},
): Promise<{ outfile: string; bytes: number }> {
  const options = typeof outfileOrOptions === 'string' ? { outfile: outfileOrOptions } : outfileOrOptions;
  const outfile = options.outfile ?? LAMBDA_OUTFILE;
  const result = await build({
    ...lambdaBuildOptions,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: [...lambdaBuildOptions.external],
    ...options.overrides,
    entryPoints: [options.entry ?? LAMBDA_ENTRY],
    bundle: true,
    outfile,
    metafile: true,
    logLevel: 'warning',
  });
  const output = result.metafile.outputs[Object.keys(result.metafile.outputs)[0] ?? ''];
  return { outfile, bytes: output?.bytes ?? 0 };
}

if (require.main === module) {
  bundleLambda()
    .then(({ outfile, bytes }) => console.log(`Wrote ${outfile} (${(bytes / 1024).toFixed(1)} KB)`))
    // The notifier Lambda ships separately, so the skill's bundle carries none of SES.
    .then(() => bundleLambda({ entry: NOTIFIER_ENTRY, outfile: NOTIFIER_OUTFILE }))
    .then(({ outfile, bytes }) => console.log(`Wrote ${outfile} (${(bytes / 1024).toFixed(1)} KB)`))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
