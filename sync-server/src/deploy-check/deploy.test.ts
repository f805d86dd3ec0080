// No Docker engine runs where these tests run: the deployment files are checked as far as can be
// without one. compose.yaml against the Compose Specification's JSON schema and for what
// docs/deploy.md promises; the Dockerfile instruction by instruction; nginx's configuration with
// `nginx -t` when nginx is installed (CI installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const read = (path: string) => readFileSync(repo(path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  env_file?: string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  ports?: string[];
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };

  it('is valid by the Compose Specification’s schema', () => {
    // Ajv knows draft-07 by its http URL; the file names it by https: the same meta-schema.
    const { $schema: _draft, ...schema } = JSON.parse(
      readFileSync(fileURLToPath(new URL('./compose-spec.json', import.meta.url)), 'utf8'),
    ) as { $schema: string };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('waits for a healthy, pinned PostgreSQL on a named volume, with secrets from .env', () => {
    const { app, db, proxy } = compose.services;
    expect(db!.image).toMatch(/^postgres:\d+\.\d+/);
    expect(proxy!.image).toMatch(/^nginx:\d+\.\d+\.\d+/);
    expect(db!.healthcheck!.test).toEqual(
      expect.arrayContaining(['pg_isready', '-h', '127.0.0.1']),
    );
    expect(app!.depends_on!.db!.condition).toBe('service_healthy');
    expect(db!.volumes![0]!.split(':')[0]! in compose.volumes).toBe(true);
    expect(app!.env_file).toBe('.env');
    // The password comes from .env, required, and is never written in the file.
    expect(db!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(app!.environment!.DATABASE_URL).toContain('${POSTGRES_PASSWORD:?');
    expect(app!.ports).toBeUndefined(); // replicas sit behind the proxy, which alone is published
  });

  it('names in .env.example every variable it reads from the environment', () => {
    const example = read('.env.example');
    const used = [...read('compose.yaml').matchAll(/\$\{(\w+)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('Dockerfile', () => {
  // Instructions as [keyword, arguments], continuation lines joined, comments dropped.
  const instructions = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return [keyword!.toUpperCase(), rest.join(' ')] as const;
    });
  const all = (keyword: string) => instructions.filter(([k]) => k === keyword).map(([, a]) => a);
  const finalStage = instructions.slice(instructions.findLastIndex(([k]) => k === 'FROM'));
  const final = (keyword: string) => finalStage.filter(([k]) => k === keyword).map(([, a]) => a);

  it('builds in stages from pinned Node images', () => {
    const froms = all('FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^node:\d+\.\d+\.\d+-\S+/);
  });

  it('runs the compiled server as a fixed unprivileged user under tini, in production mode', () => {
    const [user] = final('USER');
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user!.split(':')[0])).toBeGreaterThan(0);
    expect(final('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    expect(final('ENTRYPOINT')[0]).toMatch(/tini/);
    const [cmd] = final('CMD');
    expect(cmd).toMatch(/sync-server\/dist\/main\.js/);
    expect(cmd).not.toMatch(/tsx/);
    expect(final('HEALTHCHECK')[0]).toMatch(/\/api\/health/);
  });

  it('carries the built PWA and the migrations into the final image', () => {
    const copies = final('COPY').join('\n');
    for (const path of ['web/build', 'sync-server/dist', 'sync-server/drizzle', 'node_modules'])
      expect(copies).toContain(path);
  });
});

const hasNginx = (() => {
  try {
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasNginx)('deploy/nginx.conf', () => {
  it('is accepted by `nginx -t` inside an http block, as nginx’s image includes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'filmfold-nginx-t-'));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {}
http { access_log off; client_body_temp_path ${dir}; proxy_temp_path ${dir};
  fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  include ${repo('deploy/nginx.conf')}; }`,
    );
    // listen 80 needs no privilege to be checked; the test only parses.
    expect(() =>
      execFileSync('nginx', ['-t', '-q', '-c', join(dir, 'nginx.conf'), '-p', dir], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
