/**
 * A small XML writer for the Open311 answers: objects become elements named by their keys,
 * arrays repeat the element their parent's name calls for (`services` → `service`), booleans
 * and numbers are written as text, undefined fields are left out and null ones are empty.
 */
export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** Characters XML 1.0 does not allow at all (controls other than tab, newline, return; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  if (!NAME.test(name)) throw new Error(`Not an XML element name: ${name}`);
  if (value === undefined) return '';
  if (value === null) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`No item element for the list ${name}`);
    return `<${name}>${value.map((v) => element(item, v, itemNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => element(key, child, itemNames))
      .join('');
    return `<${name}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The document `<?xml …?><root>…</root>`; `itemNames` maps each list element to its items' element. */
export function renderXml(root: string, value: unknown, itemNames: Readonly<Record<string, string>>): string {
  return `${XML_DECLARATION}${element(root, value, itemNames)}`;
}
