import * as z from 'zod';
import { isValidIdNumber, normaliseIdNumber } from './id-number';

/** A valid 18-digit ID number; the parsed value is normalised (spaces removed, `x` → `X`). */
export const idNumberSchema = z
  .string()
  .max(40, { message: '须为有效的 18 位身份证号码 / must be a valid 18-digit ID number' })
  .overwrite(normaliseIdNumber)
  .refine((v) => isValidIdNumber(v), { message: '须为有效的 18 位身份证号码 / must be a valid 18-digit ID number' })
  .meta({ format: 'gb11643' });
