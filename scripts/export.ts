import { runExportCli, runMain } from './directory-import/cli';

/** `npm run export -- FILE.csv|FILE.json [options]`: see `npm run export -- --help`. */
if (require.main === module) runMain(runExportCli);
