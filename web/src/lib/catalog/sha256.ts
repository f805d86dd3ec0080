// Runs in browser and worker. SHA-256 with the platform's native hashing, as the manifest writes it.

/** The SHA-256 of `bytes`, in lowercase hex. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
