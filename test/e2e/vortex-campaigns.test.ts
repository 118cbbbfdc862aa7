/**
 * Groups, template campaigns and sends to contacts, end to end through zapier-platform-core over
 * real HTTP to the sandbox speaking Vortex (docs/mobivate-api.md §V5, §3.6, §3.7).
 */
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { allowLoopback } from './loopback';
import { resultOf, runOn, sandboxAuth } from '../runner';

allowLoopback();

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ generation: 'vortex' });
});
afterEach(() => sandbox.close());

const run = (method: string, inputData: Record<string, unknown> = {}) =>
  runOn(sandboxAuth(sandbox, 'vortex'), method, inputData).then(resultOf);

const TEMPLATE = 'aaaaaaa-bbbbbbbb-cccccc-ddddddd-eee';

it('creates a group, then sends a template campaign to its members and to a number', async () => {
  const group = await run('creates.create_group.operation.perform', { name: 'Spring VIPs' });
  expect(group).toEqual({
    id: expect.any(String),
    name: 'Spring VIPs',
    note: '',
    already_existed: false,
  });
  expect(sandbox.requests.at(-1)).toMatchObject({
    headers: expect.objectContaining({ 'content-type': 'application/x-www-form-urlencoded' }),
    body: { name: 'Spring VIPs' },
  });
  // No documented request adds contacts to a group: the hub does.
  sandbox.groups.get(String(group.id))!.members.push('447700900001', '447700900002');

  // A name that exists gives that group (issue 22): the Zap goes on with the same id.
  const again = await run('creates.create_group.operation.perform', { name: 'Spring VIPs' });
  expect(again).toEqual({ id: group.id, name: 'Spring VIPs', note: '', already_existed: true });
  expect(sandbox.requests.at(-1)).toMatchObject({ method: 'GET', path: '/addressbook/groups' });
  expect(sandbox.groups.size).toBe(1);

  const sent = await run('creates.send_template_campaign.operation.perform', {
    template_id: TEMPLATE,
    groups: [group.id],
    line_items: [{ line_recipient: '+33790000003', line_fields: 'NAME=Jean', line_language: 'FR' }],
  });
  expect(sent).toMatchObject({
    template_id: TEMPLATE,
    recipients_sent: 1,
    groups_sent: 1,
    recipients_accepted: 3,
  });
  expect(sandbox.messages.map((m) => [m.recipient, m.body])).toEqual([
    ['33790000003', 'Bonjour Jean, votre commande est prête.'],
    ['447700900001', 'Hello {{NAME}}, your order is ready.'],
    ['447700900002', 'Hello {{NAME}}, your order is ready.'],
  ]);
});

it('sends to contacts by alias, placeholders reaching Mobivate untouched', async () => {
  const at = Date.now();
  for (const [id, alias, msisdn, name] of [
    ['c-1', 'john', '447700900011', 'John'],
    ['c-2', 'mary', '447700900012', 'Mary'],
  ] as const) {
    sandbox.contacts.set(id, { id, alias, msisdn, meta: { NAME: name }, created: at, updated: at });
  }
  const sent = await run('creates.send_sms_to_contacts.operation.perform', {
    from: 'Acme',
    aliases: ['john', 'mary', 'nobody'],
    message: 'Hi {{NAME}}, see you soon',
  });
  expect(sent).toMatchObject({
    contacts_sent: 3,
    contacts_accepted: 2,
    text: 'Hi {{NAME}}, see you soon',
  });
  expect(sandbox.requests.at(-1)?.body).toMatchObject({
    recipients: ['john', 'mary', 'nobody'],
    text: 'Hi {{NAME}}, see you soon',
    excludeOptouts: true,
  });
  expect(sandbox.messages.map((m) => [m.recipient, m.body])).toEqual([
    ['447700900011', 'Hi John, see you soon'],
    ['447700900012', 'Hi Mary, see you soon'],
  ]);
});

it('Send Batch SMS sends to a group and a number, with a recipient’s own fields', async () => {
  const group = await run('creates.create_group.operation.perform', { name: 'Members' });
  sandbox.groups.get(String(group.id))!.members.push('447700900011', '447700900012');

  const sent = await run('creates.send_batch_sms.operation.perform', {
    from: 'Acme',
    message: 'Hi {{NAME}}',
    groups: [group.id],
    line_items: [{ line_recipient: '+447700900013', line_fields: 'NAME=Ann' }],
  });

  expect(sent).toMatchObject({ recipients_skipped: [] });
  const batch = sandbox.requests.find((request) => request.path === '/send/batch');
  expect(batch?.body).toMatchObject({
    text: 'Hi {{NAME}}',
    excludeOptOuts: true,
    recipients: expect.arrayContaining([
      expect.objectContaining({ recipient: group.id, meta: { type: 'mailinglist' } }),
      expect.objectContaining({ recipient: '447700900013', meta: { NAME: 'Ann' } }),
    ]),
  });
  // The group's members are in the history, as Mobivate expands the list.
  expect(sandbox.messages.map((message) => message.recipient)).toEqual(
    expect.arrayContaining(['447700900011', '447700900012', '447700900013']),
  );
});
