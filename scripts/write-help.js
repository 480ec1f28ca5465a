// Runs after tsc (npm run build): writes dist/help.txt, the output of `ndraft --help` from the real
// command table, so that bin/ndraft can print it without loading the CLI. A test checks that the
// two stay the same.
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli.js';

let out = '';
const io = { cwd: process.cwd(), env: {}, stdoutIsTTY: false, write: (s) => (out += s), error: (s) => (out += s) };
const code = await main(['--help'], io);
if (code !== 0) throw new Error(`ndraft --help exited ${code}`);
writeFileSync(new URL('../dist/help.txt', import.meta.url), out);
