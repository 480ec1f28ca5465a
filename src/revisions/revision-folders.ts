import { join } from 'node:path';

/** Where a draft keeps its revisions: manifests in `revisions/`, their files' bytes in `revisions/objects/`. */
export const REVISIONS_DIR = 'revisions';
export const OBJECTS_DIR = join(REVISIONS_DIR, 'objects');
