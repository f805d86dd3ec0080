// Runs in Node. Keys of shared throttles (an email, a client address) as the database stores them:
// their SHA-256 only, never the address itself.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const hashKey = (key: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(key)));
