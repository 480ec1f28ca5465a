import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { usageError } from '../diagnostics/diagnostic.js';
import { DRAFT_FILE } from './paragraph-file-name.js';

/**
 * Which draft a command works on: `--draft DIR` when given; else the folder holding draft.yaml,
 * the current one or the nearest above it; else the single draft under `./drafts/`.
 */
export function locateDraft(options: { explicit?: string | undefined; cwd: string }): string {
  if (options.explicit !== undefined) {
    const dir = resolve(options.cwd, options.explicit);
    // A wrong --draft is a usage error (exit 2), like any other wrong option value.
    if (!existsSync(dir)) throw usageError(`--draft ${options.explicit}: no such folder`);
    if (!statSync(dir).isDirectory()) throw usageError(`--draft must name a folder, not a file: ${options.explicit}`);
    if (!existsSync(join(dir, DRAFT_FILE))) {
      throw usageError(`--draft ${options.explicit} is not a draft: it has no ${DRAFT_FILE} (create one with "ndraft import")`);
    }
    return dir;
  }

  for (let dir = resolve(options.cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, DRAFT_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }

  const drafts = join(resolve(options.cwd), 'drafts');
  const found = existsSync(drafts)
    ? readdirSync(drafts, { withFileTypes: true })
        // A dot-folder is no draft: an import's staging folder left by a kill holds a draft.yaml too.
        .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(join(drafts, e.name, DRAFT_FILE)))
        .map((e) => join(drafts, e.name))
        .sort()
    : [];
  if (found.length === 1) return found[0] as string;
  if (found.length > 1) {
    throw usageError(
      `several drafts under ./drafts; choose one with --draft:\n${found.map((d) => `  --draft ${relative(options.cwd, d)}`).join('\n')}`,
    );
  }
  throw usageError(
    'no draft here: run ndraft inside a draft folder (one with draft.yaml), pass --draft DIR, or import one with "ndraft import FILE --out DIR"',
  );
}
