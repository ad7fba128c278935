// The checks, one file each, named after their code: over a dialplan, across the PBXs (trunks), over a file's text.
import type { DialplanCheck, TextCheck, TrunkCheck } from '../finding';
import { appArguments } from './appArguments';
import { appCondition } from './appCondition';
import { appOption } from './appOption';
import { appUnknown } from './appUnknown';
import { configContextMissing } from './configContextMissing';
import { emptyPattern } from './emptyPattern';
import { exposureDefaultContext } from './exposureDefaultContext';
import { exposureGuestDialout } from './exposureGuestDialout';
import { exposureInsecureInvite } from './exposureInsecureInvite';
import { exposurePjsip } from './exposurePjsip';
import { exposureSecret } from './exposureSecret';
import { firstLineNext } from './firstLineNext';
import { functionArguments } from './functionArguments';
import { functionUnknown } from './functionUnknown';
import { ivozCodec } from './ivozCodec';
import { ivozFriendIdentity } from './ivozFriendIdentity';
import { ivozInsecure } from './ivozInsecure';
import { ivozPatterns } from './ivozPatterns';
import { ivozPriority } from './ivozPriority';
import { gotoTarget } from './gotoTarget';
import { lowercaseWildcard } from './lowercaseWildcard';
import { missingUnderscore } from './missingUnderscore';
import { newMatcher } from './newMatcher';
import { nextAfterHint } from './nextAfterHint';
import { noPriorityOne } from './noPriorityOne';
import { pjsipAddressMismatch } from './pjsipAddressMismatch';
import { pjsipAuthMismatch } from './pjsipAuthMismatch';
import { pjsipClientUriUser } from './pjsipClientUriUser';
import { pjsipCodecMismatch } from './pjsipCodecMismatch';
import { pjsipContextMissing } from './pjsipContextMissing';
import { pjsipDialUnknownEndpoint } from './pjsipDialUnknownEndpoint';
import { pjsipDuplicateSection } from './pjsipDuplicateSection';
import { pjsipOutboundAuthMissing } from './pjsipOutboundAuthMissing';
import { pjsipPasswordMismatch } from './pjsipPasswordMismatch';
import { pjsipRemoteRegistrationRefused } from './pjsipRemoteRegistrationRefused';
import { pjsipSectionWithoutType } from './pjsipSectionWithoutType';
import { pjsipTransportMissing } from './pjsipTransportMissing';
import { pjsipTransportProtocol } from './pjsipTransportProtocol';
import { pjsipUnidentifiedCalls } from './pjsipUnidentifiedCalls';
import { pjsipWizardIncomplete } from './pjsipWizardIncomplete';
import { pjsipWizardOutsideWizardFile } from './pjsipWizardOutsideWizardFile';
import { shadowedExtension } from './shadowedExtension';
import { styleControlCharacter } from './styleControlCharacter';
import { styleFinalNewline } from './styleFinalNewline';
import { styleInvalidUtf8 } from './styleInvalidUtf8';
import { styleMixedLineEndings } from './styleMixedLineEndings';
import { styleTrailingWhitespace } from './styleTrailingWhitespace';
import { substring } from './substring';
import { trunkAddressMismatch } from './trunkAddressMismatch';
import { exposureGuestCalls } from './exposureGuestCalls';
import { trunkCallRefused } from './trunkCallRefused';
import { trunkCodecMismatch } from './trunkCodecMismatch';
import { trunkContextMissing } from './trunkContextMissing';
import { trunkDynamicUnrecognised } from './trunkDynamicUnrecognised';
import { trunkNameUsername } from './trunkNameUsername';
import { trunkRegisterUser } from './trunkRegisterUser';
import { trunkRegistrationRefused } from './trunkRegistrationRefused';
import { trunkSecretMismatch } from './trunkSecretMismatch';
import { trunkUsernameMismatch } from './trunkUsernameMismatch';
import { unreachableContext } from './unreachableContext';
import { versionDeprecated } from './versionDeprecated';
import { versionRemoved, versionRemovedConfigs } from './versionRemoved';

export const DIALPLAN_CHECKS: DialplanCheck[] = [noPriorityOne, firstLineNext, nextAfterHint, lowercaseWildcard, missingUnderscore, gotoTarget, shadowedExtension, emptyPattern, newMatcher, appUnknown, appArguments, appOption, appCondition, substring, functionUnknown, functionArguments, versionRemoved, versionDeprecated];

export const TRUNK_CHECKS: TrunkCheck[] = [
  versionRemovedConfigs,
  trunkRegisterUser,
  trunkSecretMismatch,
  trunkUsernameMismatch,
  trunkAddressMismatch,
  trunkCodecMismatch,
  trunkContextMissing,
  trunkDynamicUnrecognised,
  trunkNameUsername,
  trunkCallRefused,
  trunkRegistrationRefused,
  exposureDefaultContext,
  exposureGuestDialout,
  exposureGuestCalls,
  exposureInsecureInvite,
  exposureSecret,
  exposurePjsip,
  unreachableContext,
  configContextMissing,
  ivozFriendIdentity,
  ivozInsecure,
  ivozCodec,
  ivozPatterns,
  ivozPriority,
  pjsipDuplicateSection,
  pjsipSectionWithoutType,
  pjsipWizardOutsideWizardFile,
  pjsipWizardIncomplete,
  pjsipTransportMissing,
  pjsipOutboundAuthMissing,
  pjsipDialUnknownEndpoint,
  pjsipAddressMismatch,
  pjsipTransportProtocol,
  pjsipClientUriUser,
  pjsipRemoteRegistrationRefused,
  pjsipAuthMismatch,
  pjsipPasswordMismatch,
  pjsipUnidentifiedCalls,
  pjsipCodecMismatch,
  pjsipContextMissing,
];

/** The style checks of every config file, off by default (catalog.ts): they run once enabled (severities.ts). */
export const TEXT_CHECKS: TextCheck[] = [styleTrailingWhitespace, styleMixedLineEndings, styleFinalNewline, styleControlCharacter, styleInvalidUtf8];
