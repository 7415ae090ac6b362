// Types of build-stamp.mjs, for the tests that check it.
export interface Part {
  name: string;
  inputs: string[];
  outputs: string[];
  stamp: string;
}
export function filesUnder(root: string, entries: string[], skip?: (relative: string) => boolean): string[];
export function inputHashes(root: string, part: Part): Record<string, string>;
export function outputStates(root: string, part: Part): Record<string, string>;
export function readStamp(root: string, part: Part): { part: string; builtAt: string; inputs: Record<string, string>; outputs: Record<string, string> } | null;
export function removeStamp(root: string, part: Part): void;
export function writeStamp(root: string, part: Part, inputs: Record<string, string>, builtAt: string): void;
export function staleReasons(root: string, part: Part, inputs: Record<string, string>): string[];
