import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputError } from '../diagnostics/diagnostic.js';

/** The browsers that can print a page to PDF, by the names Debian, Ubuntu and Google give them. */
const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const PDF_TIMEOUT_MS = 120_000;

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
    const failure = await run(browser, args);
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

/** Runs the browser; resolves with what went wrong (if anything) for the message, once it has exited. */
function run(browser: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(browser, args, { timeout: PDF_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error === null) return resolve(undefined);
      if (error.killed) return resolve(`it did not finish within ${PDF_TIMEOUT_MS / 1000} s`);
      const last = String(stderr).trim().split('\n').pop() ?? '';
      resolve(last === '' ? error.message : last);
    });
  });
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
