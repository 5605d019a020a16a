/**
 * Account recognition: which customer account a thread or meeting is about,
 * from its participants and title. Pure (no I/O, no clock, no browser API);
 * used by the background and the panel, fed by the local store.
 *
 *   const input = withRecognitionKeys(rows);                 // keys derived once per row (the store's cache does this on write)
 *   const index = buildRecognitionIndex(input);              // once per change of rows or wake
 *   const { candidates, unknownDomains } = recognise(index, hostContext);
 *   const ranked = applyManualChoice(candidates, rememberedChoice, { accountExists: (id) => index.accounts.has(id) });
 */
export { buildRecognitionIndex, type IndexedAccount, type RecognitionIndex } from './recognition-index';
export {
  recognise,
  type RecognitionCandidate,
  type RecognitionOptions,
  type RecognitionParticipantRef,
  type RecognitionReason,
  type RecognitionResult,
  type UnknownDomain,
} from './recognise';
export {
  RecognitionAccount,
  RecognitionAccountDomain,
  RecognitionAccountDomainRow,
  RecognitionAccountRow,
  RecognitionContext,
  RecognitionInput,
  RecognitionParticipant,
  RecognitionRows,
  RecognitionStakeholder,
  RecognitionStakeholderRow,
  ParticipantRole,
} from './input';
export { accountDomainKeys, accountNameKeys, stakeholderAddressKey, withRecognitionKeys, type AccountDomainKeys } from './row-keys';
export { applyManualChoice, findManualChoice, ManualChoice, manualChoiceKey, type RankedCandidate } from './manual-choice';
export { isFreeMailDomain } from './free-mail';
export { parseAddress, registrableDomainOfHost, normaliseHost } from './domains';
export { suggestAccountName } from './prefill';
export type { ReasonKind } from './scoring';
