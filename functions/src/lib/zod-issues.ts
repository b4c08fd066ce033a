import type { ErrorDetail } from '@beatlink/shared';
import type { z } from 'zod';

/**
 * zod issues → error details, one per field, with dotted paths. An `unrecognized_keys` issue
 * names several keys at once; it becomes one detail per key, with that key as the path.
 */
export function issuesToDetails(issues: readonly z.core.$ZodIssue[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ path: [...base, key].join('.'), message: `不允许的字段 ${key} / unknown field ${key}` });
      }
    } else {
      details.push({ path: base.join('.'), message: issue.message });
    }
  }
  return details;
}
