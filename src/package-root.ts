import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json and schemas/. Compiled, this module is one level below it:
 * dist/package-root.js from tsc, or a chunk dist/ndraft-*.js of the bundle (scripts/bundle.js
 * keeps every chunk at that depth).
 */
export const PACKAGE_ROOT: string = fileURLToPath(new URL('..', import.meta.url));
