// Runs in the browser. Short messages at the edge of the screen, and the one error handler.

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

class Toasts {
  items: Toast[] = $state([]);
  private nextId = 1;

  /** Shows a message for a few seconds (errors longer); returns its id. */
  show(message: string, options: { kind?: Toast['kind']; action?: Toast['action'] } = {}): number {
    const toast: Toast = {
      id: this.nextId++,
      message,
      kind: options.kind ?? 'info',
      action: options.action,
    };
    this.items = [...this.items.slice(-3), toast];
    setTimeout(() => this.dismiss(toast.id), toast.kind === 'error' ? 10_000 : 6_000);
    return toast.id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toasts = new Toasts();

/** What a person reads for an error; bugs get a general line, known failures a useful one. */
export function describeError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return 'This device is out of storage space: nothing was saved. Free some space and try again.';
    case 'DatabaseClosedError':
    case 'MissingAPIError':
    case 'InvalidStateError':
      return 'This browser is not letting Filmfold use its storage (private browsing?).';
    case 'ClockError':
      return 'This device’s clock looks wrong, so the change was not saved. Check the date and time.';
    default:
      return 'Something went wrong. Your data is safe; please try again.';
  }
}

/** The one error handler: logs the error and tells the person in a toast. */
export function handleError(err: unknown, context = 'Filmfold'): void {
  console.error(`${context}:`, err);
  toasts.show(describeError(err), { kind: 'error' });
}
