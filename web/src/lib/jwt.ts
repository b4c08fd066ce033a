/** A decoded JWT in the shape Amplify keeps tokens in (`{ payload, toString() }`). */
export interface DecodedJwt {
  payload: Record<string, unknown> & { exp?: number; iat?: number };
  toString(): string;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads a JWT's payload without verifying it (the API verifies; the portal only needs claims). */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new Error('Invalid token');
  const payload = JSON.parse(base64UrlDecode(parts[1])) as DecodedJwt['payload'];
  return { payload, toString: () => token };
}
