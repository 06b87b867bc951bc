import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  Charset,
  LogLevel,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { LAMBDA_RUNTIME, lambdaBuildOptions, PROJECT_ROOT } from '../../scripts/lambda-build-options';
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
  // No typed prop exists for this one either: one `--alias:FROM=TO` flag per replaced module.
  alias: (alias) => ({
    esbuildArgs: Object.fromEntries(Object.entries(alias).map(([from, to]) => [`--alias:${from}`, to])),
  }),
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

/** What every Front Desk function decides for itself; the build and runtime are {@link frontDeskFunction}'s. */
export interface FrontDeskFunctionProps
  extends Omit<
    NodejsFunctionProps,
    'projectRoot' | 'depsLockFilePath' | 'runtime' | 'architecture' | 'bundling'
  > {
  /**
   * Why the pinned runtime stands, acknowledged on the function as cdk-nag's AwsSolutions-L1
   * (which asks for the latest runtime).
   */
  readonly runtimePinReason: string;
}

/**
 * A Front Desk function: bundled from this project like `npm run bundle` bundles it, on the
 * pinned Node.js runtime (built from the same constant as the bundle's esbuild target, so the two
 * cannot disagree), on ARM, with cdk-nag's runtime finding acknowledged with the caller's reason.
 */
export function frontDeskFunction(
  scope: Construct,
  id: string,
  props: FrontDeskFunctionProps,
): NodejsFunction {
  const { runtimePinReason, ...functionProps } = props;
  const fn = new NodejsFunction(scope, id, {
    ...functionProps,
    projectRoot: PROJECT_ROOT,
    depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
    runtime: new Runtime(LAMBDA_RUNTIME, RuntimeFamily.NODEJS, { supportsInlineCode: true }),
    architecture: Architecture.ARM_64,
    bundling: nodejsBundlingOptions(),
  });
  Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: runtimePinReason });
  return fn;
}
