// Bounce reports (delivery status notifications, RFC 3464) and delivery errors in plain words.
//
// A DSN is a multipart/report mail whose machine-readable part (message/delivery-status) holds
// groups of fields: first about the message, then one group per recipient with Final-Recipient,
// Action, Status (an RFC 3463 code such as 5.1.1) and Diagnostic-Code (the receiving server's
// words). We read only that part: the human text of a bounce differs between every mail server.
// No maintained parser is among the app's dependencies, so this is a small one: headers (with
// folded lines), multipart bodies (nested), base64 and quoted-printable parts, and mbox files
// ("From " lines between messages). Pure: text in, reports out.

export interface BounceReport {
  /** The address that failed, in lower case. */
  recipient: string;
  /** 'failed' (a bounce), 'delayed', 'delivered', 'relayed' or 'expanded'. */
  action: string;
  /** The RFC 3463 status code, e.g. '5.1.1' ('' when missing). */
  status: string;
  /** What the receiving server said, e.g. 'smtp; 550 5.1.1 User unknown' ('' when missing). */
  diagnostic: string;
}

/** An mbox separator: "From sender Mon Dec  7 09:12:01 2026" (a body's "From here" is not one). */
const FROM_LINE = /^From \S+ +[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} /;

/** The messages of an mbox file (or the one message of an .eml file). */
export function splitMbox(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  if (!FROM_LINE.test(normalised)) return [normalised];
  return normalised
    .split(new RegExp(`\\n(?=${FROM_LINE.source.slice(1)})`))
    .map((message) => message.replace(/^From [^\n]*\n/, '').replace(/^>(>*From )/gm, '$1'))
    .filter((message) => message.trim() !== '');
}

/** Every failed-or-other recipient report in the messages of an mbox or .eml text. */
export function parseBounceReports(text: string): BounceReport[] {
  return splitMbox(text).flatMap((message) => reportsInEntity(message, 0));
}

interface Entity {
  headers: Map<string, string>;
  body: string;
}

function parseEntity(text: string): Entity {
  const split = /\n\n/.exec(text);
  const head = split ? text.slice(0, split.index) : text;
  const body = split ? text.slice(split.index + 2) : '';
  return { headers: parseFields(head), body };
}

/** Header-style fields, with folded lines joined; the first of a repeated name wins. */
function parseFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = block.replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
  }
  return fields;
}

function mediaType(entity: Entity): string {
  return (entity.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
}

function boundaryOf(entity: Entity): string | null {
  const match = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(entity.headers.get('content-type') ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function decodedBody(entity: Entity): string {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n?/g, '\n');
  if (encoding === 'quoted-printable') {
    const bytes = entity.body.replace(/=\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return entity.body;
}

const MAX_DEPTH = 5;

function reportsInEntity(text: string, depth: number): BounceReport[] {
  if (depth > MAX_DEPTH) return [];
  const entity = parseEntity(text);
  const type = mediaType(entity);
  if (type === 'message/delivery-status' || type === 'message/global-delivery-status') return recipientReports(decodedBody(entity));
  if (!type.startsWith('multipart/')) return [];
  const boundary = boundaryOf(entity);
  if (!boundary) return [];
  const parts = entity.body.split(new RegExp(`^--${escapeRegExp(boundary)}(?:--)?[ \\t]*$`, 'm')).slice(1, -1);
  return parts.flatMap((part) => reportsInEntity(part.replace(/^\n/, ''), depth + 1));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The per-recipient groups of a delivery-status body (the first group is about the message). */
function recipientReports(body: string): BounceReport[] {
  const groups = body
    .trim()
    .split(/\n[ \t]*\n/)
    .map(parseFields);
  return groups.flatMap((fields) => {
    const address = addressOf(fields.get('final-recipient') ?? fields.get('original-recipient') ?? '');
    const action = (fields.get('action') ?? '').toLowerCase();
    if (!address || !action) return [];
    return [{ recipient: address, action, status: /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? '', diagnostic: fields.get('diagnostic-code') ?? '' }];
  });
}

/** 'rfc822; Anna@Example.org' → 'anna@example.org'. */
function addressOf(field: string): string | null {
  const value = field.includes(';') ? field.slice(field.indexOf(';') + 1) : field;
  const address = value.trim().replace(/^<|>$/g, '').toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(address) ? address : null;
}

/** What went wrong, in the words a coordinator can act on. */
export type DeliveryProblem = 'no_such_address' | 'no_such_domain' | 'mailbox_full' | 'refused' | 'temporary' | 'mail_server' | 'unknown';

/**
 * Classifies a bounce or an SMTP error by its RFC 3463 status code (5.1.1 and so on, also when
 * it stands inside the server's text) or, failing that, its SMTP reply code.
 */
export function deliveryProblem(text: string): DeliveryProblem {
  const status = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(text);
  if (status) {
    const [, klass, subject, detail] = status;
    if (klass === '4') return 'temporary';
    if (subject === '1' && (detail === '1' || detail === '0' || detail === '6')) return 'no_such_address';
    if (subject === '1' && detail === '2') return 'no_such_domain';
    if (subject === '4' && detail === '4') return 'no_such_domain';
    if (subject === '2' && detail === '2') return 'mailbox_full';
    if (subject === '7') return 'refused';
    return 'unknown';
  }
  const reply = /\b([45])\d\d\b/.exec(text);
  if (reply?.[0] === '550' || reply?.[0] === '553') return 'no_such_address';
  if (reply?.[0] === '552') return 'mailbox_full';
  if (reply?.[1] === '4') return 'temporary';
  // Our own mail server could not be reached or refused the login: no address is at fault.
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|ECONNECTION|EAUTH|EDNS|getaddrinfo|Invalid login/i.test(text)) return 'mail_server';
  return 'unknown';
}

export interface RespondentMailProblem {
  /** 'failed': the mail server refused it as it was sent; 'bounced': a bounce report came back later. */
  kind: 'failed' | 'bounced';
  problem: DeliveryProblem;
  /** The server's own words, as stored. */
  reason: string;
  at: string;
}

export interface RespondentMailState {
  bouncedAt: string | null;
  bounceReason: string | null;
  /** The latest mail to the respondent (the outbox), if any. */
  lastMailAt: string | null;
  lastDelivery: 'smtp' | 'outbox' | 'failed' | null;
  lastError: string | null;
}

/** What the respondent's row warns about: the later of a failed last mail and a recorded bounce. */
export function respondentMailProblem(state: RespondentMailState): RespondentMailProblem | null {
  const failed = state.lastDelivery === 'failed' && state.lastMailAt !== null ? { kind: 'failed' as const, reason: state.lastError ?? '', at: state.lastMailAt } : null;
  const bounced = state.bouncedAt !== null ? { kind: 'bounced' as const, reason: state.bounceReason ?? '', at: state.bouncedAt } : null;
  const latest = failed && bounced ? (failed.at > bounced.at ? failed : bounced) : (failed ?? bounced);
  return latest ? { ...latest, problem: deliveryProblem(latest.reason) } : null;
}
