/**
 * New Incoming SMS's keyword filter: a whole word (or a whole phrase), in any case and any
 * language, at the start of the message or anywhere in it.
 */
import { matchesKeyword, perform } from '../../src/triggers/new-incoming-sms';
import { authData, appTester, mobivate } from '../helpers';
import { loggedMessage } from '../fixtures';
import { runMethod } from '../reliability/runner';
import { hookBundle } from './hooks';

const message = (body: string, id = 'MO1') => ({
  id,
  originator: '4915112345678',
  recipient: '12345',
  body,
  created: '2026-11-25T10:00:00+0000',
});

describe('matchesKeyword', () => {
  it.each([
    // A whole word, whatever the case and the punctuation around it.
    ['ARRÊT', 'arrêt', 'starts_with', true],
    ['ARRÊT', '¡Arrêt!', 'starts_with', true],
    ['arrêt', 'ARRÊTÉ hier', 'starts_with', false],
    ['Stopp', 'Stopp.', 'starts_with', true],
    ['Stopp', 'Stoppuhr kaputt', 'starts_with', false],
    ['Stopp', 'Bitte STOPP!', 'contains', true],
    ['Stopp', 'Bitte Stoppuhr', 'contains', false],
    ['JA', 'Jahr 2026', 'contains', false],
    ['ja', 'Ja, gerne', 'starts_with', true],
    ['1', 'Option 10', 'contains', false],
    ['1', 'Option 1 please', 'contains', true],
    // Not the first word: only "contains" matches.
    ['INFO', 'More INFO', 'starts_with', false],
    ['INFO', 'More INFO', 'contains', true],
    // A phrase matches as a whole, with any punctuation or spacing between its words.
    ['opt out', 'Opt-out, please', 'starts_with', true],
    ['opt out', 'I want to OPT   OUT now', 'contains', true],
    ['opt out', 'opt outside', 'contains', false],
    ['opt out', 'out opt', 'contains', false],
    // Words as Unicode defines them, also where no spaces separate them.
    ['停止', '请停止发送', 'contains', true],
    ['Straße', 'STRASSE 5', 'starts_with', true],
    // An emoji has no word to match: it is looked for as text.
    ['👍', 'Sure 👍', 'contains', true],
    ['👍', 'Sure 👍', 'starts_with', false],
  ])('keyword %j in %j (%s) → %s', (keyword, body, position, expected) => {
    expect(matchesKeyword(body, keyword, position)).toBe(expected);
  });

  it('treats an unknown position as the default, "starts with"', () => {
    expect(matchesKeyword('Ja bitte', 'ja', 'x')).toBe(true);
    expect(matchesKeyword('Oh ja', 'ja', 'x')).toBe(false);
  });
});

describe('New Incoming SMS with a keyword', () => {
  it('triggers only for the messages of a webhook batch that hold the whole word', async () => {
    const items = await appTester(
      perform,
      hookBundle(
        [
          message('Arrêt.', 'a'),
          message('Arrêté par la police', 'b'),
          message("S'il vous plaît, ARRÊT", 'c'),
        ],
        { keyword: 'arrêt', keyword_match: 'contains' },
      ),
    );
    expect((items as { id: string }[]).map((item) => item.id)).toEqual(['a', 'c']);
  });

  it('keeps is_opt_out_keyword about the whole message, whatever the keyword', async () => {
    const [item] = (await appTester(
      perform,
      hookBundle(message('STOP!'), { keyword: 'stop', keyword_match: 'starts_with' }),
    )) as { is_opt_out_keyword: boolean }[];
    expect(item!.is_opt_out_keyword).toBe(true);
  });

  it('filters the samples from the message log the same way', async () => {
    mobivate()
      .get('/message')
      .query((query) => query.direction === 'MO' && query.page === '1' && query.pageSize === '1000')
      .reply(200, [
        loggedMessage({ id: 'l1', direction: 'MO', body: 'Stoppuhr verloren' }),
        loggedMessage({
          id: 'l2',
          direction: 'MO',
          body: 'stopp',
          created: '2026-11-25T02:00:00+0000',
        }),
      ]);

    const { result } = await runMethod('triggers.new_incoming_sms.operation.performList', {
      authData: authData(),
      inputData: { keyword: 'STOPP' },
    });

    expect((result as { id: string }[]).map((item) => item.id)).toEqual(['l2']);
  });
});
