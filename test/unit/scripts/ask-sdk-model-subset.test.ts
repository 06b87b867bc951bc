import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { askSdkModelSubset, KEPT_SERVICE_CLIENTS } from '../../../scripts/ask-sdk-model-subset';
import { ASK_SDK_MODEL_SUBSET, PROJECT_ROOT } from '../../../scripts/lambda-build-options';

interface ApiRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: ReadonlyArray<{ key: string; value: string }>;
}

/** What a settings API call sends and returns through one copy of ask-sdk-model. */
async function timeZoneCall(
  model: typeof import('ask-sdk-model'),
): Promise<{ zone: string; sent: ApiRequest[] }> {
  const sent: ApiRequest[] = [];
  const factory = new model.services.ServiceClientFactory({
    apiClient: {
      invoke: async (request) => {
        sent.push(request);
        return { statusCode: 200, headers: [], body: JSON.stringify('Europe/Berlin') };
      },
    },
    apiEndpoint: 'https://api.amazonalexa.com',
    authorizationValue: 'token-1',
  });
  const zone = await factory.getUpsServiceClient().getSystemTimeZone('device-1');
  return { zone, sent };
}

async function sourceFiles(folder: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("the Lambda bundle's ask-sdk-model", () => {
  it('is what the generator makes of the installed ask-sdk-model (else: npm run vendor:ask-sdk-model)', async () => {
    // Act
    const committed = await readFile(ASK_SDK_MODEL_SUBSET, 'utf8');

    // Assess
    expect(committed).toBe(askSdkModelSubset().text);
  });

  it('asks the settings API for the time zone exactly as the whole package does', async () => {
    // Act
    const whole = await timeZoneCall(require('ask-sdk-model'));
    const subset = await timeZoneCall(require(ASK_SDK_MODEL_SUBSET));

    // Assess
    expect(subset.zone).toBe('Europe/Berlin');
    expect(subset.sent).toEqual(whole.sent);
    expect(subset.sent[0]?.url).toBe(
      'https://api.amazonalexa.com/v2/devices/device-1/settings/System.timeZone',
    );
  });

  it('keeps the client of every service the Lambda source asks the factory for', async () => {
    // Prepare
    const files = await sourceFiles(path.join(PROJECT_ROOT, 'lambda/src'));
    const asked = new Set<string>();

    // Act
    for (const file of files) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\.(get\w+ServiceClient)\(/g)) {
        asked.add(match[1] ?? '');
      }
    }

    // Assess
    expect(asked.size).toBeGreaterThan(0);
    expect([...asked].filter((getter) => !(getter in KEPT_SERVICE_CLIENTS))).toEqual([]);
  });

  it('leaves out the blocks of services nobody calls, and says which', () => {
    // Act
    const { text, kept, dropped } = askSdkModelSubset();

    // Assess
    expect(kept).toEqual(['ups']);
    expect(dropped).toContain('listManagement');
    expect(text).not.toContain('var ListManagementServiceClient = ');
    expect(text).toContain('var UpsServiceClient = ');
  });
});
