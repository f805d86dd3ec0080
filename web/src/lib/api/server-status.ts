// Runs in the browser.
import { apiClient, type ApiClient } from './client';

export type ServerStatus =
  { state: 'checking' } | { state: 'online'; since: string } | { state: 'offline'; reason: string };

/** Asks the sync server whether it is up; offline is an answer, not an exception. */
export async function fetchServerStatus(client: ApiClient = apiClient()): Promise<ServerStatus> {
  try {
    const res = await client.api.health.$get();
    if (!res.ok) return { state: 'offline', reason: `The server answered ${res.status}.` };
    const body = await res.json();
    return { state: 'online', since: body.startedAt };
  } catch {
    return { state: 'offline', reason: 'The server cannot be reached.' };
  }
}

/** One line a person reads in the status bar. */
export function describeServerStatus(status: ServerStatus): string {
  switch (status.state) {
    case 'checking':
      return 'Checking the sync server…';
    case 'online':
      return 'Sync server online';
    case 'offline':
      return `Working offline. ${status.reason}`;
  }
}
