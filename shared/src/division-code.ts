import * as z from 'zod';
import { isCountyCode, isProvinceCode, isVillageCode } from './division-code-rules';

export * from './division-code-rules';

export const countyCodeSchema = z
  .string()
  .refine(isCountyCode, { message: '须为县级行政区划代码（6 位，GB/T 2260） / must be a county-level GB/T 2260 code' })
  .meta({ format: 'gb2260-county' });

export const provinceCodeSchema = z
  .string()
  .refine(isProvinceCode, { message: '须为省级行政区划代码 / must be a province-level GB/T 2260 code' })
  .meta({ format: 'gb2260-province' });

export const villageCodeSchema = z
  .string()
  .refine(isVillageCode, { message: '须为 12 位村级区划代码 / must be a 12-digit village division code' })
  .meta({ format: 'gb2260-village' });
