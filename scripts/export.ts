import { processIo, runExportCli } from './directory-import/cli';

/** `npm run export -- FILE.csv|FILE.json [options]`: see `npm run export -- --help`. */
if (require.main === module) {
  runExportCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
