// Runs in Node. Anonymous contributions: stored under the device's random id and nothing else.
import type { Contribution } from '@filmfold/model';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/database';
import { contributions } from '../db/schema';

/** Replaces everything this contributor sent before with this upload. */
export async function storeContribution(
  database: Database,
  contribution: Contribution,
): Promise<{ stored: number }> {
  await database.transaction(async (tx) => {
    await tx
      .delete(contributions)
      .where(eq(contributions.contributorId, contribution.contributorId));
    await tx.insert(contributions).values(
      contribution.ratings.map((r) => ({
        contributorId: contribution.contributorId,
        movieId: r.movieId,
        rating: r.rating,
        ratedOn: r.ratedOn,
      })),
    );
  });
  return { stored: contribution.ratings.length };
}

/** Withdraws a contributor's ratings (the device knows its own id; nobody else does). */
export async function withdrawContribution(
  database: Database,
  contributorId: string,
): Promise<void> {
  await database.db.delete(contributions).where(eq(contributions.contributorId, contributorId));
}
