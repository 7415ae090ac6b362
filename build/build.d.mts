// Types of build.mjs, for the tests that check it.
import type { Part } from './build-stamp.mjs';

export type BuildPart = Part & { command: string[] };
export const parts: Record<'node' | 'renderer', BuildPart>;
export function buildParts(options: { root: string; parts: Record<string, BuildPart>; names: string[]; ifChanged: boolean; say?: (line: string) => void }): number;
