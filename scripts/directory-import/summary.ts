import type { DirectoryFileFormat, Rejection } from './read-directory-file';

/** The outcome of an import, as `importDirectoryFile` returns it and the CLI prints it. */
export interface ImportSummary {
  readonly file: string;
  readonly format: DirectoryFileFormat;
  readonly dryRun: boolean;
  /** Contacts read from good rows. */
  readonly contacts: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Unchanged contacts whose entries had to be rewritten (after an interrupted run, say). */
  readonly repaired: number;
  /** Contacts deleted (or, in a dry run, that would be) because `--prune` was given. */
  readonly pruned: number;
  /** True when `--prune` was given but skipped because rows were rejected. */
  readonly pruneSkipped: boolean;
  readonly rejections: readonly Rejection[];
  readonly warnings: readonly string[];
  readonly writes: {
    /** Contact and entry items put and deleted (planned, in a dry run). */
    readonly itemsPut: number;
    readonly itemsDeleted: number;
    readonly groupsPut: number;
    readonly groupsDeleted: number;
    /** BatchWriteItem calls, retries included. */
    readonly calls: number;
    readonly retries: number;
  };
  readonly elapsedMs: number;
}

/** The lines the CLI prints at the end, the first of which reads "0 added, 0 updated, 37 unchanged". */
export function formatSummary(summary: ImportSummary): string[] {
  const parts = [`${summary.added} added`, `${summary.updated} updated`, `${summary.unchanged} unchanged`];
  if (summary.repaired > 0) parts.push(`${summary.repaired} repaired`);
  if (summary.pruned > 0 || summary.pruneSkipped) parts.push(`${summary.pruned} pruned`);
  if (summary.rejections.length > 0) parts.push(`${summary.rejections.length} rejected`);
  const seconds = summary.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(summary.contacts / seconds) : summary.contacts;
  const { writes } = summary;
  const [put, deleted] = summary.dryRun ? ['Would put', 'delete'] : ['Put', 'deleted'];
  return [
    `${summary.dryRun ? 'Dry run, nothing written: ' : ''}${parts.join(', ')} ` +
      `(${summary.contacts} contacts in ${summary.file}, ${seconds.toFixed(1)} s, ${rate.toLocaleString('en-US')} contacts/s)`,
    `${put} ${writes.itemsPut} items and ${deleted} ${writes.itemsDeleted}; ` +
      `browse groups: ${writes.groupsPut} written, ${writes.groupsDeleted} deleted` +
      (summary.dryRun ? '' : `; ${writes.calls} BatchWriteItem calls, ${writes.retries} retries`),
  ];
}
