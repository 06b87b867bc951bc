import path from 'node:path';

/**
 * How the Lambda is bundled. `npm run bundle` and the CDK stack's NodejsFunction both read these
 * options, so what is benchmarked and tested locally is what is deployed.
 */
export const PROJECT_ROOT = path.resolve(__dirname, '..');
export const LAMBDA_ENTRY = path.join(PROJECT_ROOT, 'lambda/src/index.ts');
export const LAMBDA_OUTFILE = path.join(PROJECT_ROOT, 'dist/lambda/index.js');
/** The notifier Lambda (the host's email for `Visitor Arrived`): its own bundle, same options. */
export const NOTIFIER_ENTRY = path.join(PROJECT_ROOT, 'lambda/notifier/index.ts');
export const NOTIFIER_OUTFILE = path.join(PROJECT_ROOT, 'dist/notifier/index.js');

/** ask-sdk-model without the service clients Front Desk never calls: scripts/ask-sdk-model-subset.ts. */
export const ASK_SDK_MODEL_SUBSET = path.join(PROJECT_ROOT, 'lambda/vendor/ask-sdk-model-services.js');

/** The Lambda runtime; `target` below follows it. */
export const LAMBDA_RUNTIME = 'nodejs22.x';

export const lambdaBuildOptions = {
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  /** Prefer ES modules, which esbuild can tree-shake, over the CommonJS builds. */
  mainFields: ['module', 'main'],
  /**
   * Modules left out of the bundle because the runtime provides them: none. The runtime's AWS SDK
   * loads slower from its node_modules than from this bundle (`npm run bench` measures both), and
   * it is not the version that was tested.
   */
  external: [] as string[],
  /**
   * Modules replaced in the bundle. The SDK's default credential chain becomes the part of it a
   * Lambda function uses (see the module's comment); ask-sdk-model loses the service clients that
   * Front Desk never calls (62 kB to 15 kB). `npm run bench` measures the difference.
   */
  alias: {
    '@aws-sdk/credential-provider-node': path.join(
      PROJECT_ROOT,
      'lambda/src/repositories/lambda-credentials.ts',
    ),
    'ask-sdk-model': ASK_SDK_MODEL_SUBSET,
  },
  legalComments: 'none',
  charset: 'utf8',
} as const;
