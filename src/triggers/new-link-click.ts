import { defineInputFields, defineTrigger, type WebhookTriggerPerform } from 'zapier-platform-core';
import { readLinkClick, type LinkClick } from '../mobivate';
import { itemsFromHook, leaveRegistered, replaceWebhookField, subscribeTo } from '../webhooks';

const inputFields = defineInputFields([replaceWebhookField('link clicks')]);

/**
 * A click payload has no id and no time (§5.5). Its id is a hash of everything it carries, so the
 * same click delivered twice has the same id; the time is when Zapier received it.
 */
export const clickId = (click: LinkClick): string =>
  // Loaded on the first click rather than with the app: crypto is a sixth of its start-up time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('node:crypto') as typeof import('node:crypto'))
    .createHash('sha256')
    .update(
      JSON.stringify([
        click.messageId,
        click.mobile,
        click.batchId,
        click.clientRef,
        click.url,
        click.ipAddress,
        click.browser,
        click.os,
        click.country,
        click.iso2l,
      ]),
    )
    .digest('hex')
    .slice(0, 32);

const toItem = (click: LinkClick) => ({
  id: clickId(click),
  received_at: new Date().toISOString(),
  ...click,
  // The docs' example country code is "UK", which is not ISO 3166 (GB).
  country_code: click.iso2l?.toUpperCase() === 'UK' ? 'GB' : (click.iso2l?.toUpperCase() ?? null),
});

export const perform = (async (z, bundle) =>
  itemsFromHook(
    z,
    bundle,
    'a link click',
    readLinkClick,
    toItem,
    () => true,
  )) satisfies WebhookTriggerPerform<typeof inputFields>;

/**
 * The message log records no clicks and Mobivate offers no list of them, so there is nothing real
 * to show while the Zap is built: the editor offers the sample below until a real click arrives.
 */
export const performList = async () => [];

export const performSubscribe = subscribeTo('click');
export const performUnsubscribe = leaveRegistered;

export default defineTrigger({
  key: 'new_link_click',
  noun: 'Link Click',
  display: {
    label: 'New Link Click',
    description: 'Triggers when a recipient clicks a shortened link in one of your messages.',
  },
  operation: {
    type: 'hook',
    inputFields,
    perform,
    performList,
    performSubscribe,
    performUnsubscribe,
    sample: {
      id: '5d41402abc4b2a76b9719d911017c592',
      received_at: '2023-09-01T00:31:02.000Z',
      messageId: '9AEC3BB90A000A9D2FBD467178FF6827',
      mobile: '447700900123',
      batchId: '9AEC3B590A000A9D2FBD4671C4D151BF',
      clientRef: 'ref-001',
      browser: 'Safari',
      os: 'Mac OS X',
      country: 'United Kingdom',
      iso2l: 'UK',
      country_code: 'GB',
      ipAddress: '1.1.1.1',
      url: 'https://acme.example/spring-sale',
    },
    outputFields: [
      { key: 'id', label: 'Click ID', type: 'string' },
      { key: 'received_at', label: 'Received At', type: 'datetime' },
      { key: 'messageId', label: 'Message ID', type: 'string' },
      { key: 'mobile', label: 'Mobile Number', type: 'string' },
      { key: 'batchId', label: 'Batch ID', type: 'string' },
      { key: 'clientRef', label: 'Reference', type: 'string' },
      { key: 'browser', label: 'Browser', type: 'string' },
      { key: 'os', label: 'Operating System', type: 'string' },
      { key: 'country', label: 'Country (From IP Address)', type: 'string' },
      { key: 'iso2l', label: 'Country Code (As Sent by Mobivate)', type: 'string' },
      { key: 'country_code', label: 'Country Code (ISO)', type: 'string' },
      { key: 'ipAddress', label: 'IP Address', type: 'string' },
      { key: 'url', label: 'Link (Original URL)', type: 'string' },
    ],
  },
});
