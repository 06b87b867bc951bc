import { fromEnv } from '@aws-sdk/credential-provider-env';
import type { FromHttpOptions } from '@aws-sdk/credential-provider-http';

type CredentialProvider = ReturnType<typeof fromEnv>;

/**
 * The credential chain of the Lambda bundle. The esbuild options (`scripts/lambda-build-options.ts`)
 * put it in place of `@aws-sdk/credential-provider-node`, the SDK's default chain, which also
 * carries SSO, profile files, process and web identity providers and the STS, SSO and sign-in
 * clients they use: about 126 kB of the bundle, which would otherwise be over 500 kB, and several
 * milliseconds of its load (`npm run bench` measures both), for sources a Lambda function never has.
 *
 * Lambda gives a function its execution role's credentials in `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`: the default chain's first link, kept here.
 * Environments that serve credentials from a container endpoint instead
 * (`AWS_CONTAINER_CREDENTIALS_FULL_URI`, as SnapStart does) get the default chain's HTTP provider,
 * loaded only then. The SDK memoizes and refreshes what this returns, as for the default chain.
 * The local server, the tools and the tests run on the source, so they keep the full default chain.
 */
export function defaultProvider(init: FromHttpOptions = {}): CredentialProvider {
  const fromEnvironment = fromEnv(init);
  return async (properties) => {
    try {
      return await fromEnvironment(properties);
    } catch (environmentError) {
      const { fromHttp } = await import('@aws-sdk/credential-provider-http');
      try {
        return await fromHttp(init)(properties);
      } catch (containerError) {
        throw new AggregateError(
          [environmentError, containerError],
          'No AWS credentials: neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor a container credentials endpoint is set',
        );
      }
    }
  };
}
