import { describe, expect, it } from 'vitest';
import { inLanes, LANES } from '../../src/store/in-lanes.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inLanes', () => {
  it('runs every step, never more than LANES at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inLanes(Array.from({ length: 25 }, (_, i) => i), async (i) => {
      running++;
      most = Math.max(most, running);
      await tick();
      done.push(i);
      running--;
    });
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(most).toBe(LANES);
  });

  it('starts no step after a failure, and throws the first error once the steps under way have ended', async () => {
    const started: number[] = [];
    let running = 0;
    const failing = inLanes(Array.from({ length: 40 }, (_, i) => i), async (i) => {
      started.push(i);
      running++;
      await tick();
      running--;
      if (i === 5) throw new Error('step 5 failed');
      if (i === 6) throw new Error('step 6 failed');
    });
    await expect(failing).rejects.toThrow('step 5 failed');
    expect(running).toBe(0);
    expect(started.length).toBeLessThan(40);
  });

  it('does nothing with nothing to do', async () => {
    await expect(inLanes([], () => Promise.reject(new Error('never')))).resolves.toBeUndefined();
  });
});
