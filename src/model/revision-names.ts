/**
 * The names revisions may take, apart from their schema (`revision-schema.ts`): the commands
 * that only name or write revisions (compare, status --revisions, import, snapshot) check them
 * without loading zod and the schemas (~70 ms), which only reading a manifest needs.
 */

/**
 * A revision's name: safe as a file name everywhere (it names `revisions/<name>.yaml`), e.g.
 * "import", "Rev.1", "rev2-informal". Two names may not differ only in case.
 */
export const REVISION_NAME_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;

/** The name that stands for the draft as it is now, never a stored revision's. */
export const WORKING_DRAFT = 'working';
