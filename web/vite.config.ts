import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: { '/api': `http://localhost:${serverPort}` },
  },
});
