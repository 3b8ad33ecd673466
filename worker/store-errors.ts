/**
 * Why the store refused a write or a read, as classes that the admin API and the CLI turn into
 * their own answers (a problem document, a `✘ ERROR:`). Writes run in a Durable Object, and RPC
 * keeps only an error's message, so {@link toRefusal} and {@link fromRefusal} carry these
 * across as plain data.
 */
import type { ParityIssue } from '../data/parity';

/** KV holds something that is not a valid stored revision. Readers fall back; writers repair. */
export class CorruptDataError extends Error {
  constructor(
    readonly key: string,
    readonly detail: string,
  ) {
    super(`KV key "${key}" holds an invalid document: ${detail}`);
    this.name = 'CorruptDataError';
  }
}

/** The write was based on a revision that is no longer current (HTTP 412). */
export class RevisionConflictError extends Error {
  constructor(
    readonly currentRevision: number,
    readonly baseRevision: number | undefined,
  ) {
    super(`the current revision is ${currentRevision}, the write was based on ${baseRevision ?? 'none'}`);
    this.name = 'RevisionConflictError';
  }
}

/** The document is valid on its own but not as a translation of the English revision it names. */
export class TranslationRefusedError extends Error {
  constructor(readonly issues: ParityIssue[]) {
    super(`the translation does not match the English revision it names: ${issues.length} problem(s)`);
    this.name = 'TranslationRefusedError';
  }
}

/**
 * A translation would reach readers while the English revision it translates has never been
 * published (a draft): they would read the draft's facts in another language. `publishing` is
 * the revision of the translation being published; absent for a write.
 */
export class UnpublishedSourceError extends Error {
  constructor(
    readonly id: string,
    readonly lang: string,
    readonly englishRevision: number,
    readonly englishPublished: number | null,
    readonly publishing?: number,
  ) {
    super(`the translation names English revision ${englishRevision}, a draft readers have never had`);
    this.name = 'UnpublishedSourceError';
  }
}

/** There is no such revision to read or roll back to. */
export class RevisionNotFoundError extends Error {
  constructor(readonly revision: number) {
    super(`there is no revision ${revision}`);
    this.name = 'RevisionNotFoundError';
  }
}

/** There is no document (release and language) to publish or unpublish. */
export class NoDocumentError extends Error {
  constructor(
    readonly id: string,
    readonly lang: string,
  ) {
    super(`there is no document ${id}/${lang}`);
    this.name = 'NoDocumentError';
  }
}

/** Who wrote a revision or why breaks a limit: too long, or characters a terminal would obey. */
export class RevisionNoteError extends Error {
  constructor(
    readonly field: 'author' | 'message',
    readonly problem: string,
  ) {
    super(`the revision's ${field} ${problem}`);
    this.name = 'RevisionNoteError';
  }
}

/** A refusal as plain data, for the trip back from the Durable Object. */
export type Refusal =
  | { kind: 'conflict'; currentRevision: number; baseRevision: number | undefined }
  | { kind: 'translation'; issues: ParityIssue[] }
  | {
      kind: 'unpublished-source';
      id: string;
      lang: string;
      englishRevision: number;
      englishPublished: number | null;
      publishing?: number;
    }
  | { kind: 'not-found'; revision: number }
  | { kind: 'no-document'; id: string; lang: string }
  | { kind: 'note'; field: 'author' | 'message'; problem: string }
  | { kind: 'corrupt'; key: string; detail: string };

/** The refusal `error` stands for, or `undefined` for an error that is not a refusal (a fault). */
export function toRefusal(error: unknown): Refusal | undefined {
  if (error instanceof RevisionConflictError) {
    return { kind: 'conflict', currentRevision: error.currentRevision, baseRevision: error.baseRevision };
  }
  if (error instanceof TranslationRefusedError) return { kind: 'translation', issues: error.issues };
  if (error instanceof UnpublishedSourceError) {
    const { id, lang, englishRevision, englishPublished, publishing } = error;
    return {
      kind: 'unpublished-source',
      id,
      lang,
      englishRevision,
      englishPublished,
      ...(publishing === undefined ? {} : { publishing }),
    };
  }
  if (error instanceof RevisionNotFoundError) return { kind: 'not-found', revision: error.revision };
  if (error instanceof NoDocumentError) return { kind: 'no-document', id: error.id, lang: error.lang };
  if (error instanceof RevisionNoteError) return { kind: 'note', field: error.field, problem: error.problem };
  if (error instanceof CorruptDataError) return { kind: 'corrupt', key: error.key, detail: error.detail };
  return undefined;
}

/** The error a {@link Refusal} came from, of the same class. */
export function fromRefusal(refusal: Refusal): Error {
  switch (refusal.kind) {
    case 'conflict':
      return new RevisionConflictError(refusal.currentRevision, refusal.baseRevision);
    case 'translation':
      return new TranslationRefusedError(refusal.issues);
    case 'unpublished-source':
      return new UnpublishedSourceError(
        refusal.id,
        refusal.lang,
        refusal.englishRevision,
        refusal.englishPublished,
        refusal.publishing,
      );
    case 'not-found':
      return new RevisionNotFoundError(refusal.revision);
    case 'no-document':
      return new NoDocumentError(refusal.id, refusal.lang);
    case 'note':
      return new RevisionNoteError(refusal.field, refusal.problem);
    case 'corrupt':
      return new CorruptDataError(refusal.key, refusal.detail);
  }
}
