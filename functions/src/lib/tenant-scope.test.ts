import { describe, expect, it } from 'vitest';
import { currentTenant, runAsPlatform, runInTenant, runInTenantIfAny } from './tenant-scope';

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('tenant scope', () => {
  it('is undefined outside any scope and inside runAsPlatform', async () => {
    expect(currentTenant()).toBeUndefined();
    expect(await runAsPlatform(async () => currentTenant())).toBeUndefined();
    expect(await runInTenant('370283', () => runAsPlatform(async () => currentTenant()))).toBeUndefined();
    expect(await runInTenantIfAny(undefined, async () => currentTenant())).toBeUndefined();
  });

  it('keeps each concurrent call in its own county across awaits, timers and nested promises', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const work = (county: string, delays: number[]) =>
      runInTenant(county, async () => {
        for (const delay of delays) {
          await tick(delay);
          seen.push([county, currentTenant()]);
          await Promise.all([tick(delay), Promise.resolve().then(() => seen.push([county, currentTenant()]))]);
        }
        return currentTenant();
      });
    const results = await Promise.all([work('370283', [5, 1, 3]), work('370211', [1, 4, 1]), work('370285', [3, 2, 2]), runInTenantIfAny('370282', async () => currentTenant())]);
    expect(results).toEqual(['370283', '370211', '370285', '370282']);
    expect(seen).toHaveLength(18);
    for (const [county, scope] of seen) expect(scope).toBe(county);
    expect(currentTenant()).toBeUndefined();
  });

  it('ends with its function, also when the function fails', async () => {
    await expect(runInTenant('370283', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(currentTenant()).toBeUndefined();
  });

  it('refuses a county code it does not know and a switch to another county', async () => {
    await expect(runInTenant('37028', async () => undefined)).rejects.toThrow(/not a county code/);
    await expect(runInTenant('370000', async () => undefined)).rejects.toThrow(/not a county code/);
    await expect(runInTenant('370283', () => runInTenant('370211', async () => undefined))).rejects.toThrow(/inside the scope of 370283/);
    expect(await runInTenant('370283', () => runInTenant('370283', async () => currentTenant()))).toBe('370283');
  });
});
