import { sendBatchRequest } from '../http/batch-outcome';
import { isObject } from '../records';
import type { AcceptedBatch, MobivateApi } from '../types';
import { readBatch, recipientOf } from './messages';

/** No limit is documented for either request; the batch send's 1,000 is kept (§V3). */
const MAX_BATCH_SIZE = 1000;

const EXPECTED = 'the campaign ({"success": true, "record": {"id", …}})';

/**
 * Neither answer is documented (§3.6, §3.7: "behaves similarly to batch"): the batch's
 * `{success, record: {id, recipientCount}}` is read, and a bare `{"success": true}` is taken at its
 * word as accepted, without an id (the output says so). Anything else after a send is unclear.
 */
const readCampaign = (body: unknown, size: number): AcceptedBatch | undefined =>
  readBatch(body, size) ??
  (isObject(body) && body.success === true ? { id: '', name: null, accepted: size } : undefined);

/**
 * `POST /send/alias` (§3.7, scope create:AliasSMS): contacts by their alias, one text whose
 * `{{placeholders}}` Mobivate fills from each contact; `excludeOptouts` with a small "o" as on
 * that page (§9 #8); `scheduleDateTime`, not the batch's `scheduled`.
 */
const sendToAliases: NonNullable<MobivateApi['campaigns']>['sendToAliases'] = (
  z,
  bundle,
  chunk,
  options,
) =>
  sendBatchRequest(
    z,
    bundle,
    {
      method: 'POST',
      path: '/send/alias',
      body: {
        recipients: chunk.map(({ recipient }) => recipient),
        text: chunk[0]!.text,
        originator: options.originator,
        ...(options.name ? { name: options.name } : {}),
        ...(options.scheduleAt !== undefined
          ? { scheduleDateTime: new Date(options.scheduleAt).toISOString() }
          : {}),
        excludeOptouts: true,
        shortenUrls: options.shortenUrls,
        ...(options.spreadHours !== undefined ? { spreadHours: options.spreadHours } : {}),
      },
    },
    (body) => readCampaign(body, chunk.length),
    EXPECTED,
  );

/**
 * `POST /send/template` (§3.6, scope create:TemplateSMS): `templateID` (capital ID), numbers with
 * their `meta` fields and `language`, and groups as `meta.type: "mailinglist"`.
 */
const sendTemplate: NonNullable<MobivateApi['campaigns']>['sendTemplate'] = (
  z,
  bundle,
  chunk,
  templateId,
) =>
  sendBatchRequest(
    z,
    bundle,
    {
      method: 'POST',
      path: '/send/template',
      body: { templateID: templateId, recipients: chunk.map(recipientOf) },
    },
    (body) => readCampaign(body, chunk.length),
    EXPECTED,
  );

export const campaigns: NonNullable<MobivateApi['campaigns']> = {
  sendToAliases,
  sendTemplate,
  maxBatchSize: MAX_BATCH_SIZE,
};
