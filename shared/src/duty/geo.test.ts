import { describe, expect, it } from 'vitest';
import { checkInFlag, haversineMetres } from './geo';

/** A village in the seed county (平度市). */
const VILLAGE = { lat: 36.7869, lng: 119.9597 };
/** Metres per degree of latitude on the mean sphere: 2π · 6 371 008.8 / 360. */
const DEGREE = 111_195.08;

describe('haversine distance', () => {
  it('is 0 at the same point and symmetric', () => {
    expect(haversineMetres(VILLAGE, VILLAGE)).toBe(0);
    const other = { lat: 36.8, lng: 119.97 };
    expect(haversineMetres(VILLAGE, other)).toBeCloseTo(haversineMetres(other, VILLAGE), 6);
  });

  it('measures a degree of latitude and of longitude on the equator', () => {
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(DEGREE, 0);
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(DEGREE, 0);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const d = haversineMetres({ lat: 60, lng: 10 }, { lat: 60, lng: 10.001 });
    expect(d).toBeCloseTo(DEGREE * 0.001 * 0.5, 1);
  });

  it('measures Beijing to Shanghai at about 1 067 km', () => {
    const d = haversineMetres({ lat: 39.9042, lng: 116.4074 }, { lat: 31.2304, lng: 121.4737 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
  });

  it('crosses the antimeridian the short way', () => {
    expect(haversineMetres({ lat: 0, lng: 179.9995 }, { lat: 0, lng: -179.9995 })).toBeCloseTo(DEGREE * 0.001, 1);
  });
});

describe('check-in flag', () => {
  const north = (metres: number) => ({ lat: VILLAGE.lat + metres / DEGREE, lng: VILLAGE.lng });

  it('does not flag a check-in in the village', () => {
    expect(checkInFlag({ villagePosition: VILLAGE, position: north(120), accuracyMetres: 30, maxDistanceMetres: 1000 })).toEqual({
      distanceMetres: 120,
      flagged: false,
    });
  });

  it('flags a check-in farther than the limit even at the edge of its accuracy circle', () => {
    expect(checkInFlag({ villagePosition: VILLAGE, position: north(1112), accuracyMetres: 50, maxDistanceMetres: 1000 })).toEqual({
      distanceMetres: 1112,
      flagged: true,
      reason: 'too_far',
    });
  });

  it('gives the benefit of the doubt up to the accuracy radius', () => {
    expect(checkInFlag({ villagePosition: VILLAGE, position: north(1112), accuracyMetres: 150, maxDistanceMetres: 1000 }).flagged).toBe(false);
    // Exactly at the limit is not flagged; a metre beyond is.
    const position = north(1500);
    const distance = haversineMetres(VILLAGE, position);
    expect(checkInFlag({ villagePosition: VILLAGE, position, accuracyMetres: distance - 1000, maxDistanceMetres: 1000 }).flagged).toBe(false);
    expect(checkInFlag({ villagePosition: VILLAGE, position, accuracyMetres: distance - 1001, maxDistanceMetres: 1000 }).flagged).toBe(true);
  });

  it('treats a missing, negative or non-numeric accuracy as 0', () => {
    for (const accuracyMetres of [undefined, null, -300, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkInFlag({ villagePosition: VILLAGE, position: north(1100), accuracyMetres, maxDistanceMetres: 1000 }).flagged).toBe(true);
    }
  });

  it('does not flag, and says why, when the village has no position', () => {
    expect(checkInFlag({ villagePosition: undefined, position: north(50_000), accuracyMetres: 10, maxDistanceMetres: 1000 })).toEqual({
      flagged: false,
      reason: 'no_village_position',
    });
    expect(checkInFlag({ villagePosition: null, position: north(50_000), maxDistanceMetres: 1000 }).reason).toBe('no_village_position');
  });

  it('flags a fix too imprecise to tell when the caller sets a limit', () => {
    const base = { villagePosition: VILLAGE, position: north(300), accuracyMetres: 5000, maxDistanceMetres: 1000 };
    expect(checkInFlag(base)).toEqual({ distanceMetres: 300, flagged: false });
    expect(checkInFlag({ ...base, maxAccuracyMetres: 500 })).toEqual({ distanceMetres: 300, flagged: true, reason: 'inaccurate' });
    // Too far wins over inaccurate.
    expect(checkInFlag({ ...base, position: north(20_000), maxAccuracyMetres: 500 }).reason).toBe('too_far');
  });
});
