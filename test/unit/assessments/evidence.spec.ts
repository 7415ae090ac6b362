// Evidence: type by content, the 10 MB limit, refusals naming the item, content addressing, drafts only for removal.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addEvidence, getEvidenceData, listEvidence, removeEvidence } from '../../../electron/main/assessments/evidence';
import { evidencePath } from '../../../electron/main/assessments/evidence-store';
import { sniffEvidenceMime } from '../../../electron/main/assessments/evidence-type';
import { signAssessment, startAssessment, submitAssessment } from '../../../electron/main/assessments/workflow';
import { addUnit, fixture, fullAnswers, inspector, leader } from './fixtures';

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jfif')]);
const pdf = Buffer.from('%PDF-1.7\n...');
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

describe('evidence types', () => {
  it('recognises JPEG, PNG, WebP and PDF by their first bytes, and nothing else', () => {
    expect(sniffEvidenceMime(jpeg)).toBe('image/jpeg');
    expect(sniffEvidenceMime(png)).toBe('image/png');
    expect(sniffEvidenceMime(webp)).toBe('image/webp');
    expect(sniffEvidenceMime(pdf)).toBe('application/pdf');
    expect(sniffEvidenceMime(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffEvidenceMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });
});

describe('attaching evidence', () => {
  it('stores the same bytes once, under their sha256, however often they are attached', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const dataDir = f.core.services.dataDir;
    const first = addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'RES-1', name: 'a.png', bytes: png });
    const again = addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'RES-1', name: 'copy.png', bytes: png });
    const other = addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'PRE-3', name: 'b.png', bytes: png });
    expect(again.id).toBe(first.id);
    expect(other.sha256).toBe(first.sha256);
    const file = evidencePath(dataDir, first.sha256);
    expect(file).toContain(`${first.sha256.slice(0, 2)}/${first.sha256}`);
    expect(fs.readFileSync(file)).toEqual(png);
    expect(fs.readdirSync(`${dataDir}/evidence/${first.sha256.slice(0, 2)}`)).toEqual([first.sha256]);
    expect(listEvidence(f.deps, draft.id).map((entry) => entry.itemId)).toEqual(['PRE-3', 'RES-1']);
    expect(first.mime).toBe('image/png');
    expect(getEvidenceData(f.deps, dataDir, first.id).dataUrl).toBe(`data:image/png;base64,${png.toString('base64')}`);
  });

  it('refuses a wrong type and a file over 10 MB, naming the item', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const dataDir = f.core.services.dataDir;
    const wrong = () => addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'PRE-2', name: 'notes.txt', bytes: Buffer.from('hello') });
    expect(wrong).toThrow(/PRE-2.*notes\.txt.*JPEG, PNG, WebP or PDF/);
    const big = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    expect(() => addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'PRE-3', name: 'big.jpg', bytes: big })).toThrow(/PRE-3.*10 MB/);
    expect(() => addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'DLV-1', name: 'a.png', bytes: png })).toThrow(/DLV-1/);
    try {
      wrong();
    } catch (error) {
      expect((error as { code: string; details: { item: string; reason: string } }).details).toMatchObject({ item: 'PRE-2', reason: 'type' });
    }
    expect(listEvidence(f.deps, draft.id)).toEqual([]);
  });

  it('removes evidence from a draft only; a signed assessment keeps its evidence', async () => {
    const f = await fixture();
    const dataDir = f.core.services.dataDir;
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const kept = addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'RES-1', name: 'a.pdf', bytes: pdf });
    const dropped = addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'RES-2', name: 'b.jpg', bytes: jpeg });
    expect(removeEvidence(f.as(inspector), dropped.id)).toBe(true);
    submitAssessment(f.as(inspector), { id: draft.id, answers: fullAnswers(draft.form) });
    signAssessment(f.as(leader), draft.id);
    expect(() => removeEvidence(f.as(leader), kept.id)).toThrow(/immutable/);
    expect(() => addEvidence(f.as(inspector), dataDir, { assessmentId: draft.id, itemId: 'RES-2', name: 'c.png', bytes: png })).toThrow(/immutable/);
    expect(() => f.core.services.db.prepare('DELETE FROM evidence WHERE id = ?').run(kept.id)).toThrow(/signed/);
  });
});
