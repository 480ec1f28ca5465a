/**
 * What to say when the system refuses: a full disk, a permission, a read-only checkout. These
 * are not bugs in ndraft, and every write goes through a temporary file renamed into place, so
 * the draft is as it was.
 */
export function describeSystemError(error: NodeJS.ErrnoException): string | undefined {
  if (error.code === undefined || error.syscall === undefined) return undefined;
  const path = error.path ?? (error as { dest?: string }).dest;
  const on = path ? ` (${path})` : '';
  const unchanged = 'nothing was changed';
  switch (error.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full${on}; ${unchanged}. Free some space and run the command again`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied${on}; ${unchanged}. Check who owns the draft folder and its files`;
    case 'EROFS':
      return `the file system is read-only${on}; ${unchanged}. Work on a writable copy of the draft`;
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files${on}; ${unchanged}`;
    case 'EIO':
      return `the disk reported an input/output error${on}; ${unchanged}`;
    default:
      return `${error.message}; ${unchanged}`;
  }
}
