import { describe, expect, it } from 'vitest';
import { temporaryPassword } from './temporary-password';

describe('temporaryPassword', () => {
  it('has at least 12 characters with upper, lower, digit and symbol, and differs every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p.length).toBeGreaterThanOrEqual(12);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      expect(p).toMatch(/[^A-Za-z0-9]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
  it('refuses lengths under 12', () => {
    expect(() => temporaryPassword(8)).toThrow();
  });
});
