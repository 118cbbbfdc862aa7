/**
 * The Vortex key permission each step needs (docs/mobivate-api.md §V1, scopes), said once: the
 * API Key's help lists them, and each step's description names its own. BulkSMS keys have no
 * permissions.
 */
export const PERMISSIONS = {
  send_sms: ['create:SingleSMS'],
  send_batch_sms: ['create:BatchSMS'],
  send_template_campaign: ['create:TemplateSMS'],
  send_sms_to_contacts: ['create:AliasSMS'],
  add_optout: ['create:Optouts'],
  delete_optout: ['delete:Optouts'],
  find_optout: ['read:Optouts'],
  new_optout: ['read:Optouts'],
  add_contact: ['read:Contacts', 'create:Contacts', 'update:Contacts'],
  find_contact: ['read:Contacts'],
  delete_contact: ['delete:Contacts'],
  create_group: ['create:Groups'],
  find_message: ['read:SingleSMS'],
  new_delivery_receipt: ['read:SingleSMS'],
  recent_sender_id: ['read:SingleSMS'],
} as const satisfies Record<string, readonly string[]>;

export type PermissionedStep = keyof typeof PERMISSIONS;

/** "On Vortex, the key needs the permission create:SingleSMS." for a step's description (plain text). */
export const permissionSentence = (step: PermissionedStep): string => {
  const names = PERMISSIONS[step];
  const plural = names.length > 1 ? 's' : '';
  return `On Vortex, the key needs the permission${plural} ${names.join(', ')}.`;
};

/** The API Key's help: which permission each kind of step needs. */
export const PERMISSIONS_HELP =
  'On the Vortex API, give the key the permissions of the steps you will use: sending a text `create:SingleSMS`, a batch `create:BatchSMS`, a template campaign `create:TemplateSMS`, texts to contacts `create:AliasSMS`; opt-outs `read:Optouts`, `create:Optouts`, `delete:Optouts`; contacts `read:Contacts`, `create:Contacts`, `update:Contacts`, `delete:Contacts`; groups `create:Groups`; Find Message, New Delivery Status and the From list `read:SingleSMS`.';
