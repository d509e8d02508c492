// The friendly page for every error: a title and a sentence that says what to do next.
import type { FastifyRequest } from 'fastify';
import type { ErrorCode } from '../app/errors.ts';
import { anonymous } from '../access/actor.ts';
import { messages } from '../i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { renderDocument } from './render.ts';

export function renderErrorPage(request: FastifyRequest, code: ErrorCode): string {
  const m = request.m ?? messages('sv');
  const text = m.errors[code];
  const isSurvey = request.url.startsWith('/s/') || request.url.startsWith('/o/');
  const page = {
    m,
    locale: request.locale ?? 'sv',
    actor: request.actor ?? anonymous,
    url: request.url,
    csrfToken: '',
    flash: null,
  };
  return renderDocument(
    <Layout page={page} title={text.title} variant={isSurvey ? 'survey' : 'app'}>
      <h1>{text.title}</h1>
      <p class="lead">{text.body}</p>
      {!isSurvey ? (
        <p>
          <a href="/">{m.common.home}</a>
        </p>
      ) : null}
    </Layout>,
  );
}
