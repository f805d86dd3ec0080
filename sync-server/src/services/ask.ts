// Runs in Node. Ask for API clients: the same parser and answer as the device, over the published
// catalog and shared model. Ratings sent with a request rank its answer (folded in here, for this
// answer only) and are never stored or logged.
import { gunzipSync } from 'node:zlib';
import {
  catalogSchema,
  decodeSnapshot,
  type DeviceModel,
  factorCosineTo,
  foldIn,
  prepareDeviceModel,
  scoreAllItems,
} from '@filmfold/model';
import {
  AskCatalog,
  type AskAnswer,
  type AskContext,
  rowScorer,
  answerRequest,
  parseRequest,
} from '@filmfold/model/ask';
import type { Database } from '../db/database';
import { latestManifest, readArtifact } from './publishing';

interface AskState {
  version: string;
  catalog: AskCatalog;
  model: DeviceModel;
}

let memo: AskState | null = null;

/** The published catalog and model as Ask uses them, read once per version; null before the first. */
export async function askState(database: Database): Promise<AskState | null> {
  const manifest = await latestManifest(database);
  if (!manifest) return null;
  const version = `${manifest.catalog.version}/${manifest.model.version}`;
  if (memo?.version === version) return memo;
  const [catalogRow, modelRow] = await Promise.all([
    readArtifact(database, 'catalog', manifest.catalog.version),
    readArtifact(database, 'model', manifest.model.version),
  ]);
  if (!catalogRow || !modelRow) return null;
  const catalog = catalogSchema.parse(JSON.parse(gunzipSync(catalogRow.bytes).toString('utf8')));
  memo = {
    version,
    catalog: new AskCatalog(catalog.movies),
    model: prepareDeviceModel(decodeSnapshot(new Uint8Array(modelRow.bytes))),
  };
  return memo;
}

export interface AskInput {
  message: string;
  context?: AskContext;
  ratings?: { movieId: number; rating: number }[];
  /** Trending films in order, asked for only when the request is about trending. */
  trending?: () => Promise<readonly number[]>;
}

/** Answers one request: ranked by the sent ratings folded in, or by how well known and liked films are. */
export async function answerAsk(state: AskState, input: AskInput): Promise<AskAnswer> {
  const { catalog, model } = state;
  const rated = (input.ratings ?? []).filter((r) => model.indexOf(r.movieId) >= 0);
  const scores =
    rated.length > 0
      ? scoreAllItems(
          model.space,
          foldIn(model.space, {
            items: Int32Array.from(rated, (r) => model.indexOf(r.movieId)),
            ratings: Float32Array.from(rated, (r) => r.rating),
          }).vector,
          new Float32Array(model.space.numItems),
        )
      : null;
  const scorer = rowScorer(model, {
    ...(scores && { personal: (item: number) => scores[item]! }),
    similarityTo: (item) => factorCosineTo(model, item),
  });
  const ratedIds = new Set(rated.map((r) => r.movieId));
  const understood = parseRequest(input.message, catalog, input.context);
  const trending = understood.sort === 'trending' && input.trending ? await input.trending() : [];
  return answerRequest(understood, catalog, scorer, {
    seen: ratedIds,
    excluded: ratedIds,
    watchlist: new Set(),
    ...(trending.length ? { trending } : {}),
  });
}
