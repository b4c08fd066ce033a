import { describe, expect, it } from 'vitest';
import { escapeXml, renderXml, XML_DECLARATION } from './xml';

describe('renderXml', () => {
  it('writes the declaration, lists with their item element, and leaves undefined out', () => {
    const xml = renderXml('services', [{ service_code: 'a', metadata: true, keywords: undefined }, { service_code: 'b', metadata: false }], { services: 'service' });
    expect(xml).toBe(`${XML_DECLARATION}<services><service><service_code>a</service_code><metadata>true</metadata></service><service><service_code>b</service_code><metadata>false</metadata></service></services>`);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('nests lists by the names given and writes null as an empty element', () => {
    const xml = renderXml('service_definition', { service_code: 'x', attributes: [{ code: 'kind', values: [{ key: 'demand', name: '群众诉求' }] }], note: null }, { attributes: 'attribute', values: 'value' });
    expect(xml).toContain('<attributes><attribute><code>kind</code><values><value><key>demand</key><name>群众诉求</name></value></values></attribute></attributes>');
    expect(xml).toContain('<note/>');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(renderXml('errors', [{ code: 400, description: 'x < y & "z"' }], { errors: 'error' })).toContain('<description>x &lt; y &amp; &quot;z&quot;</description>');
  });

  it('refuses a list without an item name and a bad element name', () => {
    expect(() => renderXml('things', [1], {})).toThrow(/item element/);
    expect(() => renderXml('a b', 'x', {})).toThrow(/element name/);
  });
});
