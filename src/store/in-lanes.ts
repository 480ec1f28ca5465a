/**
 * How many file operations run at once: Node's I/O threads (4 unless UV_THREADPOOL_SIZE says
 * otherwise). On this kind of disk, a rename over an existing file or the creation of a file can
 * wait on the disk for milliseconds (ext4 writes the new content out first, see journal.ts);
 * four under way at once wait together.
 */
export const LANES = 4;

/**
 * Runs `step` on every item, `LANES` at a time. After a failure no further step starts; the
 * first error is thrown once the steps under way have ended, so that nothing still runs behind
 * the caller's back.
 */
export async function inLanes<T>(items: readonly T[], step: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await step(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, items.length) }, lane));
  if (failure) throw failure.error;
}
