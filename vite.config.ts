import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Database suites create their own databases; keep files isolated but not too parallel
		// for a 2-core machine.
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
