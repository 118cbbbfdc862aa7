// A jest reporter: empties the reliability counts before a run and prints them after it, so the
// numbers in the README's Reliability section come from the suite, not from a hand.
const { readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const FILE = path.resolve(__dirname, '../../.reliability.json');

class ReliabilityReporter {
  onRunStart() {
    rmSync(FILE, { force: true });
  }

  onRunComplete(_contexts, results) {
    let counts;
    try {
      counts = JSON.parse(readFileSync(FILE, 'utf8'));
    } catch {
      return; // the reliability suites did not run
    }
    const lines = Object.entries(counts).map(
      ([name, count]) => `  ${String(count).padStart(6)}  ${name}`,
    );
    process.stdout.write(
      `\nReliability (${results.numPassedTests} tests passed, ${results.numFailedTests} failed):\n${lines.join('\n')}\n`,
    );
  }
}

module.exports = ReliabilityReporter;
