import { buildRecognitionIndex, type RecognitionIndex } from '../recognition';
import type { SidecarDb } from '../store/db';
import { readVersionedRecognitionInput, recognitionInputVersion, type RecognitionInput } from '../store/reads';

/**
 * The recognition index, kept in the worker's memory while it lives and
 * rebuilt when the store's recognition cache version changes (any write to
 * accounts, domains, stakeholders or own domains, by anyone) or after the
 * worker wakes. A cache only: every answer is the same as rebuilding.
 */
interface Built {
  version: string;
  input: RecognitionInput;
  index: RecognitionIndex;
}

const built = new WeakMap<SidecarDb, Built>();

export async function currentRecognition(db: SidecarDb): Promise<{ input: RecognitionInput; index: RecognitionIndex }> {
  const version = await recognitionInputVersion(db);
  const kept = built.get(db);
  if (kept && version !== null && kept.version === version) return kept;
  const read = await readVersionedRecognitionInput(db);
  const fresh = { input: read.input, index: buildRecognitionIndex(read.input) };
  if (read.version !== null) built.set(db, { version: read.version, ...fresh });
  return fresh;
}
