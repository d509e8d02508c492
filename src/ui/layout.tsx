// The page frame: skip link, header with the language switch, navigation, one <main>.
import type { ComponentChildren } from 'preact';
import { localeName, locales } from '../i18n/locales.ts';
import type { PageContext } from '../web/page-context.ts';
import { LanguageSwitch } from './language-switch.tsx';

const languages = locales.map((code) => ({ code, name: localeName(code) }));

interface LayoutProps {
  page: PageContext;
  title: string;
  children: ComponentChildren;
  /** Respondent pages show no account navigation. */
  variant?: 'app' | 'survey';
  /** Extra stylesheets or scripts for this page only (coordinator pages may load charts). */
  scripts?: string[];
  /** Without JavaScript, reload the page after this many seconds (a progress page; with JavaScript the page's script updates it). */
  refreshSeconds?: number | undefined;
}

export function Layout({ page, title, children, variant = 'app', scripts = [], refreshSeconds }: LayoutProps) {
  const { m, locale, actor } = page;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshSeconds === undefined ? null : (
          <noscript>
            <meta http-equiv="refresh" content={String(refreshSeconds)} />
          </noscript>
        )}
        <title>{`${title} – ${m.common.appName}`}</title>
        <link rel="stylesheet" href="/static/mogna.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {m.common.skipToContent}
        </a>
        <header class="site-header">
          <div class="container header-inner">
            <a class="brand" href={variant === 'app' ? '/' : '#main'}>
              {m.common.appName}
            </a>
            {variant === 'app' && actor.kind === 'user' ? (
              <nav aria-label={m.common.mainNavigation} class="site-nav">
                <ul>
                  <li>
                    <a href="/">{m.common.home}</a>
                  </li>
                  {actor.isOperator ? (
                    <li>
                      <a href="/operator">{m.operator.title}</a>
                    </li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
            <div class="header-tools">
              <LanguageSwitch languages={languages} current={locale} url={page.url} label={m.common.languageSwitchLabel} />
              {variant === 'app' && actor.kind === 'user' ? (
                <form method="post" action="/logout" class="inline-form">
                  <input type="hidden" name="_csrf" value={page.csrfToken} />
                  <a href="/account">{m.common.loggedInAs(actor.name)}</a>{' '}
                  <button type="submit" class="link-button">
                    {m.common.logout}
                  </button>
                </form>
              ) : null}
            </div>
          </div>
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {page.flash ? (
            <div class={`notice notice-${page.flashTone ?? 'success'}`} role="status">
              {page.flash}
              {page.flashLink ? (
                <>
                  {' '}
                  <a href={page.flashLink.href}>{page.flashLink.text}</a>
                </>
              ) : null}
            </div>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{m.common.footer}</p>
            <p>
              <a href="/tillganglighet">{m.common.accessibility}</a>
            </p>
            <p>
              <a href="/personuppgifter">{m.personalData.footerLink}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
