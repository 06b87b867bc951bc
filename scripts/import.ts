import { processIo, runImportCli } from './directory-import/cli';

/** `npm run import -- FILE [options]`: see `npm run import -- --help`. */
if (require.main === module) {
  runImportCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
