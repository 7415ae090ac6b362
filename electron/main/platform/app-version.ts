/** The app's version, injected at build time (esbuild and vitest define it from package.json). */
declare const __DINGXING_VERSION__: string;

export const appVersion: string = typeof __DINGXING_VERSION__ === 'string' ? __DINGXING_VERSION__ : '0.0.0-dev';
