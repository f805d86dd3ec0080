// Runs in the browser. The app's main destinations, shared by the header (wide screens) and the
// bottom tab bar (phones), so both always list the same places in the same order.
import { resolve } from '$app/paths';

export interface NavItem {
  href: string;
  label: string;
  /** A 24 × 24 outline icon, as SVG path data. */
  icon: string;
  matches: (path: string) => boolean;
  /** In the phone's tab bar too (Account sits behind the sync status there). */
  isTab: boolean;
}

export const navItems = (): NavItem[] => [
  {
    href: resolve('/for-you'),
    label: 'For you',
    icon: 'M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7z',
    matches: (path) => ['/for-you', '/welcome', '/start'].some((p) => path.startsWith(p)),
    isTab: true,
  },
  {
    href: resolve('/'),
    label: 'Browse',
    icon: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
    matches: (path) => path === '/' || path.startsWith('/films'),
    isTab: true,
  },
  {
    href: resolve('/ask'),
    label: 'Ask',
    icon: 'M4 5h16v11H9l-5 4zM8 9h8M8 12h5',
    matches: (path) => path.startsWith('/ask'),
    isTab: true,
  },
  {
    href: resolve('/my'),
    label: 'My films',
    icon: 'M6 3h12v18l-6-4-6 4z',
    matches: (path) => path.startsWith('/my'),
    isTab: true,
  },
  {
    href: resolve('/taste'),
    label: 'Taste',
    icon: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
    matches: (path) => path.startsWith('/taste'),
    isTab: true,
  },
  {
    href: resolve('/account'),
    label: 'Account',
    icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
    matches: (path) => path.startsWith('/account'),
    isTab: false,
  },
];
