import { builtinModules } from 'node:module';
import type { UserConfig } from 'vite';

const external = ['electron', 'better-sqlite3-multiple-ciphers', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Main and preload are bundled to CommonJS: a sandboxed preload cannot require() local files. */
export function nodeBundle(entry: string, fileName: string): UserConfig {
  return {
    build: {
      outDir: 'dist-electron',
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      lib: { entry, formats: ['cjs'], fileName: () => fileName },
      rolldownOptions: { external },
    },
  };
}
