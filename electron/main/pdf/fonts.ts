/**
 * The fonts every PDF of the app draws with: Noto Sans SC (regular and bold, TrueType so pdfkit
 * embeds a small subset) and, per character, fallbacks for what it lacks (CJK Extension B names
 * such as 𠮷). Each font file is parsed once per process, not once per PDF: pdfkit accepts the
 * parsed fontkit object and subsets it per document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';

export type FontWeight = 'regular' | 'bold';

/** The file names looked for in the fonts folder (build/fonts, or the app's resources/fonts). */
export const primaryFontFiles: Record<FontWeight, string> = {
  regular: 'NotoSansSC-Regular.ttf',
  bold: 'NotoSansSC-Bold.ttf',
};

/** Where the build copies the primary fonts from (also the fallback in a development checkout). */
const packageFontFiles: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

export interface PdfFonts {
  regular: FontkitFont;
  bold: FontkitFont;
  /** Tried in order for a character the primary font lacks (files named `fallback-*.ttf|otf`). */
  fallbacks: FontkitFont[];
  /** The same for bold text: `fallback-*-Bold.*` first, then the others. */
  boldFallbacks: FontkitFont[];
}

/** One run of text drawn in one font. */
export interface TextRun {
  text: string;
  font: FontkitFont;
}

const loaded = new Map<string, PdfFonts>();

function openFont(file: string): FontkitFont {
  const font = fontkit.openSync(file);
  // A collection (.ttc) yields several faces; take the first simplified-Chinese one.
  const collection = font as unknown as { fonts?: FontkitFont[] };
  if (Array.isArray(collection.fonts)) {
    return collection.fonts.find((face) => /SC|CN/.test(face.postscriptName)) ?? (collection.fonts[0] as FontkitFont);
  }
  return font;
}

function primaryFile(fontsDir: string, weight: FontWeight): string {
  const inDir = path.join(fontsDir, primaryFontFiles[weight]);
  if (fs.existsSync(inDir)) return inDir;
  // A development checkout before `npm run build` copied the fonts: read them from the package.
  return createRequire(import.meta.url).resolve(packageFontFiles[weight]);
}

/** The fonts of `fontsDir`, parsed on first use and kept for the life of the process. */
export function loadPdfFonts(fontsDir: string): PdfFonts {
  const key = path.resolve(fontsDir);
  const cached = loaded.get(key);
  if (cached) return cached;
  const fallbackFiles = fs.existsSync(key)
    ? fs
        .readdirSync(key)
        .filter((name) => /^fallback-.*\.(ttf|otf|ttc)$/i.test(name))
        .sort()
    : [];
  const isBold = (name: string) => /-bold\.[a-z]+$/i.test(name);
  const regularFallbacks = fallbackFiles.filter((name) => !isBold(name)).map((name) => openFont(path.join(key, name)));
  const fonts: PdfFonts = {
    regular: openFont(primaryFile(key, 'regular')),
    bold: openFont(primaryFile(key, 'bold')),
    fallbacks: regularFallbacks,
    boldFallbacks: [...fallbackFiles.filter(isBold).map((name) => openFont(path.join(key, name))), ...regularFallbacks],
  };
  loaded.set(key, fonts);
  return fonts;
}

/** Per set of fonts and weight, the font that draws each code point (a cmap lookup per font, once). */
const chosenFonts = new WeakMap<PdfFonts, Record<FontWeight, Map<number, PdfFonts['regular']>>>();

function fontFor(fonts: PdfFonts, weight: FontWeight, char: string): PdfFonts['regular'] {
  let chosen = chosenFonts.get(fonts);
  if (chosen === undefined) {
    chosen = { regular: new Map(), bold: new Map() };
    chosenFonts.set(fonts, chosen);
  }
  const codePoint = char.codePointAt(0) as number;
  let font = chosen[weight].get(codePoint);
  if (font === undefined) {
    const primary = fonts[weight];
    const fallbacks = weight === 'bold' ? fonts.boldFallbacks : fonts.fallbacks;
    font = primary.hasGlyphForCodePoint(codePoint) || /\s/.test(char) ? primary : (fallbacks.find((candidate) => candidate.hasGlyphForCodePoint(codePoint)) ?? primary);
    chosen[weight].set(codePoint, font);
  }
  return font;
}

/**
 * Splits `text` into runs so every character is drawn by the first font that has it: the
 * weight's primary font, else the fallbacks in order, else the primary (which draws .notdef).
 */
export function textRuns(fonts: PdfFonts, text: string, weight: FontWeight = 'regular'): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const font = fontFor(fonts, weight, char);
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

/** Characters no font can draw (the caller may warn; they print as empty boxes). */
export function missingCharacters(fonts: PdfFonts, text: string): string[] {
  const all = [fonts.regular, ...fonts.fallbacks];
  return [...new Set([...text].filter((char) => !/\s/.test(char) && !all.some((font) => font.hasGlyphForCodePoint(char.codePointAt(0) as number))))];
}
