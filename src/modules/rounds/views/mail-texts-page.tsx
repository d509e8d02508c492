// The page where a round's coordinator, or a study's analyst, writes the invitation or the
// reminder in each language with placeholders, and sees the mail as a recipient will get it.
// Without JavaScript "Förhandsgranska" shows the preview from the server; with it,
// public/mail-preview.js keeps the preview up to date while typing.
import { Button, CsrfField, ErrorSummary, TextAreaField, TextField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { MailTextsPageModel } from '../mail-page-presenter.ts';
import type { MailKind } from '../mail-text-repository.ts';
import { MailPreviewBox } from './mail-preview.tsx';

const KINDS: MailKind[] = ['invitation', 'reminder'];

export function MailTextsPage({ page, model }: { page: PageContext; model: MailTextsPageModel }) {
  const { m } = page;
  const t = m.mailTexts;
  const sourceText = { own: t.sourceOwn, study: t.sourceStudy, builtIn: t.sourceBuiltIn };
  return (
    <Layout page={page} title={`${model.title} – ${t.kinds[model.kind]}`} scripts={['/static/mail-preview.js']}>
      <ErrorSummary m={m} errors={model.errors} />
      <p class="caption">
        <a href={model.backHref}>{m.common.back}</a>
      </p>
      <h1>{model.title}</h1>
      <p>{model.intro}</p>
      <nav aria-label={t.kindNavigation}>
        <ul class="list">
          {KINDS.map((kind) => (
            <li>
              <a href={model.kindHref(kind)} aria-current={kind === model.kind ? 'page' : undefined}>
                {t.kinds[kind]}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="placeholders">{t.placeholdersTitle}</h2>
      <p>{t.placeholdersIntro}</p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t.placeholdersTitle}>
        <table class="table">
          <caption class="visually-hidden">{t.placeholdersTitle}</caption>
          <TableHead columns={[t.placeholderColumn, t.englishColumn, t.meaningColumn]} />
          <tbody>
            {model.placeholders.map((placeholder) => (
              <tr>
                <td>
                  <code lang="sv">{placeholder.swedish}</code>
                </td>
                <td>
                  <code lang="en">{placeholder.english}</code>
                </td>
                <td>{placeholder.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="texts">{t.kinds[model.kind]}</h2>
      <form method="post" action={model.formAction} novalidate data-preview={model.previewAction} data-testid="mail-texts-form">
        <CsrfField token={page.csrfToken} />
        <input type="hidden" name="kind" value={model.kind} />
        {model.languages.map((language) => (
          <fieldset class="fieldset panel">
            <legend class="legend" lang={language.locale}>
              {language.languageName}
            </legend>
            <p class="hint" data-testid={`source-${language.locale}`}>
              {sourceText[language.source]}
            </p>
            <TextField m={m} id={`subject-${language.locale}`} label={t.subject} value={language.subject} error={language.errors.subject} />
            <TextAreaField m={m} id={`body-${language.locale}`} label={t.body} hint={t.bodyHint} value={language.body} error={language.errors.body} rows={14} />
          </fieldset>
        ))}
        <div class="actions">
          <Button variant="secondary" name="action" value="preview">
            {t.preview}
          </Button>
          <Button name="action" value="save">
            {t.save}
          </Button>
          <Button variant="secondary" name="action" value="reset">
            {t.reset}
          </Button>
        </div>
      </form>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{t.previewTitle}</h2>
        <p class="hint">{t.previewHint}</p>
        <MailPreviewBox m={m} preview={model.preview} id="mail-preview" />
      </section>
    </Layout>
  );
}
