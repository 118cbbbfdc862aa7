// The benchmark's baseline: the least a Zapier app needs to make Delete Opt-Out's request. Core
// only, no dependency of ours, no validation, no error mapping: the same DELETE, the same body.
const zapier = require('zapier-platform-core');

module.exports = {
  version: '1.0.0',
  platformVersion: zapier.version,
  authentication: {
    type: 'custom',
    fields: [
      { key: 'api_key', label: 'API Key', type: 'password', required: true },
      { key: 'api_url', label: 'API Address', required: true },
    ],
    test: async (z, bundle) => (await z.request(`${bundle.authData.api_url}/auth/test`)).data,
  },
  beforeRequest: [
    (request, z, bundle) => {
      request.headers = { ...request.headers, Authorization: `Bearer ${bundle.authData.api_key}` };
      return request;
    },
  ],
  creates: {
    delete_optout: {
      key: 'delete_optout',
      noun: 'Opt-Out',
      display: {
        label: 'Delete Opt-Out',
        description: 'Removes a mobile number from the opt-out list.',
      },
      operation: {
        inputFields: [{ key: 'mobile', required: true }],
        perform: async (z, bundle) =>
          (
            await z.request({
              method: 'DELETE',
              url: `${bundle.authData.api_url}/addressbook/optout`,
              body: { mobile: bundle.inputData.mobile },
            })
          ).data,
        sample: { mobile: '447700900123', note: 'MO', created: 1672704203000 },
      },
    },
  },
};
