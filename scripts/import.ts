import { runImportCli, runMain } from './directory-import/cli';

/** `npm run import -- FILE [options]`: see `npm run import -- --help`. */
if (require.main === module) runMain(runImportCli);
