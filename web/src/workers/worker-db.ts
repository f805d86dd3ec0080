// Runs in the device worker. Its one connection to the device database.
import { FilmfoldDb } from '$lib/db/database';

export const db = new FilmfoldDb();
