import type { ZObject } from 'zapier-platform-core';

/**
 * Every code the app's errors carry (Zapier shows it beside the message and support searches for
 * it). One list, so that a code is never misspelt and each stands for one kind of problem.
 */
export type ErrorCode =
  // The connection and Mobivate's answers (src/mobivate/: transport/, shared/, capabilities.ts)
  | 'AuthenticationError'
  | 'InvalidApiAddress'
  | 'InvalidApiKey'
  | 'MobivateRedirect'
  | 'MobivateAnswerTooLarge'
  | 'MobivateBadRequest'
  | 'MobivateOutOfCredit'
  | 'MobivateForbidden'
  | 'MobivateServerError'
  | 'MobivateError'
  | 'MobivateUnexpectedAnswer'
  | 'MobivateUnreachable'
  | 'MobivatePagingIgnored'
  | 'StepDeadline'
  | 'NotOnVortex'
  | 'NeedsVortex'
  // Settings of the Zap (src/inputs/)
  | 'InvalidSender'
  | 'InvalidDefaultCountry'
  | 'InvalidMaxParts'
  | 'InvalidSpreadHours'
  | 'InvalidLookbackDays'
  | 'InvalidDuplicateWindow'
  | 'InvalidChoice'
  | 'InvalidRecipients'
  // Outcomes of one operation
  | 'NotOptedOut'
  | 'OptOutEndpointNotFound'
  | 'OptOutSearchIncomplete'
  | 'OptOutSearchInconclusive'
  | 'OptOutRecordUnreadable'
  | 'MessageSearchIncomplete'
  | 'MessageSearchInconclusive'
  | 'MessageSearchUnsupported'
  | 'PartialBatch'
  | 'RecipientOptedOut'
  | 'RecipientRefused'
  | 'InvalidRecipient'
  | 'GroupNotFound'
  | 'ContactNotFound'
  | 'ContactConflict'
  | 'ContactSearchIncomplete'
  | 'DuplicateCheckIncomplete'
  | 'InvalidQuietHours'
  | 'QuietHoursNoTime';

/** A Zapier error (`z.errors.Error`) with one of the app's codes. */
export const appError = (z: ZObject, code: ErrorCode, message: string, status?: number): Error =>
  new z.errors.Error(message, code, status);
