// The app registers the Element Plus components it draws one by one (renderer/src/element-plus.ts): every
// `<el-…>` tag in a template must be one of them, or that part of the screen would draw nothing.
import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import { elementPlus } from '../../renderer/src/element-plus';

/** Every template's source, as Vite reads it (the renderer's specs run without Node's modules). */
const sources = import.meta.glob<string>('../../renderer/src/**/*.vue', { query: '?raw', import: 'default', eager: true });
const templates = Object.entries(sources).map(([file, text]) => ({ file: file.replace('../../renderer/src/', ''), text }));
const pascal = (tag: string) => tag.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());

describe('the Element Plus components the app registers', () => {
  const app = createApp({});
  app.use(elementPlus);
  const registered = app._context.components;

  it('include every tag the templates use', () => {
    const used = new Set<string>(templates.flatMap(({ text }) => [...text.matchAll(/<(el-[a-z0-9-]+)/g)].map((match) => match[1] as string)));
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((tag) => !(pascal(tag) in registered)).map((tag) => `${tag} (${templates.filter(({ text }) => text.includes(`<${tag}`)).map(({ file }) => file).join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('include the loading directive and the message boxes’ app context', () => {
    expect(app._context.directives.loading).toBeDefined();
    expect(app.config.globalProperties.$msgbox).toBeDefined();
    expect(app.config.globalProperties.$message).toBeDefined();
  });
});
