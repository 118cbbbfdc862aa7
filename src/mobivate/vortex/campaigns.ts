import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Generation } from '../generation';
import { inChunks, sendBatchRequest, sendInBatches } from '../shared/batch-send';
import { readBatchAnswer } from '../shared/batch-answer';
import type { MobivateRequest } from '../transport/request';
import type { BatchRecipient } from '../types';
import { MAX_BATCH_SIZE, recipientOf } from './messages';

type Campaigns = NonNullable<Generation['campaigns']>;

const EXPECTED = 'the campaign ({"success": true, "record": {"id", …}})';

/**
 * Sends a campaign in requests of the batch's size (no limit is documented for either, §V3), one
 * at a time: these sends are rare and small, so they take no concurrency.
 */
const sendCampaign = (
  z: ZObject,
  bundle: Bundle,
  recipients: BatchRecipient[],
  request: (chunk: BatchRecipient[]) => MobivateRequest,
) =>
  sendInBatches(
    inChunks(recipients, MAX_BATCH_SIZE),
    // Neither answer is documented (§3.6, §3.7: "behaves similarly to batch"): a bare
    // {"success": true} is taken at its word as accepted, without an id or a count.
    (chunk) =>
      sendBatchRequest(z, bundle, request(chunk), (body) => readBatchAnswer(body, true), EXPECTED),
    1,
  );

/**
 * `POST /send/alias` (§3.7, scope create:AliasSMS): contacts by their alias, one text whose
 * `{{placeholders}}` Mobivate fills from each contact; `excludeOptouts` with a small "o" as on
 * that page (§9 #8); `scheduleDateTime`, not the batch's `scheduled`.
 */
const sendToAliases: Campaigns['sendToAliases'] = (z, bundle, aliases, options) =>
  sendCampaign(z, bundle, aliases, (chunk) => ({
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
  }));

/**
 * `POST /send/template` (§3.6, scope create:TemplateSMS): `templateID` (capital ID), numbers with
 * their `meta` fields and `language`, and groups as `meta.type: "mailinglist"`.
 */
const sendTemplate: Campaigns['sendTemplate'] = (z, bundle, recipients, templateId) =>
  sendCampaign(z, bundle, recipients, (chunk) => ({
    method: 'POST',
    path: '/send/template',
    body: { templateID: templateId, recipients: chunk.map(recipientOf) },
  }));

export const campaigns: Campaigns = { sendToAliases, sendTemplate };
