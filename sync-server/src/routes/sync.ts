// Runs in Node. Multi-device sync: push and pull, and the digest and cells that find and repair
// divergence.
import {
  cellsQuerySchema,
  cellsResponseSchema,
  digestQuerySchema,
  digestResponseSchema,
  pullQuerySchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  SYNC_PROTOCOL_VERSION,
} from '@filmfold/model';
import { Hono } from 'hono';
import type { Database } from '../db/database';
import { ApiError } from '../errors';
import { documented } from '../http/documented';
import { jsonInput, queryInput } from '../http/validate';
import { requireUser, type SessionEnv, signedIn } from '../middleware/session';
import { pullChanges, pushChanges } from '../services/sync';
import { cellsInBuckets, digestOfCells } from '../services/sync-digest';

function requireProtocol(version: number): void {
  if (version !== SYNC_PROTOCOL_VERSION) {
    throw new ApiError(
      426,
      'update_required',
      `This app speaks sync protocol ${version}; the server speaks ${SYNC_PROTOCOL_VERSION}. Update Filmfold to sync again.`,
    );
  }
}

export function syncRoutes(database: Database) {
  return new Hono<SessionEnv>()
    .post(
      '/sync/push',
      documented({
        summary: 'Send changes (idempotent by device and mutation id)',
        isSignedIn: true,
        ok: { status: 200, description: 'Applied', schema: pushResponseSchema },
        errors: [400, 401, 403, 413, 415, 426],
      }),
      signedIn,
      jsonInput(pushRequestSchema),
      async (c) => {
        const { user } = requireUser(c);
        const request = c.req.valid('json');
        requireProtocol(request.protocolVersion);
        const outcome = await pushChanges(database, user.id, request);
        if (!outcome.ok) throw new ApiError(400, outcome.reason.replace('-', '_'), outcome.message);
        return c.json(outcome.response, 200);
      },
    )
    .get(
      '/sync/pull',
      documented({
        summary: 'Changes after a cursor, oldest first',
        isSignedIn: true,
        ok: { status: 200, description: 'A page of changes', schema: pullResponseSchema },
        errors: [400, 401, 426],
      }),
      signedIn,
      queryInput(pullQuerySchema),
      async (c) => {
        const { user } = requireUser(c);
        const query = c.req.valid('query');
        requireProtocol(query.protocolVersion);
        return c.json(await pullChanges(database, user.id, query), 200);
      },
    )
    .get(
      '/sync/digest',
      documented({
        summary: "A digest of the person's cells by bucket, to find divergence",
        isSignedIn: true,
        ok: { status: 200, description: 'The digest', schema: digestResponseSchema },
        errors: [400, 401, 426],
      }),
      signedIn,
      queryInput(digestQuerySchema),
      async (c) => {
        const { user } = requireUser(c);
        requireProtocol(c.req.valid('query').protocolVersion);
        return c.json(await digestOfCells(database, user.id), 200);
      },
    )
    .get(
      '/sync/cells',
      documented({
        summary: 'Every cell in the given digest buckets, to repair divergence',
        isSignedIn: true,
        ok: { status: 200, description: 'The cells', schema: cellsResponseSchema },
        errors: [400, 401, 426],
      }),
      signedIn,
      queryInput(cellsQuerySchema),
      async (c) => {
        const { user } = requireUser(c);
        const query = c.req.valid('query');
        requireProtocol(query.protocolVersion);
        return c.json(await cellsInBuckets(database, user.id, query.buckets), 200);
      },
    );
}
