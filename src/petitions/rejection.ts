// Why a signature (or its confirmation) was refused: a stable reason for tests and logs, the status the
// error code gives, a catalogue message for the person and, for one field, that field's message.
import { TisseError, type ErrorCode, type MessageRef } from '../kernel/errors.ts';

export type PetitionRejectionReason =
  | 'invalid' // a field is missing or malformed
  | 'not_found' // no published article with a petition
  | 'closed' // the petition takes no more signatures
  | 'honeypot'
  | 'token' // missing, forged, for another form, used, too fast or expired
  | 'already_signed' // this address signed (or is confirming) already
  | 'rate_ip'
  | 'rate_email'
  | 'bad_link'; // a confirmation link that is not (or no longer) good

const codes: Record<PetitionRejectionReason, ErrorCode> = {
  invalid: 'BAD_INPUT',
  not_found: 'NOT_FOUND',
  closed: 'FORBIDDEN',
  honeypot: 'BAD_INPUT',
  token: 'BAD_INPUT',
  already_signed: 'CONFLICT',
  rate_ip: 'TOO_MANY_REQUESTS',
  rate_email: 'TOO_MANY_REQUESTS',
  bad_link: 'NOT_FOUND',
};

export class PetitionRejection extends TisseError {
  readonly reason: PetitionRejectionReason;

  constructor(reason: PetitionRejectionReason, message: MessageRef, fields?: Record<string, MessageRef>) {
    super(codes[reason], message, fields ? { fields } : undefined);
    this.reason = reason;
  }
}

export function isPetitionRejection(error: unknown): error is PetitionRejection {
  return error instanceof PetitionRejection;
}
