// What Mogna keeps about people, for how long and who sees it (/personuppgifter).
import { TextPage } from '../../../ui/text-page.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function PersonalDataPage({ page, lifetimeMonths }: { page: PageContext; lifetimeMonths: number }) {
  const text = page.m.personalData.page;
  const respondents = [...text.respondents.slice(0, 2), text.respondentsLifetime(lifetimeMonths), ...text.respondents.slice(2)];
  return (
    <TextPage
      page={page}
      title={text.title}
      intro={text.intro}
      sections={[
        { title: text.respondentsTitle, body: respondents },
        { title: text.accountsTitle, body: text.accounts },
        { title: text.logTitle, body: text.log },
        { title: text.rightsTitle, body: text.rights },
      ]}
    />
  );
}
