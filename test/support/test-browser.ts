// A tiny cookie-keeping client over app.inject(): it reads the CSRF token from the last page,
// as a browser posting a form would, so tests go through the real CSRF check.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface PageResponse {
  status: number;
  body: string;
  headers: LightMyRequestResponse['headers'];
  location: string | undefined;
  /** The body as bytes, for binary downloads (XLSX, PNG). */
  raw: Buffer;
}

/** The clock the app was built with (buildApp decorates the instance with its context). */
function clockOf(app: FastifyInstance): { now(): Date } {
  if (!app.hasDecorator('mognaContext')) throw new Error('TestBrowser needs an app built by buildApp (or pass its clock)');
  return app.mognaContext.clock;
}

export class TestBrowser {
  private readonly cookies = new Map<string, string>();
  lastBody = '';
  /** The CSRF token of the last page that had a form (a page without one keeps the old token). */
  private lastCsrf: string | undefined;

  /**
   * `clock` is the app's clock (the test context's): a cookie's Expires is judged by it, never by
   * the real date, so a test with a fixed clock behaves the same on any day.
   */
  constructor(
    private readonly app: FastifyInstance,
    private readonly clock: { now(): Date } = clockOf(app),
  ) {}

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): PageResponse {
    for (const cookie of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() < this.clock.now().getTime()) || cookie.value === '';
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const location = response.headers.location;
    if (typeof response.body === 'string' && (response.headers['content-type'] ?? '').toString().includes('text/html')) {
      this.lastBody = response.body;
      const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
      if (token) this.lastCsrf = token;
    }
    return { status: response.statusCode, body: response.body, headers: response.headers, location: typeof location === 'string' ? location : undefined, raw: response.rawPayload };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<PageResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** Follows redirects (as a browser would after a POST) up to a few hops. */
  async follow(response: PageResponse): Promise<PageResponse> {
    let current = response;
    for (let hops = 0; hops < 5 && current.location; hops += 1) current = await this.get(new URL(current.location, 'http://mogna.test').pathname + new URL(current.location, 'http://mogna.test').search);
    return current;
  }

  csrfToken(): string {
    if (!this.lastCsrf) throw new Error('no page with a CSRF token has been opened yet');
    return this.lastCsrf;
  }

  async post(url: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<PageResponse> {
    const form = new URLSearchParams();
    if (options.csrf !== false) form.append('_csrf', this.csrfToken());
    for (const [name, value] of Object.entries(fields)) {
      for (const single of Array.isArray(value) ? value : [value]) form.append(name, single);
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      }),
    );
  }

  /** Posts a multipart form as the page's upload forms do: the CSRF token first, then the file. */
  async upload(url: string, file: { name: string; content: Buffer | string; type?: string }, options: { csrf?: boolean } = {}): Promise<PageResponse> {
    const boundary = `----mogna${Math.random().toString(16).slice(2)}`;
    const token = options.csrf === false ? '' : `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${this.csrfToken()}\r\n`;
    const head = Buffer.from(
      `${token}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const payload = Buffer.concat([head, Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content), tail]);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      }),
    );
  }

  async logIn(email: string, password: string): Promise<PageResponse> {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}

/** The visible text of an HTML page, for assertions that should not depend on markup. */
export function textOf(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}
