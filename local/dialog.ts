import { dialogBackends } from './dialog/dialog-backends';
import { runDialogCli } from './dialog/dialog-cli';

/**
 * `npm run dialog`: talk to the skill in a terminal, or `-- --replay FILE.dialog` to play a
 * scripted dialog (exit code 1 on the first mismatch, 2 for a usage or script error).
 */
async function main(): Promise<number> {
  return runDialogCli(
    process.argv.slice(2),
    {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      cwd: process.cwd(),
    },
    dialogBackends(),
  );
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
