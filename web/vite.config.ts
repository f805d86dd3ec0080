import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  plugins: [sveltekit()],
  // Module workers, so that a worker can load a part only when needed (tfjs, in the recommender).
  worker: { format: 'es' },
  server: {
    proxy: { '/api': `http://localhost:${serverPort}` },
  },
});
