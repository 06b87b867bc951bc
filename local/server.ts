import { randomUUID } from 'node:crypto';
import { createLogger } from '../lambda/src/logger';
import { testConsoleRoutes } from './console/test-console';
import { createAlexaServer, type DevRoute } from './http-server';
import { loadLocalSettings } from './local-config';
import { startLocalSkill } from './local-skill';
import { AlexaRequestVerifier } from './request-verifier';

/**
 * `npm start`: the skill on http://127.0.0.1:3000. `POST /alexa` verifies every request like the
 * Alexa service requires; development routes (the test console) answer loopback callers only.
 */
export async function main(devRoutes: readonly DevRoute[] = []): Promise<void> {
  const settings = loadLocalSettings();
  const local = await startLocalSkill({
    dataDir: settings.dataDir,
    storePort: settings.storePort,
    seedFile: settings.seedFile,
    environment: settings.skillEnvironment,
  });
  const logger = createLogger({ level: local.config.logLevel });
  if (local.seeded) {
    logger.info('Seeded the local directory', {
      file: 'data/sample-directory.csv',
      added: local.seeded.added,
      rejected: local.seeded.rejections.length,
    });
  }
  const server = createAlexaServer({
    // Each request is an invocation with an id of its own, as Lambda gives it, so the local log
    // reads like CloudWatch's: Alexa's request id and the invocation's on every line.
    invokeSkill: (envelope) => local.skill.invoke(envelope, { awsRequestId: randomUUID() }),
    verifier: new AlexaRequestVerifier({ skillId: local.config.skillId }),
    devRoutes: [...testConsoleRoutes(local), ...devRoutes],
    log: (line) => process.stdout.write(`${line}\n`),
  });
  const address = await server.listen(settings.port, settings.host);
  const url = `http://${address.address}:${address.port}`;
  process.stdout.write(
    [
      '',
      `Front Desk is running at ${url}`,
      `  POST ${url}/alexa   the skill (requests must be signed by Alexa)`,
      `  GET  ${url}/        the test console (this machine only)`,
      `  store: ${local.store.endpoint} (data in .data/)`,
      '',
    ].join('\n'),
  );
  const stop = async (): Promise<void> => {
    await server.close();
    await local.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
