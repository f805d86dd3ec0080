// Runs in the browser. What a sync round comes to, and how a refusal from the server is named.

export type SyncOutcome =
  | {
      ok: true;
      pushed: number;
      pulled: number;
      /** Changes the server refused in this round, set aside for the person. */
      setAside: number;
      /** Cells put right after the digests disagreed: re-pulled winners and re-sent values. */
      repaired: number;
      /** Digest buckets that still disagree after a repair: shown, never silent. */
      unrepaired: number;
    }
  | {
      ok: false;
      reason: 'offline' | 'server-trouble' | 'signed-out' | 'update-required' | 'refused';
      message: string;
    };

export type Failure = Extract<SyncOutcome, { ok: false }>;

/** A refusal the device can act on: which code the server gave, and its words. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** The server's error code and words, from its JSON error body. */
export async function refusalOf(res: Response): Promise<Refusal> {
  let code = `http_${res.status}`;
  let message = `The server answered ${res.status}.`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // Not a JSON error body (a proxy page, say): the status says enough.
  }
  return { status: res.status, code, message };
}

/** What a refusal means for this round: signed out, update, server trouble or refused. */
export function failureOf(refusal: Refusal): Failure {
  const { status, message } = refusal;
  if (status === 401) return { ok: false, reason: 'signed-out', message: 'Sign in again to sync.' };
  if (status === 426) return { ok: false, reason: 'update-required', message };
  if (status >= 500 || status === 429)
    return { ok: false, reason: 'server-trouble', message: 'The server is having trouble.' };
  return { ok: false, reason: 'refused', message };
}
