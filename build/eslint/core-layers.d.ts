// Types of core-layers.js, for the test that checks the folder graph against it.
export interface CoreLayer {
  name: string;
  why: string;
  folders: string[];
}

export const coreRoot: string;
export const coreLayers: CoreLayer[];
export const coreFolders: string[];
export function coreFolderOf(file: string): string | null;
export function layerOfFolder(folder: string): CoreLayer | undefined;
export function mayImportFolder(from: string, to: string): boolean;
