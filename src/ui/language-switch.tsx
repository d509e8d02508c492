// The language switch in the page header: every registered language, each by its own name and
// marked with its language, so a screen reader says "Svenska" in Swedish on an English page.
import { languageSwitchHref } from '../web/page-context.ts';

interface LanguageSwitchProps {
  /** The registered languages, Swedish first (src/i18n/locales.ts). */
  languages: ReadonlyArray<{ code: string; name: string }>;
  current: string;
  /** The current path and query, kept when switching. */
  url: string;
  label: string;
}

export function LanguageSwitch({ languages, current, url, label }: LanguageSwitchProps) {
  return (
    <nav aria-label={label}>
      <ul class="language-switch">
        {languages.map(({ code, name }) => (
          <li>
            <a href={languageSwitchHref(url, code)} lang={code} hreflang={code} aria-current={code === current ? 'true' : undefined}>
              {name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
