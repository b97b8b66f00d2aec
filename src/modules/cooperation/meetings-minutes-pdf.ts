/**
 * A meeting's minutes as PDF (pdfkit, A4): the series and time (Asia/Seoul), venue, attendees by
 * organisation, agenda, minutes text, outcomes and the action items carried over, and whether and
 * when the minutes were approved. The minutes' free text flows over pages with pdfkit's layout in
 * one font that covers every Hangul syllable, Hanja and Latin: the second font of the platform's
 * chain (pdf-text.ts: Noto Sans CJK KR), else the KRDS PretendardGOV subset when it is missing.
 * Titles and names on one line (`oneLine`); free text keeps its line feeds only (`cleanLines`).
 */
import { openPdf } from '../../server/pdf-text.ts';
import { cleanLines, oneLine } from '../../server/text.ts';
import type { meetingView } from './meetings-presenters.ts';
import { seoulDateTimeKo } from '../plan/seoul-time.ts';

type Detail = ReturnType<typeof meetingView>;
type Bi = { ko: string; en: string | null };

const both = (t: Bi) => (t.en ? `${oneLine(t.ko)} / ${oneLine(t.en)}` : oneLine(t.ko));
const KIND: Record<string, string> = { information: '정보 / Information', decision: '결정 / Decision', action: '조치사항 / Action item' };
const STATUS: Record<string, string> = { open: '진행 중 / open', done: '완료 / done' };

export async function minutesPdf(m: Detail, orgNames: Map<number, string>): Promise<Buffer> {
  const { doc, done } = await openPdf({ size: 'A4', margin: 56, info: { Title: `${oneLine(m.seriesTitle.ko)} — 회의록 / Minutes` } }, { flowFonts: true });
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).fillColor('#003675').text(text).fillColor('#111111').moveDown(0.3);
  const line = (text: string, size = 10.5) => doc.font('regular').fontSize(size).text(text);

  doc.font('bold').fontSize(18).text(both(m.seriesTitle));
  doc.font('regular').fontSize(12).text('회의록 / Minutes').moveDown(0.5);
  line(`일시 / When: ${seoulDateTimeKo(m.startsAt)} – ${seoulDateTimeKo(m.endsAt)}`);
  if (m.venue) line(`장소 / Where: ${both(m.venue)}`);
  if (m.videoUrl) line(`화상 / Video: ${oneLine(m.videoUrl)}`);
  line(m.minutesApprovedAt ? `승인 / Approved: ${seoulDateTimeKo(m.minutesApprovedAt)}` : '승인 전 초안 / Draft, not yet approved');

  heading('참석자 / Attendees');
  if (m.attendees.length === 0) line('—');
  for (const a of m.attendees) line(`• ${oneLine(orgNames.get(a.organisationId) ?? '')} — ${oneLine(a.name)}${a.title ? ` (${oneLine(a.title)})` : ''}`);

  heading('안건 / Agenda');
  if (m.agenda.length === 0) line('—');
  m.agenda.forEach((a, i) => {
    line(`${i + 1}. ${both(a.title)}${a.presenter ? ` — ${oneLine(a.presenter)}` : ''}${a.minutesAllotted ? ` (${a.minutesAllotted}분 / min)` : ''}`);
  });

  heading('회의 내용 / Minutes');
  line(m.minutes ? cleanLines(m.minutes.ko) : '—');
  if (m.minutes?.en) doc.moveDown(0.4).font('regular').fontSize(10.5).text(cleanLines(m.minutes.en));

  const outcome = (o: Detail['outcomes'][number]) => {
    const owner = [o.ownerOrganisationId ? orgNames.get(o.ownerOrganisationId) : null, o.ownerPerson].filter(Boolean).map((s) => oneLine(s!));
    const facts = [owner.length ? `담당 / Owner: ${owner.join(', ')}` : null, o.dueOn ? `기한 / Due: ${o.dueOn}` : null, o.status ? STATUS[o.status] : null].filter(Boolean);
    doc.font('bold').fontSize(10.5).text(`[${KIND[o.kind]}] `, { continued: true }).font('regular').text(cleanLines(o.text.ko));
    if (o.text.en) line(cleanLines(o.text.en), 9.5);
    if (facts.length) line(facts.join(' · '), 9.5);
    doc.moveDown(0.3);
  };
  heading('결과 / Outcomes');
  if (m.outcomes.length === 0) line('—');
  m.outcomes.forEach(outcome);
  if (m.carriedOver.length) {
    heading('이월된 조치사항 / Action items carried over');
    m.carriedOver.forEach(outcome);
  }
  doc.end();
  return done;
}
