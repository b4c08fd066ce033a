import { describe, expect, it } from 'vitest';
import { canList, intelListHref, readIntelFilters } from './query';

describe('intel list filters', () => {
  it('reads known filters from the URL and drops the rest', () => {
    expect(readIntelFilters(new URLSearchParams('villageId=vil_1&type=person&tag=出租房&verification=verified'))).toEqual({ villageId: 'vil_1', type: 'person', tag: '出租房', verification: 'verified' });
    expect(readIntelFilters(new URLSearchParams('villageId=x&type=people&verification=maybe&tag=%20'))).toEqual({});
  });

  it('writes them back in a stable order', () => {
    expect(intelListHref({ type: 'place', villageId: 'vil_1' })).toBe('/intel?villageId=vil_1&type=place');
    expect(intelListHref({})).toBe('/intel');
    expect(intelListHref({ tag: '重点' }, '/villages/view')).toBe('/villages/view?tag=%E9%87%8D%E7%82%B9');
  });

  it('needs a village unless the user reaches the county', () => {
    expect(canList({}, true)).toBe(true);
    expect(canList({}, false)).toBe(false);
    expect(canList({ villageId: 'vil_1' }, false)).toBe(true);
  });
});
