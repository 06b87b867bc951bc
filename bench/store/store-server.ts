import { startEmbeddedStore } from '../../local/embedded-store';

/**
 * The benchmark's store process: an in-memory dynalite on a free loopback port. It runs apart from
 * the process that measures, so the store's work and its large heap do not land in the skill's
 * timings, and the two share the machine's two cores.
 */
startEmbeddedStore()
  .then((store) => {
    process.send?.({ endpoint: store.endpoint });
    process.on('disconnect', () => {
      void store.close().finally(() => process.exit(0));
    });
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
