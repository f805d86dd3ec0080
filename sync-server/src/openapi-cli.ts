// Runs in Node: `npm run openapi -w sync-server` writes docs/openapi.json from the routes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { openDatabase } from './db/database';
import { openApiDocument } from './openapi';

// The routes only need a database to answer requests, and none is made here; an empty one in
// memory stands in.
const database = await openDatabase({});
const document = await openApiDocument(createApp({ database }));
await database.close();
const target = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
console.log(`Wrote ${target}`);
