import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputError } from '../diagnostics/diagnostic.js';

/** The browsers that can print a page to PDF, by the names Debian, Ubuntu and Google give them. */
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * How long the browser may take: two minutes, and one more per megabyte of HTML (a 5,000-paragraph
 * draft is about 6 MB and a thousand pages); `NDRAFT_PDF_TIMEOUT` (seconds) sets it.
 */
export function pdfTimeoutMs(htmlBytes: number, env: NodeJS.ProcessEnv): number {
  const set = Number(env.NDRAFT_PDF_TIMEOUT);
  if (env.NDRAFT_PDF_TIMEOUT !== undefined && Number.isFinite(set) && set > 0) return set * 1000;
  return 120_000 + Math.ceil(htmlBytes / 1_000_000) * 60_000;
}

/**
 * The HTML export printed to PDF by headless Chromium, with the page's own print style sheet
 * (`@page`: A4, the symbol at the top of each page, page numbers), through Chromium's own
 * `--print-to-pdf`: no driver to install. The page is written to a fresh temporary folder with a
 * fresh browser profile, both removed afterwards. The browser is `NDRAFT_CHROMIUM` when set, else
 * the first of chromium, chromium-browser, google-chrome on the PATH.
 */
export async function printPdf(html: string, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const browser = findBrowser(env);
  const dir = mkdtempSync(join(tmpdir(), 'ndraft-pdf-'));
  try {
    const page = join(dir, 'draft.html');
    const pdf = join(dir, 'draft.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const failure = await run(browser, args, pdfTimeoutMs(Buffer.byteLength(html), env));
    if (!existsSync(pdf) || statSync(pdf).size === 0) {
      throw inputError(`${browser} did not print the PDF${failure === undefined ? '' : `: ${failure}`}`);
    }
    const bytes = readFileSync(pdf);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw inputError(`${browser} wrote something that is not a PDF`);
    return new Uint8Array(bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the browser in a process group of its own, so that on timeout the browser and every
 * process it started (renderer, GPU) are killed together; resolves with what went wrong, if
 * anything, once it has exited.
 */
function run(browser: string, args: readonly string[], timeoutMs: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(browser, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve(`it did not finish within ${Math.round(timeoutMs / 1000)} s (set NDRAFT_PDF_TIMEOUT, in seconds, to wait longer)`);
      if (code === 0) return resolve(undefined);
      const last = stderr.trim().split('\n').pop() ?? '';
      resolve(last !== '' ? last : `it stopped with ${signal ?? `exit code ${code}`}`);
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function findBrowser(env: NodeJS.ProcessEnv): string {
  const chosen = env.NDRAFT_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (!isAbsolute(chosen) || !existsSync(chosen)) throw inputError(`NDRAFT_CHROMIUM is ${chosen}, which is not a browser ndraft can find (give its full path)`);
    return chosen;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => d !== '')) {
    for (const name of BROWSERS) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) return path;
    }
  }
  throw inputError(
    'a PDF is printed by Chromium or Google Chrome, and neither is installed: install one (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set NDRAFT_CHROMIUM to the browser\'s path',
  );
}
