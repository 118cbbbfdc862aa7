/**
 * A Vortex connection runs every operation end to end through zapier-platform-core, over real HTTP
 * to the sandbox speaking Vortex, in the list shapes seen live and in the documented ones
 * (docs/mobivate-api.md §9 #24, #25).
 */
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { allowLoopback } from './loopback';
import { resultOf, runOn, sandboxAuth } from '../runner';

allowLoopback();

let sandbox: Sandbox;
afterEach(() => sandbox.close());

const run = (method: string, inputData: Record<string, unknown> = {}) =>
  runOn(sandboxAuth(sandbox, 'vortex'), method, inputData).then(resultOf);

describe.each(['observed', 'documented'] as const)('Vortex, answers as %s', (shapes) => {
  beforeEach(async () => {
    sandbox = await startSandbox({
      generation: 'vortex',
      vortexShapes: shapes,
      optOuts: [{ mobile: '447700900456', note: 'MO', created: Date.now() - 60_000 }],
    });
  });

  it('runs the opt-out lifecycle: add, find, poll, delete twice, find', async () => {
    expect(await run('authentication.test')).toMatchObject({ message: 'API Key is valid' });
    expect(
      await run('creates.add_optout.operation.perform', { mobile: '+447700900999' }),
    ).toMatchObject({
      mobile: '447700900999',
      already_opted_out: false,
    });
    expect(
      await run('searches.find_optout.operation.perform', { mobile: '+447700900999' }),
    ).toEqual([expect.objectContaining({ mobile: '447700900999', already_opted_out: true })]);
    const polled = await run('triggers.new_optout.operation.perform');
    expect(polled.map((item) => item.mobile)).toEqual(['447700900999', '447700900456']);
    expect(
      await run('creates.delete_optout.operation.perform', { mobile: '+447700900999' }),
    ).toMatchObject({
      removed: true,
    });
    expect(
      await run('creates.delete_optout.operation.perform', { mobile: '+447700900999' }),
    ).toMatchObject({
      removed: false,
    });
    expect(
      await run('searches.find_optout.operation.perform', { mobile: '+447700900999' }),
    ).toEqual([]);
  });

  it('sends, finds the message, and polls its status; incoming messages are refused', async () => {
    const sent = await run('creates.send_sms.operation.perform', {
      from: 'Acme',
      to: '+447700900999',
      message: 'Welcome back',
      reference: 'resub-1',
    });
    expect(sandbox.requests.at(-1)?.body).toMatchObject({
      text: 'Welcome back',
      excludeOptouts: true,
    });
    await run('creates.send_batch_sms.operation.perform', {
      from: 'Acme',
      recipients: ['+447700900111', '+447700900456'],
      message: 'Sale',
    });
    // The documented history rows carry no reference, so a search by it cannot say "not found"
    // (issue 20: it used to); the rows seen live do carry it.
    const find = run('searches.find_message.operation.perform', { reference: 'resub-1' });
    if (shapes === 'observed') {
      expect(await find).toEqual([expect.objectContaining({ id: sent.id, reference: 'resub-1' })]);
    } else {
      await expect(find).rejects.toThrow(
        /^Cannot search by reference "resub-1": the message history/,
      );
    }
    expect(await run('searches.find_message.operation.perform', { message_id: sent.id })).toEqual([
      expect.objectContaining({ id: sent.id, status: 'ACCEPTED' }),
    ]);
    const statuses = await run('triggers.new_delivery_receipt.operation.perform', {
      statuses: 'failures',
    });
    // The opted-out number's text is in the history as OPTED_OUT, never sent.
    expect(statuses.map((item) => item.status)).toEqual(['OPTED_OUT']);
    await expect(run('triggers.new_incoming_sms.operation.perform')).rejects.toThrow(
      /Vortex API has no way to read incoming messages/,
    );
  });
});
