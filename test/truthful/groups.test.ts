/** Create Group reports "created" only for an answer that says so. Against the stand-in. */
import { failure } from '../helpers';
import { json } from '../standin/server';
import { runAgainst, useStandIn } from '../standin/use';

const standIn = useStandIn();
const create = () =>
  runAgainst(
    standIn(),
    'creates.create_group.operation.perform',
    { name: 'VIP' },
    { authData: { api_platform: 'vortex' } },
  );

it.each([
  { error: 'A group with this name already exists' },
  { errors: { name: ['has already been taken'] } },
  { errors: ['Name is required'] },
  { status: 'error', message: 'Could not create the group' },
  { status: 422, error: 'Unprocessable Entity' },
])('a 200 with %j is an error that quotes it, not a created group', async (body) => {
  standIn().on('POST /addressbook/groups', json(200, body));
  const outcome = await create();
  expect(outcome.result).toBeUndefined();
  expect(failure(outcome).message).toMatch(/in an HTTP 200 answer/);
});

it.each([{ success: true, record: { id: 'g-1' } }, { id: 'g-2' }, { success: true }])(
  '%j is a created group',
  async (body) => {
    standIn().on('POST /addressbook/groups', json(200, body));
    expect((await create()).result).toMatchObject({ name: 'VIP' });
  },
);
