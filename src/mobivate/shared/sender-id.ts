/**
 * Sender IDs (`originator`): at most 11 characters if alphanumeric, at most 15 digits if numeric
 * (§3.1, §3.4). Returns the originator to send (a numeric one without its "+"), or the problem.
 */
export const readOriginator = (raw: string): { originator: string } | { problem: string } => {
  const text = raw.trim();
  if (!text) return { problem: 'it is empty. Enter the sender name or number recipients will see' };
  if (/^\+?[\d\s]+$/.test(text)) {
    const digits = text.replace(/\D/g, '');
    return digits.length <= 15
      ? { originator: digits }
      : { problem: `a numeric sender ID has at most 15 digits, and this one has ${digits.length}` };
  }
  if (!/^[A-Za-z0-9 .&_-]+$/.test(text)) {
    return {
      problem:
        'an alphanumeric sender ID may only use the letters A to Z, digits, spaces and . & _ -',
    };
  }
  return text.length <= 11
    ? { originator: text }
    : {
        problem: `an alphanumeric sender ID has at most 11 characters, and this one has ${text.length}`,
      };
};
