/** The little of fontkit 2 the PDF code uses (the package ships no types). */
declare module 'fontkit' {
  export interface FontkitFont {
    postscriptName: string;
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function openSync(file: string, postscriptName?: string): FontkitFont;
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
