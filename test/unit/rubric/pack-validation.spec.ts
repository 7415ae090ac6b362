// Rubric pack validation: the shipped packs pass; each kind of broken pack is refused with the JSON path of the problem.
import { describe, expect, it } from 'vitest';
import dingJson from '../../../electron/main/rubric/default-packs/wuhan-ding-2026.1.json';
import { canonicalJson } from '@shared/rubric/canonical';
import { parseRubricPack } from '@shared/rubric/parse-pack';
import { packSha256 } from '../../../electron/main/rubric/pack-sha';
import { starJsonCopy } from '../scoring/default-pack';

function issuesOf(json: unknown) {
  const parsed = parseRubricPack(json);
  return parsed.ok ? [] : parsed.issues;
}

describe('default packs', () => {
  it('accepts wuhan-star@2026.1 and wuhan-ding@2026.1 as shipped', () => {
    expect(issuesOf(starJsonCopy())).toEqual([]);
    expect(issuesOf(dingJson)).toEqual([]);
  });

  it('marks every number-holding part of the shipped star pack as inferred', () => {
    const pack = starJsonCopy();
    const parts = [...pack.categories, ...pack.categories.flatMap((category: any) => category.items), ...pack.addOns.items, pack.addOns, ...pack.stars, pack.decision];
    expect(parts.every((part: any) => part.inferred === true)).toBe(true);
  });

  it('keeps the shipped star pack sha256 stable (a change needs a new version)', () => {
    const parsed = parseRubricPack(starJsonCopy());
    expect(parsed.ok && packSha256(parsed.pack)).toBe(
      '636ca29a53d9f79e453156fc27baba617d91e4a839e2bd1615c55cf40f1a9563',
    );
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":"x","z":1}]},"b":1}');
  });

  it('gives the same sha256 whatever the key order of the file', () => {
    const pack = starJsonCopy();
    const reordered = Object.fromEntries(Object.entries(pack).reverse());
    const a = parseRubricPack(pack);
    const b = parseRubricPack(reordered);
    expect(a.ok && b.ok && packSha256(a.pack) === packSha256(b.pack)).toBe(true);
  });
});

describe('star pack validation', () => {
  it.each<[string, (pack: any) => void, (string | number)[]]>([
    ['an unknown item kind', (pack) => (pack.categories[0].items[0].kind = 'bonus'), ['categories', 0, 'items', 0, 'kind']],
    ['item points not adding up to the category maximum', (pack) => (pack.categories[0].items[0].points = 5), ['categories', 0, 'max']],
    ['category maxima not adding up to 100', (pack) => {
      pack.categories[0].max = 16;
      pack.categories[0].items[0].points = 5;
    }, ['categories']],
    ['thresholds not increasing', (pack) => (pack.stars[2].min = 70), ['stars', 2, 'min']],
    ['a condition naming an item that does not exist', (pack) => (pack.stars[3].conditions[0].item = 'SAT-9'), ['stars', 3, 'conditions', 0, 'item']],
    ['a condition asking a rate of a check item', (pack) => (pack.stars[3].conditions[0].item = 'RES-1'), ['stars', 3, 'conditions', 0, 'measure']],
    ['a duplicate item id', (pack) => (pack.categories[1].items[0].id = 'RES-1'), ['categories', 1, 'items', 0, 'id']],
    ['a duplicate category id', (pack) => (pack.categories[1].id = 'RES'), ['categories', 1, 'id']],
    ['an undeclared industry', (pack) => (pack.addOns.items[0].appliesTo.industries = ['school']), ['addOns', 'items', 0, 'appliesTo', 'industries', 0]],
    ['an unknown unit kind', (pack) => (pack.categories[0].items[0].appliesTo = { kinds: ['factory'] }), ['categories', 0, 'items', 0, 'appliesTo', 'kinds', 0]],
    ['a point-giving add-on', (pack) => (pack.addOns.items[4] = { ...pack.categories[0].items[0], id: 'DLV-9' }), ['addOns', 'items', 4, 'kind']],
    ['a scale whose points are not whole steps', (pack) => {
      pack.categories[0].items[2].step = 1.5;
    }, ['categories', 0, 'items', 2, 'step']],
    ['a missing inferred marker', (pack) => delete pack.categories[0].items[0].inferred, ['categories', 0, 'items', 0, 'inferred']],
    ['star levels out of order', (pack) => (pack.stars[1].stars = 3), ['stars', 1, 'stars']],
    ['a veto group holding a check', (pack) => (pack.vetoes.items[0] = { ...pack.categories[0].items[0], id: 'VETO-9' }), ['vetoes', 'items', 0, 'kind']],
  ])('refuses %s, with its JSON path', (_what, breakIt, path) => {
    const pack = starJsonCopy();
    breakIt(pack);
    expect(issuesOf(pack).map((issue) => issue.path)).toContainEqual(path);
  });
});

describe('ding pack validation', () => {
  it.each<[string, (pack: any) => void, (string | number)[]]>([
    ['composite weights not adding up to 1', (pack) => (pack.compositeWeights.coverage = 0.25), ['compositeWeights']],
    ['aspect weights not adding up to 1', (pack) => (pack.aspects[0].weight = 0.2), ['aspects']],
    ['grades not increasing', (pack) => (pack.grades[2].min = 85), ['grades', 2, 'min']],
    ['grades out of order', (pack) => (pack.grades[0].grade = 'gold'), ['grades', 0, 'grade']],
    ['an aspect twice', (pack) => (pack.aspects[1].id = 'politicalStability'), ['aspects', 1, 'id']],
  ])('refuses %s', (_what, breakIt, path) => {
    const pack = structuredClone(dingJson) as any;
    breakIt(pack);
    expect(issuesOf(pack).map((issue) => issue.path)).toContainEqual(path);
  });
});
