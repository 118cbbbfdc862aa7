import packageJson from '../../package.json';

/**
 * How the app names itself to Mobivate: the User-Agent of every request, so that Mobivate's logs
 * (and support) can tell its requests and version apart.
 */
export const USER_AGENT = `Mobivate-for-Zapier/${packageJson.version}`;
