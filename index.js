// Zapier's CommonJS runtime loads ./index.js from the project root and does not
// unwrap ES module default exports, so re-export the compiled app definition.
module.exports = require('./lib/index.js').default;
