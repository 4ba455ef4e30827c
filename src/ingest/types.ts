/** The ingest stage's item type (its own module so readers and the entry point share it without a cycle). */
import type { RawRecord, Skip } from '../doc/types.js';

export type IngestItem = { kind: 'record'; record: RawRecord } | { kind: 'skip'; skip: Skip };
