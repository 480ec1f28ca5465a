// Runs after tsc (npm run build): bundles the CLI with esbuild into dist/ndraft.js, which bin/ndraft
// loads. Node 20 spends ~80 ms resolving and compiling the ~200 ES modules of dist/ and
// node_modules one by one; one file per command loads in a fraction of that. Each command stays a
// chunk of its own (code splitting), so `status` never loads docx or diff.
// Every file lands directly in dist/, one level below the package root, which is where
// src/package-root.ts expects the code that resolves package.json and schemas/.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
for (const name of readdirSync(dist)) if (/^ndraft[-.]/.test(name) && name.endsWith('.js')) rmSync(new URL(name, dist));

/**
 * ndraft decides about colour itself (src/cli/io.ts colorsFor: a terminal, NO_COLOR, FORCE_COLOR)
 * and always builds `new Chalk({ level })`; chalk's own detection of the terminal, which loads
 * node:os and node:tty at start-up, is never used. It is replaced by "no colour detected".
 */
/**
 * Likewise commander requires node:child_process (~10 ms to load) only to run executable
 * subcommands (\`git-style\` \`ndraft-foo\` programs), which ndraft does not have; its copy is a stub
 * that says so if it is ever called.
 */
const STUBS = {
  'supports-color': 'export default { stdout: false, stderr: false };',
  'child_process': "const no = () => { throw new Error('ndraft has no executable subcommands'); }; module.exports = { spawn: no };",
};
const startupStubs = {
  name: 'ndraft-startup-stubs',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'ndraft-stub' }));
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'ndraft-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'ndraft-stub' }, (args) => ({ contents: STUBS[args.path], loader: 'js' }));
  },
};

await build({
  entryPoints: { ndraft: 'src/cli.ts' },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'ndraft-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __ndraftRequire } from 'node:module'; const require = __ndraftRequire(import.meta.url);" },
  plugins: [startupStubs],
  // pdf.js (2 MB) stays in node_modules, loaded at run time by the PDF import alone; bundling it
  // would also break its fake worker, which imports pdf.worker.mjs from beside itself.
  external: ['pdfjs-dist'],
  logLevel: 'warning',
});
