// Runs in the browser. Errors SvelteKit catches (in loads and navigation) go to the one handler.
import type { HandleClientError } from '@sveltejs/kit';
import { handleError as report } from '$lib/ui/toasts.svelte';

export const handleError: HandleClientError = ({ error, status }) => {
  if (status !== 404) report(error, 'Navigation');
  return { message: status === 404 ? 'This page does not exist.' : 'Something went wrong.' };
};
