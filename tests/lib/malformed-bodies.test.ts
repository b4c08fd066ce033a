import { describe, expect, it } from 'vitest';
import { tenantCreateSchema, villageCreateSchema } from '@beatlink/shared';
import { malformedBodies } from './malformed-bodies';

describe('malformed body generation', () => {
  it('makes every case fail validation at the path it names', () => {
    for (const schema of [tenantCreateSchema, villageCreateSchema]) {
      for (const c of malformedBodies(schema)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(c.rawBody);
        } catch {
          expect(c.expectPath).toBe('');
          continue;
        }
        const result = schema.safeParse(parsed);
        expect(result.success, c.name).toBe(false);
        const paths = result.error!.issues.flatMap((i) =>
          i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : [i.path.join('.')],
        );
        expect(paths, c.name).toContain(c.expectPath);
      }
    }
  });
  it('covers nested fields and division codes', () => {
    const names = malformedBodies(tenantCreateSchema).map((c) => c.name);
    expect(names).toContain('missing admin.username');
    expect(names).toContain('invalid division code 370200 in tenantId');
    expect(names).toContain('100 KB name');
  });
});
