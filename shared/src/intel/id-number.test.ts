import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  idCheckDigit,
  idNumberProblem,
  isIdRegionCode,
  isValidIdNumber,
  maskIdNumber,
  normaliseIdNumber,
  sexOf,
  syntheticIdNumber,
} from './id-number';
import { idNumberSchema } from './id-number-schema';

/**
 * Check digits worked out by hand: Σ digit × weight, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
 * then the sum mod 11 indexes `10X98765432`.
 */
const HAND = {
  // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
  // = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 → 'X'. The well-known sample (female).
  beijing: '11010519491231002X',
  // 21+63+0+10+64+12+2+9+54+0+0+9+0+5+8+8+6 = 271; 271 mod 11 = 7 → '5'. Seed county 平度 (male: 3 is odd).
  pingdu: '370283199001011235',
  // 21+9+0+5+0+16+4+0+0+0+0+18+20+45+8+8+6 = 160; 160 mod 11 = 6 → '6'. Born on a leap day.
  leapDay: '310104200002291236',
  // 28+36+0+15+0+32+4+0+6+6+0+27+10+25+32+16+4 = 241; 241 mod 11 = 10 → '2'.
  shenzhen: '440308201203154422',
  // 21+63+0+10+64+12+2+9+48+15+0+54+10+25+0+4+4 = 341; 341 mod 11 = 0 → '1'.
  checkOne: '370283198506150121',
  // 21+63+0+10+64+12+2+9+48+15+0+54+10+25+0+4+16 = 353; 353 mod 11 = 1 → '0'.
  checkZero: '370283198506150180',
};
const TODAY = { today: '2026-05-12' };

describe('GB 11643 check digit', () => {
  it('matches the hand-computed examples', () => {
    for (const [name, id] of Object.entries(HAND)) {
      expect(idCheckDigit(id.slice(0, 17)), name).toBe(id[17]);
      expect(isValidIdNumber(id, TODAY), name).toBe(true);
    }
  });

  it('rejects every other check character', () => {
    for (const c of '0123456789X') {
      const id = HAND.pingdu.slice(0, 17) + c;
      expect(idNumberProblem(id, TODAY)).toBe(c === '5' ? undefined : 'check_digit');
    }
  });

  it('catches a single mistyped digit and a swap of two neighbours', () => {
    expect(idNumberProblem('370283199001011245', TODAY)).toBe('check_digit');
    expect(idNumberProblem('370283199001011325', TODAY)).toBe('check_digit');
  });

  it('refuses a non-digit prefix', () => {
    expect(() => idCheckDigit('3702831990010112')).toThrow(RangeError);
  });
});

describe('validation', () => {
  it('accepts a lower-case x, full-width digits and spaces', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe(HAND.beijing);
    expect(normaliseIdNumber('３７０２８３１９９００１０１１２３５')).toBe(HAND.pingdu);
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(true);
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('11010519491231002', TODAY)).toBe('format');
    expect(idNumberProblem('1101051949123100211', TODAY)).toBe('format');
    expect(idNumberProblem('11010519491231X021', TODAY)).toBe('format');
    expect(idNumberProblem('130503670401001', TODAY)).toBe('format'); // a first-generation 15-digit number
    expect(idNumberProblem('', TODAY)).toBe('format');
    // 99 and 00 are no province.
    expect(idNumberProblem('990101199001011234', TODAY)).toBe('region');
    expect(idNumberProblem('000000199001011234', TODAY)).toBe('region');
    // 1900 and 2100 are not leap years; months and days must exist.
    expect(idNumberProblem('370283190002291234', TODAY)).toBe('birth_date');
    expect(idNumberProblem('370283199013011234', TODAY)).toBe('birth_date');
    expect(idNumberProblem('370283199004311234', TODAY)).toBe('birth_date');
    expect(idNumberProblem('370283189912311234', TODAY)).toBe('birth_date');
    expect(idNumberProblem('370283199001010004', TODAY)).toBe('sequence');
  });

  it('refuses a birth date after today', () => {
    const first17 = '37028320260513123';
    const id = first17 + idCheckDigit(first17);
    expect(idNumberProblem(id, { today: '2026-05-12' })).toBe('birth_date');
    expect(idNumberProblem(id, { today: '2026-05-13' })).toBeUndefined();
    // Without an explicit today, a number born in 2999 is in the future.
    const future = '37028329990101123';
    expect(idNumberProblem(future + idCheckDigit(future))).toBe('birth_date');
  });

  it('accepts region codes of Hong Kong, Macau and Taiwan residence permits', () => {
    expect(isIdRegionCode('810000')).toBe(true);
    expect(isIdRegionCode('820000')).toBe(true);
    expect(isIdRegionCode('830000')).toBe(true);
    expect(isIdRegionCode('370283')).toBe(true);
    expect(isIdRegionCode('910000')).toBe(false);
    expect(isIdRegionCode('37028')).toBe(false);
  });
});

describe('idNumberSchema', () => {
  it('parses to the normalised number', () => {
    expect(idNumberSchema.parse('11010519491231002x')).toBe(HAND.beijing);
    expect(idNumberSchema.parse(` ${HAND.pingdu} `)).toBe(HAND.pingdu);
  });

  it('rejects with the bilingual message', () => {
    for (const bad of ['11010519491231002', '110105194912310021', 'abc', '9'.repeat(18), 'x'.repeat(100)]) {
      const result = idNumberSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('须为有效的 18 位身份证号码 / must be a valid 18-digit ID number');
    }
    expect(idNumberSchema.safeParse(110105194912310020).success).toBe(false);
  });
});

describe('mask, birth date, sex, age', () => {
  it('keeps the first six and the last four', () => {
    expect(maskIdNumber(HAND.pingdu)).toBe('370283********1235');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('130503670401001')).toBe('****1001');
    expect(maskIdNumber('123')).toBe('****');
  });

  it('reads the birth date and the sex', () => {
    expect(birthDateOf(HAND.beijing)).toBe('1949-12-31');
    expect(birthDateOf(HAND.leapDay)).toBe('2000-02-29');
    expect(sexOf(HAND.beijing)).toBe('female');
    expect(sexOf(HAND.pingdu)).toBe('male');
    expect(birthDateOf('370283199001011234')).toBeUndefined();
    expect(sexOf('370283199001011234')).toBeUndefined();
  });

  it('counts age in whole years', () => {
    expect(ageOn(HAND.pingdu, '2026-05-12')).toBe(36);
    expect(ageOn(HAND.beijing, '2026-12-30')).toBe(76);
    expect(ageOn(HAND.beijing, '2026-12-31')).toBe(77);
    expect(ageOn(HAND.leapDay, '2001-02-28')).toBe(0);
    expect(ageOn(HAND.leapDay, '2001-03-01')).toBe(1);
    expect(ageOn(HAND.pingdu, '1989-12-31')).toBeUndefined();
  });
});

describe('synthetic ID numbers for demo data', () => {
  /** mulberry32, as the demo seed uses. */
  function seeded(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('is valid, in range and deterministic', () => {
    const random = seeded(42);
    const ids = Array.from({ length: 2000 }, () => syntheticIdNumber(random, { regionCode: '379901', birthYearRange: [1940, 2015] }));
    for (const id of ids) {
      expect(isValidIdNumber(id, TODAY), id).toBe(true);
      expect(id.slice(0, 6)).toBe('379901');
      const year = Number(id.slice(6, 10));
      expect(year).toBeGreaterThanOrEqual(1940);
      expect(year).toBeLessThanOrEqual(2015);
    }
    // Both sexes, every check character including X, over many draws.
    expect(new Set(ids.map((id) => sexOf(id)))).toEqual(new Set(['male', 'female']));
    expect(new Set(ids.map((id) => id[17])).size).toBe(11);
    const again = seeded(42);
    expect(syntheticIdNumber(again, { regionCode: '379901', birthYearRange: [1940, 2015] })).toBe(ids[0]);
  });

  it('honours the sex and the edges of the range', () => {
    const random = seeded(7);
    for (let i = 0; i < 200; i++) {
      expect(sexOf(syntheticIdNumber(random, { regionCode: '370283', birthYearRange: [1950, 1950], sex: 'female' }))).toBe('female');
      expect(sexOf(syntheticIdNumber(random, { regionCode: '370283', birthYearRange: [1950, 1950], sex: 'male' }))).toBe('male');
    }
    expect(syntheticIdNumber(() => 0, { regionCode: '370283', birthYearRange: [1980, 1981] }).slice(6, 17)).toBe('19800101001');
    expect(syntheticIdNumber(() => 0.999999999, { regionCode: '370283', birthYearRange: [1980, 1981] }).slice(6, 17)).toBe('19811231999');
    expect(syntheticIdNumber(() => 0.999999999, { regionCode: '370283', birthYearRange: [1980, 1980], sex: 'female' }).slice(14, 17)).toBe('998');
  });

  it('refuses a bad region or year range', () => {
    expect(() => syntheticIdNumber(Math.random, { regionCode: '990101', birthYearRange: [1980, 1990] })).toThrow(RangeError);
    expect(() => syntheticIdNumber(Math.random, { regionCode: '370283', birthYearRange: [1990, 1980] })).toThrow(RangeError);
    expect(() => syntheticIdNumber(Math.random, { regionCode: '370283', birthYearRange: [1850, 1980] })).toThrow(RangeError);
  });
});
