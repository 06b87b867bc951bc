import { build } from 'esbuild';
import { LAMBDA_ENTRY, LAMBDA_OUTFILE, lambdaBuildOptions } from './lambda-build-options';

/** Writes the production Lambda bundle, `dist/lambda/index.js`, exporting `handler`. */
export async function bundleLambda(
  outfile: string = LAMBDA_OUTFILE,
): Promise<{ outfile: string; bytes: number }> {
  const result = await build({
    ...lambdaBuildOptions,
    mainFields: [...lambdaBuildOptions.mainFields],
    external: [...lambdaBuildOptions.external],
    entryPoints: [LAMBDA_ENTRY],
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
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
