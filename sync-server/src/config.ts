// Runs in Node. The only file that reads process.env: parsed once at boot.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultWebDir = fileURLToPath(new URL('../../web/build', import.meta.url));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  /** The built PWA (web/build) that the server serves beside the API. */
  WEB_DIR: z.string().min(1).default(defaultWebDir),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment once; a bad value stops the server with a readable message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
