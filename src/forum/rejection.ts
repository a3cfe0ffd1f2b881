// Why a post was refused, as a stable reason for tests and logs, with a catalogue message for the person and,
// when it concerns one field, that field's name (the form shows the message next to it).
import { TisseError, type ErrorCode, type MessageRef } from '../kernel/errors.ts';

export type RejectionReason =
  | 'invalid' // a field is missing or malformed
  | 'not_found' // no such published article (or parent message)
  | 'closed' // forum mode 'non'
  | 'login_required' // forum mode 'abo' and nobody logged in
  | 'honeypot'
  | 'token' // missing, forged or for another form
  | 'reused' // a token a stored message already used
  | 'too_fast'
  | 'expired'
  | 'links'
  | 'duplicate'
  | 'rate_ip'
  | 'rate_email';

const codes: Record<RejectionReason, ErrorCode> = {
  invalid: 'BAD_INPUT',
  not_found: 'NOT_FOUND',
  closed: 'FORBIDDEN',
  login_required: 'UNAUTHENTICATED',
  honeypot: 'BAD_INPUT',
  token: 'BAD_INPUT',
  reused: 'CONFLICT',
  too_fast: 'BAD_INPUT',
  expired: 'BAD_INPUT',
  links: 'BAD_INPUT',
  duplicate: 'CONFLICT',
  rate_ip: 'TOO_MANY_REQUESTS',
  rate_email: 'TOO_MANY_REQUESTS',
};

export class ForumRejection extends TisseError {
  readonly reason: RejectionReason;

  constructor(reason: RejectionReason, message: MessageRef, fields?: Record<string, MessageRef>) {
    super(codes[reason], message, fields ? { fields } : undefined);
    this.reason = reason;
  }
}

export function isForumRejection(error: unknown): error is ForumRejection {
  return error instanceof ForumRejection;
}
