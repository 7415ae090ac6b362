/**
 * A bounded reader for `.dxb` files: the entry count, every entry's name and declared size and
 * the total are checked from the central directory before anything is inflated; the bytes
 * actually inflated are counted too (yauzl also refuses entries whose real size differs from the
 * declared one, and `../` or absolute names). What comes back is only held in memory.
 */
import fs from 'node:fs';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { entryNamePattern } from '@shared/bundle/manifest';
import { formatMegabytes } from '@shared/limits';
import type { BundleLimits } from './limits';
import { BundleRefused, refuse } from './refusal';

export interface BundleContents {
  manifestBytes: Buffer;
  signature: Buffer;
  /** Every entry but the manifest and its signature, by name. */
  entries: Map<string, Buffer>;
}

const whole = 'bundle';

function refuseDamaged(detail: string): never {
  const names = /(absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(detail);
  if (names) refuse(names[2] as string, '条目名称不安全（绝对路径或含 ..），已拒绝', 'unsafe entry name (absolute or containing ..); refused');
  refuse(whole, '无法读取数据包：文件不完整或不是 .dxb 文件', `cannot read the bundle: the file is truncated or not a .dxb file (${detail})`);
}

async function entriesOf(zip: ZipFile, limits: BundleLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) refuse(whole, `数据包含有 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries}`, `the bundle has ${zip.entryCount} entries, over the limit of ${limits.maxEntries}`);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  let declared = 0;
  for await (const entry of zip.eachEntry()) {
    const name = entry.fileName;
    if (!entryNamePattern.test(name)) refuse(name, '数据包不应含有此条目', 'not an entry a bundle may hold');
    if (seen.has(name)) refuse(name, '条目重复出现', 'the entry appears twice');
    seen.add(name);
    if (entry.uncompressedSize > limits.maxEntryBytes) refuse(name, `条目解压后 ${formatMegabytes(entry.uncompressedSize)}，超过上限 ${formatMegabytes(limits.maxEntryBytes)}`, `the entry unpacks to ${formatMegabytes(entry.uncompressedSize)}, over the limit of ${formatMegabytes(limits.maxEntryBytes)}`);
    declared += entry.uncompressedSize;
    if (declared > limits.maxTotalBytes) refuse(whole, `数据包解压后超过 ${formatMegabytes(limits.maxTotalBytes)}，已拒绝`, `the bundle unpacks to more than ${formatMegabytes(limits.maxTotalBytes)}; refused`);
    entries.push(entry);
  }
  return entries;
}

async function inflate(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.left -= chunk.length;
    if (budget.left < 0) {
      stream.destroy();
      refuse(entry.fileName, '条目解压后超过声明的大小', 'the entry unpacks to more than the bundle allows');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readBundle(file: string, limits: BundleLimits): Promise<BundleContents> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return refuse(whole, `找不到文件：${file}`, `no such file: ${file}`);
  }
  if (size > limits.maxFileBytes) refuse(whole, `文件大小 ${formatMegabytes(size)}，超过上限 ${formatMegabytes(limits.maxFileBytes)}`, `the file is ${formatMegabytes(size)}, over the limit of ${formatMegabytes(limits.maxFileBytes)}`);
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, autoClose: false });
  } catch (error) {
    return refuseDamaged((error as Error).message);
  }
  try {
    const entries = await entriesOf(zip, limits);
    const budget = { left: limits.maxTotalBytes };
    const contents = new Map<string, Buffer>();
    for (const entry of entries) contents.set(entry.fileName, await inflate(zip, entry, budget));
    const manifestBytes = contents.get('manifest.json');
    const signature = contents.get('manifest.sig');
    if (!manifestBytes) refuse('manifest.json', '数据包缺少清单', 'the bundle has no manifest');
    if (!signature) refuse('manifest.sig', '数据包缺少签名', 'the bundle has no signature');
    contents.delete('manifest.json');
    contents.delete('manifest.sig');
    return { manifestBytes, signature, entries: contents };
  } catch (error) {
    if (error instanceof BundleRefused) throw error;
    return refuseDamaged((error as Error).message);
  } finally {
    zip.close();
  }
}
