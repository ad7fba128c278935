// The dialplan checks, one file each, named after their code.
import type { DialplanCheck } from '../findings';
import { emptyPattern } from './emptyPattern';
import { firstLineNext } from './firstLineNext';
import { gotoTarget } from './gotoTarget';
import { lowercaseWildcard } from './lowercaseWildcard';
import { missingUnderscore } from './missingUnderscore';
import { newMatcher } from './newMatcher';
import { nextAfterHint } from './nextAfterHint';
import { noPriorityOne } from './noPriorityOne';
import { shadowedExtension } from './shadowedExtension';

export const DIALPLAN_CHECKS: DialplanCheck[] = [noPriorityOne, firstLineNext, nextAfterHint, lowercaseWildcard, missingUnderscore, gotoTarget, shadowedExtension, emptyPattern, newMatcher];
