// A page of plain text in sections (the accessibility statement, the personal-data page): a
// title, a lead paragraph, then headed sections of a paragraph or a list. Logged-in people see
// it in the app's frame, everyone else (respondents from a survey footer) in the survey's.
import type { PageContext } from '../web/page-context.ts';
import { Layout } from './layout.tsx';

export interface TextSection {
  title: string;
  body: string | readonly string[];
}

export function TextPage({ page, title, intro, sections }: { page: PageContext; title: string; intro: string; sections: readonly TextSection[] }) {
  return (
    <Layout page={page} title={title} variant={page.actor.kind === 'user' ? 'app' : 'survey'}>
      <div class="narrow">
        <h1>{title}</h1>
        <p class="lead">{intro}</p>
        {sections.map((section) => (
          <>
            <h2>{section.title}</h2>
            {typeof section.body === 'string' ? (
              <p>{section.body}</p>
            ) : (
              <ul class="list">
                {section.body.map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            )}
          </>
        ))}
      </div>
    </Layout>
  );
}
