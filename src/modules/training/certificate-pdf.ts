/**
 * The certificate as PDF (pdfkit, A4 portrait): Korean and English texts in the fonts the badges
 * use (src/server/pdf-text.ts: PretendardGOV, falling back to Noto Sans CJK KR and DejaVu Sans, so
 * a holder named 王 or Nguyễn prints), the holder's name, course, cohort, dates and hours, and the
 * code with a QR code of its public verification page. Every text is on one line (`oneLine`) at a
 * fixed place, shrinking to fit the width (a long course title ends with "…" at the smallest size).
 */
import QRCode from 'qrcode';
import { oneLine } from '../../server/text.ts';
import { openPdf, Typesetter } from '../../server/pdf-text.ts';
import type { certificateDocument } from './certificates.ts';

const MM = 72 / 25.4;

export async function certificatePdf(d: Awaited<ReturnType<typeof certificateDocument>>, verifyUrl: string): Promise<Buffer> {
  const { doc, done } = await openPdf({ size: 'A4', margin: 0, info: { Title: `수료증 ${d.certificate.code} — Certificate of completion`, Subject: oneLine(d.course.titleEn) } });
  const type = new Typesetter(doc);
  const W = 210 * MM;
  const x = 20 * MM;
  const inner = W - 2 * x;
  const line = (text: string, y: number, weight: 'regular' | 'bold', size: number, color = '#111111') =>
    type.draw(type.block({ weight, max: size, min: Math.max(6, size * 0.6), lines: 1 }, text, inner, 1), x, y, inner, color);

  doc
    .save()
    .lineWidth(2)
    .strokeColor('#003675')
    .rect(10 * MM, 10 * MM, W - 20 * MM, 277 * MM)
    .stroke()
    .restore();
  line('수 료 증', 35 * MM, 'bold', 34, '#003675');
  line('Certificate of Completion', 52 * MM, 'regular', 16, '#003675');
  line(d.holder, 80 * MM, 'bold', 28);
  line(d.course.titleKo, 105 * MM, 'bold', 16);
  line(d.course.titleEn, 114 * MM, 'regular', 12);
  line(`${d.cohort.name} · ${d.cohort.startsOn} ~ ${d.cohort.endsOn} · ${d.course.hours}시간 (${d.course.hours} hours)`, 124 * MM, 'regular', 11, '#333333');
  line('위 사람은 전주시 금융전문인력 양성과정을 성실히 이수하였기에 이 증서를 드립니다.', 145 * MM, 'regular', 12);
  line('This is to certify that the above named has completed the course of the Jeonju professional finance training.', 153 * MM, 'regular', 9, '#333333');
  line(
    `수료일 Completed on ${d.certificate.completedOn} · 출석률 Attendance ${d.certificate.attendancePct}% · 평가 Score ${d.certificate.score}`,
    168 * MM,
    'regular',
    10,
    '#333333',
  );
  line('전주시장 · Mayor of Jeonju', 190 * MM, 'bold', 16);

  const qr = await QRCode.toBuffer(verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 300 });
  const size = 35 * MM;
  doc.image(qr, (W - size) / 2, 215 * MM, { width: size, height: size });
  line(`수료증 번호 Certificate code ${d.certificate.code}`, 253 * MM, 'bold', 11);
  line(verifyUrl, 261 * MM, 'regular', 8, '#333333');
  doc.end();
  return done;
}
