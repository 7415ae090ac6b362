/**
 * Draws one star plaque on an A4 landscape page (docs/certificates.md): a deep-red border with a gold inner
 * rule, 星级平安单位, the unit's name as the largest line, five stars with the awarded ones filled
 * (fill and outline differ in black and white too), the cycle, the issuing body and date, the
 * number and validity, and the QR code. With the city office's verification address the QR reads
 * `ADDRESS#DX1.…` (a phone opens the verifier page) under 扫码验证; without one it holds the payload
 * alone and the label says how to check it. Pure drawing: no I/O, no signing.
 */
import type { PdfDoc } from '../pdf/document';
import type { PdfFonts } from '../pdf/fonts';
import { drawQrCode } from '../pdf/qr-code';
import { drawLine, fitSize } from '../pdf/text';

export interface PlaqueFields {
  number: string;
  unitName: string;
  stars: number;
  cycle: number;
  issuedOn: string;
  validUntil: string;
  authority: string;
  qrPayload: string;
  /** The city office's verifier page (docs/certificates.md); null or absent: the payload alone. */
  verificationAddress?: string | null;
}

/** What the plaque's QR code reads: the verifier page's address with the payload as its fragment, else the payload. */
export function plaqueQrText(fields: Pick<PlaqueFields, 'qrPayload' | 'verificationAddress'>): string {
  return fields.verificationAddress ? `${fields.verificationAddress}#${fields.qrPayload}` : fields.qrPayload;
}

const red = '#9B1B1B';
const gold = '#B8902A';
const ink = '#1A1A1A';
const grey = '#555555';
const starNames = ['', '一星级', '二星级', '三星级', '四星级', '五星级'];

function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function starPath(doc: PdfDoc, cx: number, cy: number, outer: number): void {
  const inner = outer * 0.382;
  for (let point = 0; point < 10; point += 1) {
    const radius = point % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (point * Math.PI) / 5;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    if (point === 0) doc.moveTo(x, y);
    else doc.lineTo(x, y);
  }
  doc.closePath();
}

function drawBorder(doc: PdfDoc, width: number, height: number): void {
  doc.save();
  doc.lineWidth(12).strokeColor(red).rect(22, 22, width - 44, height - 44).stroke();
  doc.lineWidth(1.6).strokeColor(gold).rect(38, 38, width - 76, height - 76).stroke();
  doc.lineWidth(0.6).strokeColor(gold).rect(43, 43, width - 86, height - 86).stroke();
  // Small gold diamonds at the inner corners.
  for (const [x, y] of [
    [43, 43],
    [width - 43, 43],
    [43, height - 43],
    [width - 43, height - 43],
  ] as const) {
    doc.moveTo(x, y - 7).lineTo(x + 7, y).lineTo(x, y + 7).lineTo(x - 7, y).closePath().fill(gold);
  }
  doc.restore();
}

function drawStars(doc: PdfDoc, stars: number, centerX: number, y: number): void {
  const radius = 25;
  const gap = 70;
  doc.save();
  for (let index = 0; index < 5; index += 1) {
    const cx = centerX + (index - 2) * gap;
    starPath(doc, cx, y, radius);
    if (index < stars) doc.lineWidth(1.5).fillColor(gold).strokeColor(red).fillAndStroke();
    else doc.lineWidth(1.5).strokeColor(grey).dash(3, { space: 2 }).stroke().undash();
  }
  doc.restore();
}

export function drawPlaque(doc: PdfDoc, fonts: PdfFonts, fields: PlaqueFields): void {
  const width = doc.page.width;
  const height = doc.page.height;
  const contentX = 70;
  const contentWidth = width - 140;
  drawBorder(doc, width, height);

  drawLine(doc, fonts, '星级平安单位', { x: contentX, y: 72, width: contentWidth, align: 'center', size: 44, weight: 'bold', color: red, characterSpacing: 10 });
  doc.save().lineWidth(1).strokeColor(gold).moveTo(width / 2 - 150, 136).lineTo(width / 2 + 150, 136).stroke().restore();

  const nameSize = fitSize(doc, fonts, fields.unitName, 50, contentWidth - 20, 'bold', 20);
  drawLine(doc, fonts, fields.unitName, { x: contentX, y: 210 - nameSize * 0.7, width: contentWidth, align: 'center', size: nameSize, weight: 'bold', color: ink });

  drawStars(doc, fields.stars, width / 2, 300);
  drawLine(doc, fonts, `${fields.cycle} 年度 · ${starNames[fields.stars] ?? ''}平安单位`, { x: contentX, y: 340, width: contentWidth, align: 'center', size: 22, color: ink, characterSpacing: 2 });

  // Issuing body and date, centred a little left of the QR code as on a signed paper certificate.
  const qrSize = 112;
  const qrX = width - 70 - qrSize;
  const qrY = height - 78 - qrSize;
  const authoritySize = fitSize(doc, fonts, fields.authority, 20, 380);
  drawLine(doc, fonts, fields.authority, { x: width / 2 - 190, y: 410, width: 380, align: 'center', size: authoritySize, weight: 'bold', color: ink });
  drawLine(doc, fonts, chineseDate(fields.issuedOn), { x: width / 2 - 190, y: 442, width: 380, align: 'center', size: 15, color: ink });

  drawLine(doc, fonts, `证书编号：${fields.number}`, { x: 70, y: height - 108, size: 11, color: grey });
  drawLine(doc, fonts, `有效期至：${chineseDate(fields.validUntil)}`, { x: 70, y: height - 90, size: 11, color: grey });

  drawQrCode(doc, plaqueQrText(fields), { x: qrX, y: qrY, size: qrSize });
  if (fields.verificationAddress) {
    drawLine(doc, fonts, '扫码验证', { x: qrX, y: qrY + qrSize + 3, width: qrSize, align: 'center', size: 10, color: grey, characterSpacing: 2 });
  } else {
    // A phone shows only the DX1 text: say where it is checked.
    drawLine(doc, fonts, '扫码所得文字请在“鼎星”', { x: qrX - 14, y: qrY + qrSize + 2, width: qrSize + 28, align: 'center', size: 7.5, color: grey });
    drawLine(doc, fonts, '证书验证页或工作站中核验', { x: qrX - 14, y: qrY + qrSize + 12, width: qrSize + 28, align: 'center', size: 7.5, color: grey });
  }
}
