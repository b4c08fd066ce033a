/**
 * `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): browsers that read `filename*` save
 * under the original Chinese name; the ASCII `filename` is the fallback for those that do not.
 * Header values must be ASCII, so the UTF-8 name is percent-encoded (RFC 5987 attr-chars only).
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
