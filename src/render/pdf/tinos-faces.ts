import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inputError } from '../../diagnostics/diagnostic.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import type { RunStyle } from '../docx-runs.js';
import { PdfFace } from './pdf-fonts.js';
import { TrueTypeFont } from './truetype-font.js';

/** The four faces of a text: regular, bold, italic, bold italic. */
export type FaceName = 'regular' | 'bold' | 'italic' | 'boldItalic';

const FILES: Record<FaceName, { dir: string; postScript: string; resource: string }> = {
  regular: { dir: '400Regular', postScript: 'Tinos-Regular', resource: 'F1' },
  bold: { dir: '700Bold', postScript: 'Tinos-Bold', resource: 'F2' },
  italic: { dir: '400Regular_Italic', postScript: 'Tinos-Italic', resource: 'F3' },
  boldItalic: { dir: '700Bold_Italic', postScript: 'Tinos-BoldItalic', resource: 'F4' },
};

export function faceName(style: RunStyle): FaceName {
  return style.bold ? (style.italics ? 'boldItalic' : 'bold') : style.italics ? 'italic' : 'regular';
}

/**
 * Tinos (metric-compatible with Times New Roman, so the PDF breaks lines where the Word export
 * does), from the package `@expo-google-fonts/tinos` under ndraft's own folder: the code is bundled
 * into dist/, so the fonts are found from the package root, not from this file. A face is read
 * only when a text uses it.
 */
export class TinosFaces {
  private readonly loaded = new Map<FaceName, PdfFace>();

  constructor(private readonly root: string = PACKAGE_ROOT) {}

  face(name: FaceName): PdfFace {
    let face = this.loaded.get(name);
    if (face === undefined) {
      const { dir, postScript, resource } = FILES[name];
      const file = join(this.packageDir(), dir, `Tinos_${dir}.ttf`);
      if (!existsSync(file)) throw inputError(`the PDF export lays its text out in the Tinos font, and ${file} is missing: reinstall ndraft (npm ci) to get the package @expo-google-fonts/tinos`);
      face = new PdfFace(new TrueTypeFont(new Uint8Array(readFileSync(file)), postScript), resource);
      this.loaded.set(name, face);
    }
    return face;
  }

  /** Where Node finds the package from ndraft's root: its own node_modules, or one above when installed. */
  private packageDir(): string {
    try {
      return dirname(createRequire(join(this.root, 'package.json')).resolve('@expo-google-fonts/tinos/package.json'));
    } catch {
      return join(this.root, 'node_modules', '@expo-google-fonts', 'tinos');
    }
  }

  /** The faces loaded so far, in resource order. */
  used(): PdfFace[] {
    return (Object.keys(FILES) as FaceName[]).flatMap((name) => this.loaded.get(name) ?? []);
  }
}
