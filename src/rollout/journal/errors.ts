/** Stable codes of journal failures; the file is in every message, since several estates may be involved. */
export type JournalErrorCode =
  | 'JOURNAL_NOT_FOUND'
  | 'JOURNAL_SCHEMA_TOO_NEW'
  | 'JOURNAL_SCHEMA_OLD'
  | 'JOURNAL_UNKNOWN_ROLLOUT'
  | 'JOURNAL_DUPLICATE_ROLLOUT'
  | 'JOURNAL_READ_ONLY'
  | 'JOURNAL_IO';

export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'JournalError';
  }
}
