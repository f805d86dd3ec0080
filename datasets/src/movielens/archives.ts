// Runs in Node. The official MovieLens archives Filmfold knows how to verify.

export interface KnownArchive {
  name: string;
  url: string;
  /** How to verify the bytes: sha256 where one is known, else GroupLens' own published md5. */
  checksum: { algorithm: 'sha256' | 'md5'; digest: string };
  /** Size in bytes, for progress when the server sends no Content-Length. */
  bytes?: number;
}

const BASE = 'https://files.grouplens.org/datasets/movielens';

/**
 * Archives as GroupLens publishes them. ml-latest-small is the 2018-09-26 release
 * (978,202 bytes); ml-100k's only published checksum is GroupLens' ml-100k.zip.md5.
 */
export const KNOWN_ARCHIVES: Readonly<Record<string, KnownArchive>> = {
  'ml-latest-small': {
    name: 'ml-latest-small',
    url: `${BASE}/ml-latest-small.zip`,
    checksum: {
      algorithm: 'sha256',
      digest: '696d65a3dfceac7c45750ad32df2c259311949efec81f0f144fdfb91ebc9e436',
    },
    bytes: 978_202,
  },
  'ml-25m': {
    name: 'ml-25m',
    url: `${BASE}/ml-25m.zip`,
    checksum: {
      algorithm: 'sha256',
      digest: '8b21cfb7eb1706b4ec0aac894368d90acf26ebdfb6aced3ebd4ad5bd1eb9c6aa',
    },
  },
  'ml-32m': {
    name: 'ml-32m',
    url: `${BASE}/ml-32m.zip`,
    checksum: {
      algorithm: 'sha256',
      digest: 'e4a68655d7386b8f95f2f2424b2ff975dfdd15ffd59e0d864a14dca43e99d6ee',
    },
  },
  'ml-100k': {
    name: 'ml-100k',
    url: `${BASE}/ml-100k.zip`,
    checksum: { algorithm: 'md5', digest: '0e33842e24a9c977be4e0107933c0723' },
  },
};
