// The accessibility statement that Swedish public-sector services must publish (lag 2018:1937
// om tillgänglighet till digital offentlig service).
import { TextPage } from '../../../ui/text-page.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function AccessibilityPage({ page }: { page: PageContext }) {
  const text = page.m.accessibilityStatement;
  return (
    <TextPage
      page={page}
      title={text.title}
      intro={text.intro}
      sections={[
        { title: text.statusTitle, body: text.status },
        { title: text.howTitle, body: text.how },
        { title: text.knownTitle, body: text.known },
        { title: text.reportTitle, body: text.report },
        { title: text.supervisionTitle, body: text.supervision },
      ]}
    />
  );
}
