/**
 * A test hook for crash safety: with NDRAFT_FAULT_AT=<n> in the environment, the n-th step that
 * writes, renames or removes a file of a draft (counted from 1 in this process) kills the process
 * with SIGKILL, exactly as `kill -9` would at that instruction. Without it, a step costs a
 * comparison. Documented in README ("Crash safety"); never set by ndraft itself.
 */
let remaining = faultAt(process.env.NDRAFT_FAULT_AT);

function faultAt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value) > 0 ? Number(value) : undefined;
}

export function faultPoint(): void {
  if (remaining === undefined) return;
  remaining -= 1;
  if (remaining === 0) process.kill(process.pid, 'SIGKILL');
}
