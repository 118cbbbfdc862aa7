import { perform } from '../../src/triggers/recent-sender-id';
import { senderField } from '../../src/inputs/message';
import App from '../../index';
import { appTester } from '../helpers';
import { loggedMessage } from '../fixtures';
import { NOW, expectLogPage, logRecords, pollBundle } from './log-pages';

/** The sender IDs of the last 30 days, and a day ahead for clock skew. */
const WINDOW = { startDate: '2026-10-27T12:00:00+0000', endDate: '2026-11-27T12:00:00+0000' };
const HOUR = 3_600_000;
const sent = (id: string, originator: unknown, created: string) =>
  loggedMessage({ id, originator, created });

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('Sender IDs for the From dropdown', () => {
  it('offers each sender ID of the recent sent messages once, the most recently used first', async () => {
    expectLogPage(WINDOW, 'MT', 1, [
      sent('1', 'Acme', '2026-11-20T10:00:00+0000'),
      sent('2', 'AcmeSale', '2026-11-24T10:00:00+0000'),
      sent('3', 'Acme', '2026-11-25T10:00:00+0000'),
      sent('4', 447700900999, '2026-11-01T10:00:00+0000'),
      sent('5', '  ', '2026-11-26T10:00:00+0000'),
      sent('6', null, '2026-11-26T10:00:00+0000'),
    ]);

    const items = await appTester(perform, pollBundle());

    expect(items).toEqual([
      { id: 'Acme', name: 'Acme' },
      { id: 'AcmeSale', name: 'AcmeSale' },
      { id: '447700900999', name: '447700900999' },
    ]);
  });

  it('reads at most two pages, and offers what they hold without an error', async () => {
    expectLogPage(WINDOW, 'MT', 1, logRecords(1000, 20 * 24 * HOUR, { originator: 'Old' }, 'A'));
    expectLogPage(WINDOW, 'MT', 2, [
      ...logRecords(999, 10 * 24 * HOUR, { originator: 'Acme' }, 'B'),
      sent('x', 'Promo', '2026-11-26T11:00:00+0000'),
    ]);

    const items = await appTester(perform, pollBundle({}, { isFillingDynamicDropdown: true }));

    expect(items).toEqual([
      { id: 'Promo', name: 'Promo' },
      { id: 'Acme', name: 'Acme' },
      { id: 'Old', name: 'Old' },
    ]);
  });

  it('is a hidden trigger that the From field uses as its dropdown, and any sender ID can be typed', () => {
    const trigger = App.triggers!.recent_sender_id!;
    expect(trigger.display).toMatchObject({ hidden: true });
    expect(trigger.operation.type).toBe('polling');
    expect(senderField).toMatchObject({
      key: 'from',
      type: 'string',
      dynamic: 'recent_sender_id.id.name',
    });
    // A dynamic dropdown takes typed values unless told otherwise: nothing here tells it so.
    expect(senderField).not.toHaveProperty('choices');
    expect(senderField.helpText).toMatch(/or type any sender ID/);
  });
});
