import { type BundlingOptions, Charset, LogLevel, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { lambdaBuildOptions } from '../../scripts/lambda-build-options';
import { InfraError } from './errors';

type LambdaBuildOptions = typeof lambdaBuildOptions;

/**
 * One entry per field of `lambdaBuildOptions`. The mapped type makes a new field there a type error
 * here until someone decides how NodejsFunction should express it.
 */
const mapOption: {
  readonly [K in keyof LambdaBuildOptions]: (value: LambdaBuildOptions[K]) => Partial<BundlingOptions>;
} = {
  // NodejsFunction always passes `--platform=node`; anything else cannot be expressed.
  platform: (platform) => {
    if (platform !== 'node') throw new InfraError(`NodejsFunction only bundles for node, not ${platform}`);
    return {};
  },
  target: (target) => ({ target }),
  format: (format) => ({ format: { cjs: OutputFormat.CJS, esm: OutputFormat.ESM }[format] }),
  minify: (minify) => ({ minify }),
  sourcemap: (sourcemap) => ({ sourceMap: sourcemap }),
  mainFields: (mainFields) => ({ mainFields: [...mainFields] }),
  // Always explicit: left unset, NodejsFunction would leave `@aws-sdk/*` to the runtime's copy,
  // which is not the SDK version that was tested and benchmarked.
  external: (external) => ({ externalModules: [...external] }),
  // No typed prop exists for this one, so it travels as a raw esbuild flag.
  legalComments: (legalComments) => ({ esbuildArgs: { '--legal-comments': legalComments } }),
  // The typed `charset` prop is ignored by the bundler (aws/aws-cdk#32649, still so in 2.276), so
  // the flag is passed raw as well; the infra bundle test compares the output byte for byte.
  charset: (charset) => ({
    charset: { ascii: Charset.ASCII, utf8: Charset.UTF8 }[charset],
    esbuildArgs: { '--charset': charset },
  }),
};

/**
 * NodejsFunction's `bundling` props for the same esbuild options that `npm run bundle` uses
 * (`scripts/lambda-build-options.ts`), so the deployed code is the code that was tested.
 */
export function nodejsBundlingOptions(): BundlingOptions {
  // Like `npm run bundle`'s logLevel. NodejsFunction runs the local esbuild via `npx --no-install`
  // (offline thanks to update-notifier=false in .npmrc), so no Docker is needed.
  let bundling: BundlingOptions = { logLevel: LogLevel.WARNING };
  for (const key of Object.keys(mapOption) as Array<keyof LambdaBuildOptions>) {
    const mapped = (mapOption[key] as (value: unknown) => Partial<BundlingOptions>)(lambdaBuildOptions[key]);
    bundling = {
      ...bundling,
      ...mapped,
      esbuildArgs: { ...bundling.esbuildArgs, ...mapped.esbuildArgs },
    };
  }
  return bundling;
}
