/**
 * New Incoming SMS's keyword filter: a whole word (or a whole phrase), in any case and any
 * language, at the start of the message or anywhere in it.
 */
import { matchesKeyword, perform } from '../../src/triggers/new-incoming-sms';
import { appTester, failure } from '../helpers';
import { loggedMessage } from '../fixtures';
import { NOW, POLL_WINDOW, SAMPLE_WINDOW, expectLogPage, pollBundle } from './log-pages';

const message = (body: string, id: string) =>
  loggedMessage({ id, direction: 'MO', originator: '4915112345678', body });

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
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  const ids = (items: { id: string }[]) => items.map((item) => item.id);

  it('triggers only for the messages that hold the whole word', async () => {
    expectLogPage(POLL_WINDOW, 'MO', 1, [
      message('Arrêt.', 'a'),
      message('Arrêté par la police', 'b'),
      message("S'il vous plaît, ARRÊT", 'c'),
    ]);

    const items = await appTester(
      perform,
      pollBundle({ keyword: 'arrêt', keyword_match: 'contains' }),
    );

    expect(ids(items)).toEqual(['c', 'a']);
  });

  it.each([
    ['starts_with', 'JOIN now', ['m']],
    ['starts_with', 'I want to join', []],
    ['contains', 'I want to join', ['m']],
    [undefined, 'join', ['m']],
    ['CONTAINS', 'I want to join', ['m']],
  ])('keyword "Join" with position %s and message %j → %j', async (position, body, expected) => {
    expectLogPage(POLL_WINDOW, 'MO', 1, [message(body, 'm')]);
    const items = await appTester(
      perform,
      pollBundle({ keyword: 'Join', keyword_match: position }),
    );
    expect(ids(items)).toEqual(expected);
  });

  it('keeps is_opt_out_keyword about the whole message, whatever the keyword', async () => {
    expectLogPage(POLL_WINDOW, 'MO', 1, [message('STOP!', 's'), message('Stop the music', 't')]);
    const items = await appTester(
      perform,
      pollBundle({ keyword: 'stop', keyword_match: 'starts_with' }),
    );
    expect(items.map((item) => [item.id, item.is_opt_out_keyword])).toEqual([
      ['t', false],
      ['s', true],
    ]);
  });

  it('filters the samples the same way', async () => {
    expectLogPage(SAMPLE_WINDOW, 'MO', 1, [
      message('Stoppuhr verloren', 'l1'),
      message('stopp', 'l2'),
    ]);

    const items = await appTester(
      perform,
      pollBundle({ keyword: 'STOPP' }, { isLoadingSample: true }),
    );

    expect(ids(items)).toEqual(['l2']);
  });

  it('refuses an unknown position before reading anything', async () => {
    const result = await failure(
      appTester(perform, pollBundle({ keyword: 'join', keyword_match: 'anywhere' })),
    );
    expect(result).toMatchObject({ code: 'InvalidChoice' });
    expect(result.message).toMatch(/^Keyword Position "anywhere" cannot be used/);
  });
});
