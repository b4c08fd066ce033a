/**
 * Where an officer checked in, against the village's position. A check-in far from the village is
 * **flagged, never refused** (issue #4): phones lose GPS indoors and villages are large, so the
 * program office reviews flagged visits instead of the officer being locked out. Zod-free.
 */
import type { CheckInFlagReason } from './labels';

/** WGS-84 position, as the browser's geolocation API gives it (`fields.ts` geoPointSchema). */
export interface GeoPosition {
  lat: number;
  lng: number;
}

/** The mean Earth radius (IUGG), metres. */
const EARTH_RADIUS_METRES = 6_371_008.8;

const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine). Accurate to about 0.5 % (the Earth is not a
 * sphere), far below GPS error at village scale.
 */
export function haversineMetres(a: GeoPosition, b: GeoPosition): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface CheckInFlagInput {
  /** The village's recorded position; absent when the office has not entered one. */
  villagePosition?: GeoPosition | null;
  /** Where the phone says the officer is. */
  position: GeoPosition;
  /** Radius (metres, 68 % confidence) of the phone's fix; missing or invalid counts as 0. */
  accuracyMetres?: number | null;
  /** The tenant's allowed distance between check-in and village position, metres. */
  maxDistanceMetres: number;
  /** Optional: a fix less precise than this is flagged `inaccurate`. */
  maxAccuracyMetres?: number;
}

export interface CheckInFlag {
  /** Distance between the reported position and the village, whole metres (absent with no village position). */
  distanceMetres?: number;
  flagged: boolean;
  reason?: CheckInFlagReason;
}

/**
 * Flag a check-in when `distance − accuracy > maxDistance`: the benefit of the doubt goes to the
 * officer up to the phone's own error radius. Exactly at the limit is not flagged. A too-far
 * position is reported as `too_far` even when it is also inaccurate (the stronger finding).
 */
export function checkInFlag(input: CheckInFlagInput): CheckInFlag {
  if (!input.villagePosition) return { flagged: false, reason: 'no_village_position' };
  const distance = haversineMetres(input.villagePosition, input.position);
  const accuracy = input.accuracyMetres !== undefined && input.accuracyMetres !== null && Number.isFinite(input.accuracyMetres) && input.accuracyMetres > 0 ? input.accuracyMetres : 0;
  const distanceMetres = Math.round(distance);
  if (distance - accuracy > input.maxDistanceMetres) return { distanceMetres, flagged: true, reason: 'too_far' };
  if (input.maxAccuracyMetres !== undefined && accuracy > input.maxAccuracyMetres) {
    return { distanceMetres, flagged: true, reason: 'inaccurate' };
  }
  return { distanceMetres, flagged: false };
}
