// What a delivery needs of an SMTP client (jobs/newsletter-sender.ts makes one with nodemailer's pooled
// transport; the bench and tests use the same): send one message, or fail with the server's reply code.

export interface LetterMessage {
  to: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** Header values: List-Unsubscribe, List-Unsubscribe-Post, List-Id. */
  headers: Record<string, string>;
  /** Stable per (issue, subscriber): a receiving server that got an uncertain copy twice can tell. */
  messageId: string;
}

export interface LetterSender {
  /** The From address of letters; also the mailto of List-Unsubscribe. */
  from(): Promise<{ name: string; address: string }>;
  send(message: LetterMessage): Promise<void>;
  /** How many messages may be in flight at once (the pool's connections). */
  concurrency: number;
}

/** How an SMTP failure is treated: 5xx permanent (bounced), 4xx temporary (retried), no reply (connection: retried, not counted). */
export function failureKind(error: unknown): 'permanent' | 'temporary' | 'connection' {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  if (typeof code !== 'number') return 'connection';
  return code >= 500 ? 'permanent' : 'temporary';
}
