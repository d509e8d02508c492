// Delivers e-mail through SMTP when SMTP_URL is configured. Without it nothing leaves the
// machine: messages are kept in the outbox table, which coordinators can read, so the demo
// works offline.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** 'smtp' when the SMTP server accepted the message; 'outbox' when there is no SMTP server. */
  readonly mode: 'smtp' | 'outbox';
  deliver(mail: OutgoingMail): Promise<void>;
}

const outboxOnlyTransport: MailTransport = {
  mode: 'outbox',
  deliver: async () => {},
};

function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    mode: 'smtp',
    async deliver(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}

export function mailTransportFromConfig(config: { SMTP_URL?: string | undefined; MAIL_FROM: string }): MailTransport {
  return config.SMTP_URL ? smtpTransport(config.SMTP_URL, config.MAIL_FROM) : outboxOnlyTransport;
}
