/**
 * The newsroom in the browser against the real `finhub serve`: a manager writes a press release
 * with a lead image and an attachment, previews it (still a draft: the public page answers not
 * found), publishes it; a citizen reads it in Korean and English at phone width (390×844), the
 * English page saying visibly when a text is Korean only. axe-core on every new page.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { axeViolations } from '../support/browser.ts';
import { educationHarness, waitForText } from '../support/education.ts';
import { samples } from '../support/files.ts';
import { signInPage } from '../support/staff.ts';

const PHONE = { width: 390, height: 844 };

describe('newsroom pages', () => {
  const h = educationHarness('finhub-e2e-news-');

  it('a manager writes, previews and publishes a press release; a citizen reads it in Korean and English on a phone', async () => {
    const files = fs.mkdtempSync(path.join(os.tmpdir(), 'finhub-e2e-news-files-'));
    const image = path.join(files, 'forum.png');
    const pdf = path.join(files, '보도자료.pdf');
    fs.writeFileSync(image, samples.png());
    fs.writeFileSync(pdf, samples.pdf());

    const context = await h.newContext();
    const staff = await signInPage(context, h.server.url, 'manager@jeonju.test');
    await staff.goto(`${h.server.url}/staff/news`);
    const form = staff.getByTestId('news-form');
    await form.locator('[name="kind"]').selectOption('press_release');
    await form.locator('[name="title.ko"]').fill('전주시, 금융중심지 협약 체결');
    await form.locator('[name="body.ko"]').fill('전주시는 금융중심지 지정을 위한 협약을 맺었습니다.\n\n세 기관은 분기마다 만납니다. <b>굵게</b>');
    await form.getByRole('button', { name: '초안 저장' }).click();
    await waitForText(staff.getByTestId('staff-news-title'), /금융중심지 협약 체결/);
    await waitForText(staff.getByTestId('news-state'), /게시 전/);
    const id = Number(new URL(staff.url()).pathname.split('/').at(-1));
    assert.ok(id > 0);
    assert.deepEqual(await axeViolations(staff), []);

    // The image needs its alternative text: the server's field error lands on the field.
    const imageForm = staff.getByTestId('news-image-form');
    await imageForm.locator('input[type="file"]').setInputFiles(image);
    await imageForm.locator('[name="alt.ko"]').fill('협약식 사진');
    await imageForm.locator('[name="alt.en"]').fill('The signing ceremony');
    await imageForm.getByRole('button', { name: '이미지 올리기' }).click();
    await staff.getByTestId('staff-news-image').waitFor();
    const attachmentForm = staff.getByTestId('news-attachment-form');
    await attachmentForm.locator('input[type="file"]').setInputFiles(pdf);
    await attachmentForm.getByRole('button', { name: '첨부파일 올리기' }).click();
    await waitForText(staff.getByTestId('staff-news-attachments'), /보도자료\.pdf/);

    // Preview: the public article, before anyone else can see it.
    await staff.getByTestId('news-preview-toggle').click();
    const preview = staff.getByTestId('news-preview');
    await waitForText(preview.getByTestId('news-title'), /금융중심지 협약 체결/);
    assert.equal(await preview.getByTestId('news-image').getAttribute('alt'), '협약식 사진');
    assert.equal(await preview.locator('.news-body p').count(), 2, 'two paragraphs');
    assert.match(await preview.getByTestId('news-body').innerText(), /<b>굵게<\/b>/, 'markup in the text is shown as text');
    assert.deepEqual(await axeViolations(staff), []);
    const citizen = await (await h.newContext(PHONE)).newPage();
    await citizen.goto(`${h.server.url}/news/${id}`);
    await citizen.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await citizen.getByRole('heading', { level: 1 }).innerText(), /페이지를 찾을 수 없습니다|찾을 수 없/, 'a draft is not public');

    await staff.getByTestId('news-publish').click();
    await waitForText(staff.getByTestId('news-state'), /게시 중/);

    // The citizen: the list, then the item, in Korean.
    await citizen.goto(`${h.server.url}/news`);
    await waitForText(citizen.getByTestId('news-list'), /금융중심지 협약 체결/);
    assert.match(await citizen.getByTestId('public-nav').innerText(), /뉴스/);
    assert.deepEqual(await axeViolations(citizen), []);
    await citizen.getByRole('link', { name: /금융중심지 협약 체결/ }).click();
    await waitForText(citizen.getByTestId('news-title'), /금융중심지 협약 체결/);
    assert.equal(await citizen.getByTestId('news-image').getAttribute('alt'), '협약식 사진');
    const loaded = await citizen.getByTestId('news-image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    assert.ok(loaded, 'the image loads');
    await waitForText(citizen.getByTestId('news-attachments'), /보도자료\.pdf/);
    const download = await citizen.request.get(
      await citizen
        .getByTestId('news-attachments')
        .locator('a')
        .getAttribute('href')
        .then((h) => `${new URL(citizen.url()).origin}${h}`),
    );
    assert.equal(download.status(), 200);
    assert.deepEqual(Buffer.from(await download.body()), samples.pdf());
    const wide = await citizen.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 0, `scrolls sideways by ${wide}px at phone width`);
    assert.deepEqual(await axeViolations(citizen), []);

    // English: the English alternative text; the title and body are Korean only, and say so.
    await citizen.goto(`${h.server.url}/news/${id}?lang=en`);
    await waitForText(citizen.getByTestId('news-title'), /금융중심지 협약 체결.*Korean only/);
    assert.equal(await citizen.getByTestId('news-image').getAttribute('alt'), 'The signing ceremony');
    await waitForText(citizen.getByTestId('news-body'), /Korean only/);
    assert.equal(await citizen.getByTestId('news-body').getAttribute('lang'), 'ko', 'the Korean text is marked as Korean');
    assert.deepEqual(await axeViolations(citizen), []);

    // Staff add the English text; the English page shows it without a note.
    await staff.getByTestId('news-form').locator('[name="title.en"]').fill('Jeonju signs a financial-center agreement');
    await staff.getByTestId('news-form').locator('[name="body.en"]').fill('Jeonju City signed an agreement.\n\nThe three meet every quarter.');
    await staff.getByTestId('news-save').click();
    await waitForText(staff.getByTestId('news-form').getByTestId('form-status'), /저장했습니다/);
    await citizen.goto(`${h.server.url}/news?lang=en`);
    await waitForText(citizen.getByTestId('news-list'), /Jeonju signs a financial-center agreement/);
    await citizen.getByRole('link', { name: /Jeonju signs/ }).click();
    await waitForText(citizen.getByTestId('news-body'), /The three meet every quarter/);
    assert.equal(await citizen.getByTestId('fallback-note').count(), 0);
    assert.deepEqual(await axeViolations(citizen), []);

    // Unpublished again: gone from the public list.
    await staff.getByTestId('news-unpublish').click();
    await waitForText(staff.getByTestId('news-state'), /게시 전/);
    await citizen.goto(`${h.server.url}/news?lang=ko`);
    await waitForText(citizen.locator('main'), /게시된 소식이 없습니다/);
    assert.deepEqual(h.pageErrors, []);
    fs.rmSync(files, { recursive: true, force: true });
  });
});
