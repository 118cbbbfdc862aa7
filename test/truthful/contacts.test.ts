/**
 * Add or Update Contact keeps the fields it did not change as Mobivate holds them: numbers stay
 * numbers, lists, objects and empty values are sent back, not dropped. Through core's handler
 * against the stand-in, on a Vortex connection.
 */
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

it.each([
  [{ N: 2, L: [1, 2], O: { a: 1 }, Z: null, A: 'x' }],
  [{ SCORE: 0.5, VIP: true, TAGS: ['gold'], NOTE: '' }],
])('an update sends back the existing fields %j untouched, with the new ones', async (meta) => {
  standIn()
    .on('POST /addressbook/contacts', json(400, { success: false, error: 'alias already exists' }))
    .on(
      'GET /addressbook/contacts',
      json(200, {
        results: [{ id: ID, alias: 'jane', msisdn: '61412345678', meta }],
        matches: 1,
      }),
    )
    .on(`POST /addressbook/contacts/${ID}`, json(200, { success: true }));
  const outcome = await runAgainst(
    standIn(),
    'creates.add_contact.operation.perform',
    { mobile: '+61412345678', alias: 'jane', fields: { NEW: 'y' } },
    { authData: { api_platform: 'vortex' } },
  );
  expect(outcome.error).toBeUndefined();
  const update = standIn().received.find((r) => r.path === `/addressbook/contacts/${ID}`)!;
  expect(JSON.parse(update.body)).toEqual({
    msisdn: '61412345678',
    alias: 'jane',
    meta: { ...meta, NEW: 'y' },
  });
  // The output's key/value field shows every value as text.
  const fields = (outcome.result as { fields: Record<string, string> }).fields;
  expect(Object.values(fields).every((value) => typeof value === 'string')).toBe(true);
  expect(fields.NEW).toBe('y');
});
