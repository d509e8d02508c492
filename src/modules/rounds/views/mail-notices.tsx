// The warnings beside mail: the demo keeps personal links in the outbox; without SMTP nothing is sent.
import type { PageContext } from '../../../web/page-context.ts';

/** Shown in demo mode wherever personal links appear: a production server never shows them. */
export function DemoBanner({ m }: { m: PageContext['m'] }) {
  return (
    <div class="notice notice-warning" data-testid="demo-banner">
      <h2>{m.privacy.demoBannerTitle}</h2>
      <p>{m.privacy.demoBanner}</p>
    </div>
  );
}

/** Without SMTP (outside the demo) the service says that nothing is sent and how to fix it. */
export function MailNotConfigured({ m }: { m: PageContext['m'] }) {
  return (
    <div class="notice notice-warning" data-testid="mail-not-configured">
      <h2>{m.privacy.mailNotConfiguredTitle}</h2>
      <p>{m.privacy.mailNotConfigured}</p>
    </div>
  );
}
