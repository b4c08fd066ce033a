import { maskPhone } from '@beatlink/shared';
import { decryptField, encryptField } from '../personal-data/field-cipher';

/** Purposes bind a ciphertext to its field (AAD): a reporter's phone never decrypts as a party's. */
export const PHONE_PURPOSES = { reporter: 'matter.reporter.phone', party: 'matter.party.phone' } as const;
export type PhonePurpose = (typeof PHONE_PURPOSES)[keyof typeof PHONE_PURPOSES];

export interface SealedPhone {
  phoneMasked: string;
  phoneCipher: string;
}

/** A phone as it is stored: encrypted, with its masked form for every response. */
export async function sealPhone(tenantId: string, phone: string, purpose: PhonePurpose): Promise<SealedPhone> {
  return { phoneMasked: maskPhone(phone), phoneCipher: await encryptField(tenantId, phone, purpose) };
}

export function openPhone(tenantId: string, sealed: Pick<SealedPhone, 'phoneCipher'>, purpose: PhonePurpose): Promise<string> {
  return decryptField(tenantId, sealed.phoneCipher, purpose);
}
