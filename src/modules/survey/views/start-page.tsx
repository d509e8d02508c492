// The start page of a personal link: whose survey, how it works, how long names are kept, and
// the button that starts (or resumes where the answers stop).
import { linkInLanguage } from '../../../i18n/locales.ts';
import { pick } from '../../../i18n/messages.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { SurveySession } from '../presenter.ts';

/** `identityMonths`: how long names and addresses are kept after the round closes (RESPONDENT_DATA_MONTHS), told to the respondent. */
export function SurveyStartPage({ page, session, resumePage, identityMonths }: { page: PageContext; session: SurveySession; resumePage: number | null; identityMonths?: number }) {
  const { m, locale } = page;
  const title = session.instruments.map((instrument) => pick(instrument.name, locale)).join(', ');
  const base = page.url.split('?')[0]!.replace(/\/$/, '');
  return (
    <Layout page={page} title={title} variant="survey">
      <p class="caption">{session.organisationName}</p>
      <h1>{m.survey.startTitle(title)}</h1>
      <p class="lead">{session.joint ? m.joint.survey.startIntro(session.organisationName) : m.survey.startIntro(session.organisationName)}</p>
      <h2>{m.survey.howItWorks}</h2>
      <ul class="list">
        {(session.joint ? m.joint.survey.howItWorksItems : m.survey.howItWorksItems).map((text) => (
          <li>{text}</li>
        ))}
        <li>{m.survey.pages(session.pages.length)}</li>
      </ul>
      <p class="notice">{session.joint ? m.joint.survey.jointNotice : m.survey.anonymity}</p>
      {identityMonths === undefined ? null : (
        <p>
          {m.personalData.surveyNotice(identityMonths)} <a href={linkInLanguage('/personuppgifter', page.locale)}>{m.personalData.readMore}</a>
        </p>
      )}
      <p>
        <a class="button button-primary button-start" href={`${base}/page/${resumePage ?? 1}`}>
          {resumePage ? m.survey.resume : m.survey.start}
        </a>
      </p>
    </Layout>
  );
}
