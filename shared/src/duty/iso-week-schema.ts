import * as z from 'zod';
import { isIsoWeek } from './iso-week';

/** An ISO week id of a week that exists (`2026-W20`). */
export const isoWeekSchema = z
  .string()
  .max(10)
  .refine(isIsoWeek, { message: '须为存在的 ISO 周 YYYY-Www（如 2026-W20） / must be an existing ISO week YYYY-Www (e.g. 2026-W20)' })
  .meta({ format: 'iso-week' });
