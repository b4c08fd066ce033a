import { DEFAULT_TENANT_CONFIG } from '@beatlink/shared';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/app-error';
import { mergeConfig } from './tenant-config';

const detailsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).details?.map((d) => d.path);
  }
  return undefined;
};

describe('mergeConfig', () => {
  it('merges a partial update into the whole configuration', () => {
    const merged = mergeConfig(DEFAULT_TENANT_CONFIG, { timeZone: 'Asia/Urumqi', directory: { maxWorkstationsPerOffice: 8 } });
    expect(merged.timeZone).toBe('Asia/Urumqi');
    expect(merged.directory).toEqual({ minWorkstationsPerOffice: 1, maxWorkstationsPerOffice: 8, auxiliariesPerOffice: 2 });
    expect(merged.duty).toEqual(DEFAULT_TENANT_CONFIG.duty);
  });
  it('refuses a minimum above the maximum, naming the field', () => {
    expect(detailsOf(() => mergeConfig(DEFAULT_TENANT_CONFIG, { directory: { minWorkstationsPerOffice: 7 } }))).toEqual(['directory.minWorkstationsPerOffice']);
  });
  it("refuses a contact officers' window that ends before it starts", () => {
    expect(detailsOf(() => mergeConfig(DEFAULT_TENANT_CONFIG, { duty: { contactOfficerWindowEnd: '12:00' } }))).toEqual(['duty.contactOfficerWindowEnd']);
  });
});
