import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('现场照片.jpg')).toBe(`attachment; filename="____.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg`);
  });

  it('keeps the header value ASCII and free of quotes that would end the parameter', () => {
    const value = contentDisposition(`调解"协议"(1)'s*.pdf`);
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    expect(value).toContain(`filename="______(1)'s*.pdf";`);
    expect(value.split('filename*=')[1]).toBe(`UTF-8''%E8%B0%83%E8%A7%A3%22%E5%8D%8F%E8%AE%AE%22%281%29%27s%2A.pdf`);
  });
});
