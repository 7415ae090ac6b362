/** The packs every workstation ships with (docs/domain.md); JSON modules, so esbuild bundles them into the CLI. */
import wuhanDing from './default-packs/wuhan-ding-2026.1.json';
import wuhanStar from './default-packs/wuhan-star-2026.1.json';

export const defaultStarRubricRef = 'wuhan-star@2026.1';
export const defaultDingRubricRef = 'wuhan-ding@2026.1';

export const defaultPacks: readonly unknown[] = [wuhanStar, wuhanDing];
