// Runs in the browser. What the server behind this app offers beyond MovieLens (TMDB details,
// OMDb ratings), from its /api/health, remembered on the device so an offline start says the same:
// credits and sections appear only for providers that are really there.
import { apiClient, NetworkError } from '$lib/api/client';
import type { FilmfoldDb } from '$lib/db/database';
import { getSetting, putSetting } from '$lib/db/settings';

class ServerFeatures {
  /** Posters, cast, trailers and where to watch, from TMDB (and JustWatch through it). */
  hasTmdb = $state(false);
  /** IMDb, Rotten Tomatoes and Metacritic ratings, from OMDb. */
  hasOmdb = $state(false);

  /** The remembered answer at once, then the server's own when it can be reached. */
  async load(db: FilmfoldDb): Promise<void> {
    const remembered = await getSetting(db, 'serverFeatures');
    if (remembered) this.set(remembered);
    try {
      const res = await apiClient().api.health.$get();
      if (!res.ok) return;
      const { metadata } = await res.json();
      const features = {
        hasTmdb: metadata.tmdb.state !== 'unconfigured',
        hasOmdb: metadata.omdb.state !== 'unconfigured',
      };
      this.set(features);
      await putSetting(db, 'serverFeatures', features);
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
    }
  }

  private set(features: { hasTmdb: boolean; hasOmdb: boolean }) {
    this.hasTmdb = features.hasTmdb;
    this.hasOmdb = features.hasOmdb;
  }
}

export const serverFeatures = new ServerFeatures();
