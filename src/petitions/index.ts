// Petitions on articles: signing with email confirmation (the forum's anti-abuse), the confirmed count and list,
// the back office's management and CSV export. The only door into this module; its pages are in site/ and admin/.
export { SHOWN_SIGNATURES, confirmedCountQuery, countSignatures, listSignatures, loadPetition, petitionQuery, petitionViewOf, shownSignaturesQuery } from './petitions.ts';
export type { Petition, PetitionView, PublicSignature, ShownSignatureRow, Signature } from './petitions.ts';
export { signaturesCsv } from './signatures-csv.ts';
export { PETITION_FORM, checkSignature, signPetition } from './operations/sign-petition.ts';
export type { SignInput } from './operations/sign-petition.ts';
export { confirmSignature } from './operations/confirm-signature.ts';
export { moveSignature, removePetition, savePetition } from './operations/save-petition.ts';
export type { PetitionInput } from './operations/save-petition.ts';
export { isPetitionRejection, PetitionRejection } from './rejection.ts';
