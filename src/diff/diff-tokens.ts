/** A run of tokens in a diff: kept (neither flag), deleted from the old side, or inserted. */
export interface TokenRun {
  count: number;
  added: boolean;
  removed: boolean;
}

/**
 * The shortest edit from `old` to `next` as runs, tokens compared with `equals`. It is jsdiff's
 * Myers diff (`Diff.diffWithOptionsObj` of diff 9) step for step — the same diagonals visited,
 * the same tie-break between an insertion and a deletion, the same pruning once a path meets an
 * edge — so the runs are the ones jsdiff returns, and a word diff built on it reads exactly as
 * before. What differs is the bookkeeping: jsdiff allocates two objects per step (a path and a
 * linked component) and walks them back; here each step appends to flat arrays. No common suffix
 * is trimmed first: that would change which of two equal alignments is found.
 */
export function diffTokens<T>(old: ArrayLike<T>, next: ArrayLike<T>, equals: (a: T, b: T) => boolean = (a, b) => a === b): TokenRun[] {
  const oldLen = old.length;
  const newLen = next.length;
  // A path's last step: the step before it (-1 at the root), what it did (0 root, 1 insert,
  // 2 delete), and how many equal tokens it then went along its diagonal.
  const parent: number[] = [-1];
  const op: number[] = [0];
  const snake: number[] = [0];
  /** The common run from (oldPos + 1, oldPos + 1 - diagonal) on; records it on `node`, returns the last oldPos. */
  const extend = (node: number, oldPos: number, diagonal: number): number => {
    let newPos = oldPos - diagonal;
    const start = oldPos;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && equals(old[oldPos + 1] as T, next[newPos + 1] as T)) {
      newPos++;
      oldPos++;
    }
    snake[node] = oldPos - start;
    return oldPos;
  };
  let oldPos = extend(0, -1, 0);
  if (oldPos + 1 >= oldLen && oldPos + 1 >= newLen) return runs(0, parent, op, snake);

  // The best path on each diagonal (its last step, -1 for none, and its oldPos), jsdiff's bestPath.
  const reach = oldLen + newLen + 1;
  const bestNode = new Int32Array(2 * reach + 1).fill(-1);
  const bestOld = new Int32Array(2 * reach + 1);
  bestNode[reach] = 0;
  bestOld[reach] = oldPos;
  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let edits = 1; edits <= oldLen + newLen; edits++) {
    for (let k = Math.max(minDiagonal, -edits); k <= Math.min(maxDiagonal, edits); k += 2) {
      const removeNode = bestNode[reach + k - 1] as number;
      const removeOld = bestOld[reach + k - 1] as number;
      const addNode = bestNode[reach + k + 1] as number;
      const addOld = bestOld[reach + k + 1] as number;
      bestNode[reach + k - 1] = -1;
      const canAdd = addNode >= 0 && addOld - k >= 0 && addOld - k < newLen;
      const canRemove = removeNode >= 0 && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestNode[reach + k] = -1;
        continue;
      }
      const node = parent.length;
      if (!canRemove || (canAdd && removeOld < addOld)) {
        parent.push(addNode);
        op.push(1);
        oldPos = addOld;
      } else {
        parent.push(removeNode);
        op.push(2);
        oldPos = removeOld + 1;
      }
      snake.push(0);
      oldPos = extend(node, oldPos, k);
      const newPos = oldPos - k;
      if (oldPos + 1 >= oldLen && newPos + 1 >= newLen) return runs(node, parent, op, snake);
      bestNode[reach + k] = node;
      bestOld[reach + k] = oldPos;
      if (oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, k - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, k + 1);
    }
  }
  throw new Error('internal error: the diff found no path');
}

/** The steps from the root to `last` as runs, consecutive steps of one kind in one run (as jsdiff merges them). */
function runs(last: number, parent: readonly number[], op: readonly number[], snake: readonly number[]): TokenRun[] {
  const path: number[] = [];
  for (let node = last; node >= 0; node = parent[node] as number) path.push(node);
  const out: TokenRun[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i] as number;
    const kind = op[node] as number;
    if (kind !== 0) {
      const previous = out[out.length - 1];
      const added = kind === 1;
      if (previous !== undefined && previous.added === added && previous.removed === !added) previous.count++;
      else out.push({ count: 1, added, removed: !added });
    }
    const common = snake[node] as number;
    if (common > 0) out.push({ count: common, added: false, removed: false });
  }
  return out;
}
