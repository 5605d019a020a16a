import fc from 'fast-check';
import { FAILURE_CODES } from '../../hosts/host-context';
import { HOST_IDS } from '../../hosts/supported-hosts';
import type { MessageType } from '../messages';
import { RECORD_KINDS } from '../record-kinds';

/**
 * fast-check arbitraries for the message protocol fuzz tests: one well-formed
 * message of every type, and the hostile shapes a content script or a host
 * page could send instead. Tests only.
 */

const id = fc.string({ minLength: 1, maxLength: 64 });
const kind = fc.constantFrom(...RECORD_KINDS);
const readResult = fc.oneof(
  fc.record({
    ok: fc.constant(true as const),
    context: fc.record({ host: fc.constantFrom(...HOST_IDS), view: fc.constantFrom('thread', 'event', 'none'), participants: fc.constant([]) }),
  }),
  fc.record({
    ok: fc.constant(false as const),
    failure: fc.record({ code: fc.constantFrom(...FAILURE_CODES), host: fc.constantFrom(...HOST_IDS), detail: fc.string() }),
  }),
);

/** A well-formed message of each type (the table is exhaustive, so a new type must be added here). */
export const validMessageByType: Record<MessageType, fc.Arbitrary<Record<string, unknown>>> = {
  'dock.toggle': fc.constant({ type: 'dock.toggle' }),
  'dock.set-open': fc.record({ type: fc.constant('dock.set-open'), open: fc.boolean() }),
  'panel.set-open': fc.record({ type: fc.constant('panel.set-open'), open: fc.boolean() }),
  'host.context': fc.record({ type: fc.constant('host.context'), result: readResult, readAt: fc.integer() }),
  'panel.get-context': fc.constant({ type: 'panel.get-context' }),
  'store.put': fc.record({ type: fc.constant('store.put'), kind, record: fc.anything() }),
  'store.delete': fc.record({ type: fc.constant('store.delete'), kind, id }),
  'store.get': fc.record({ type: fc.constant('store.get'), kind, id }),
  'store.recognition-input': fc.constant({ type: 'store.recognition-input' }),
  'store.account-detail': fc.record({ type: fc.constant('store.account-detail'), account_id: id }),
  'store.opportunity-facts': fc.record({ type: fc.constant('store.opportunity-facts'), opportunity_id: id }),
  'store.dashboard': fc.constant({ type: 'store.dashboard' }),
  'store.export': fc.constant({ type: 'store.export' }),
  'store.import': fc.record({ type: fc.constant('store.import'), document: fc.anything() }),
  'identity.get': fc.constant({ type: 'identity.get' }),
  'identity.set-name': fc.record({ type: fc.constant('identity.set-name'), display_name: fc.option(fc.string({ maxLength: 200 })) }),
  'panel.recognise': fc.constant({ type: 'panel.recognise' }),
  'panel.choose-account': fc.record({ type: fc.constant('panel.choose-account'), account_id: fc.option(id) }),
  'panel.search-accounts': fc.record({ type: fc.constant('panel.search-accounts'), query: fc.string({ maxLength: 200 }) }),
  'workspace.get': fc.constant({ type: 'workspace.get' }),
  'workspace.save': fc.record({ type: fc.constant('workspace.save'), url: fc.webUrl(), anon_key: fc.string({ maxLength: 400 }) }),
  'auth.send-code': fc.record({ type: fc.constant('auth.send-code'), email: fc.emailAddress().filter((e) => e.length <= 320) }),
  'auth.verify-code': fc.record({ type: fc.constant('auth.verify-code'), email: fc.emailAddress().filter((e) => e.length <= 320), code: fc.string({ maxLength: 20 }) }),
  'auth.google': fc.constant({ type: 'auth.google' }),
  'auth.sign-out': fc.record({ type: fc.constant('auth.sign-out'), confirm: fc.boolean() }),
  'org.create': fc.record({ type: fc.constant('org.create'), name: fc.string({ maxLength: 400 }) }),
  'sync.state': fc.constant({ type: 'sync.state' }),
  'sync.now': fc.constant({ type: 'sync.now' }),
  'sync.discard-failed': fc.record({ type: fc.constant('sync.discard-failed'), entry_id: id }),
  'sync.retry-failed': fc.record({ type: fc.constant('sync.retry-failed'), entry_id: id }),
  'admin.overview': fc.constant({ type: 'admin.overview' }),
  'admin.update-settings': fc.record({ type: fc.constant('admin.update-settings'), goal_current_days: fc.integer(), insight_shared_days: fc.integer(), stall_threshold_days: fc.integer() }),
  'admin.set-domains': fc.record({ type: fc.constant('admin.set-domains'), domains: fc.array(fc.domain(), { maxLength: 60 }) }),
  'admin.invite': fc.record({ type: fc.constant('admin.invite'), id, email: fc.emailAddress().filter((e) => e.length <= 400), role: fc.constantFrom('csm', 'manager', 'admin') }),
  'admin.set-role': fc.record({ type: fc.constant('admin.set-role'), member_id: id, role: fc.constantFrom('csm', 'manager', 'admin') }),
  'admin.remove-member': fc.record({ type: fc.constant('admin.remove-member'), member_id: id }),
  'admin.import-plan': fc.record({ type: fc.constant('admin.import-plan'), kind: fc.constantFrom('accounts', 'stakeholders'), csv: fc.string({ maxLength: 400 }) }),
  'admin.import-apply': fc.record({ type: fc.constant('admin.import-apply'), kind: fc.constantFrom('accounts', 'stakeholders'), csv: fc.string({ maxLength: 400 }), digest: fc.string({ maxLength: 128 }) }),
  'dashboard.take-snapshot': fc.constant({ type: 'dashboard.take-snapshot' }),
};

export const MESSAGE_TYPES = Object.keys(validMessageByType) as MessageType[];

export const validMessage = (types: readonly MessageType[] = MESSAGE_TYPES) => fc.oneof(...types.map((type) => validMessageByType[type]));

/** Shapes that try to reach `Object.prototype` or a constructor through the parser. */
export const prototypePollution = fc.oneof(
  validMessage().map((message) => JSON.parse(`{"__proto__":{"polluted":"yes","type":"store.export"},${JSON.stringify(message).slice(1)}`) as unknown),
  validMessage().map((message) => JSON.parse(`{${JSON.stringify(message).slice(1, -1)},"constructor":{"prototype":{"polluted":"yes"}}}`) as unknown),
  fc.constant(JSON.parse('{"type":"store.put","kind":"__proto__","record":{"polluted":"yes"}}') as unknown),
  fc.constant(JSON.parse('{"type":"store.put","kind":"accounts","record":{"__proto__":{"polluted":"yes"}},"__proto__":{"isAdmin":true}}') as unknown),
  fc.constant(JSON.parse('{"type":"constructor"}') as unknown),
  fc.constant(JSON.parse('{"type":"__proto__"}') as unknown),
  fc.constant(JSON.parse('{"type":"toString"}') as unknown),
  fc.constant(Object.create(null) as unknown),
  fc.constant(Object.assign(Object.create({ type: 'store.export' }) as object) as unknown),
);

/** A valid message with one field replaced by a very long string (up to 2 MB). */
export const hugeStrings = fc
  .tuple(validMessage(), fc.integer({ min: 100_000, max: 2_000_000 }), fc.constantFrom('type', 'kind', 'id', 'query', 'email', 'name', 'url'))
  .map(([message, length, field]) => ({ ...message, [field]: 'x'.repeat(length) }) as unknown);

function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = { type: 'store.export' };
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { type: value };
  return value;
}

/** Objects and arrays thousands of levels deep, alone or in a field. */
export const deepNesting = fc
  .tuple(fc.integer({ min: 100, max: 5_000 }), fc.boolean(), validMessage(), fc.constantFrom('type', 'result', 'open', 'kind'))
  .chain(([depth, asArray, message, field]) => fc.constantFrom(nest(depth, asArray), { ...message, [field]: nest(depth, asArray) }));

/** A valid type with fields of the wrong type, missing or extra. */
export const wrongFields = fc
  .tuple(fc.constantFrom(...MESSAGE_TYPES), fc.dictionary(fc.constantFrom('open', 'kind', 'id', 'result', 'readAt', 'record', 'query', 'email', 'confirm', 'url', 'extra'), fc.anything()))
  .map(([type, fields]) => ({ ...fields, type }) as unknown);

/** One small change to a valid message: drop a field, add one, replace a value, retype, wrap. */
export const mutatedMessage = fc.tuple(validMessage(), fc.nat(), fc.anything(), fc.string()).map(([message, pick, value, text]): unknown => {
  const keys = Object.keys(message);
  const key = keys[pick % keys.length]!;
  switch (pick % 8) {
    case 0: {
      const { [key]: _dropped, ...rest } = message;
      return rest;
    }
    case 1:
      return { ...message, [`x${text}`]: value };
    case 2:
      return { ...message, [key]: value };
    case 3:
      return { ...message, type: String(message.type).toUpperCase() };
    case 4:
      return { ...message, type: `${String(message.type)}${text || ' '}` };
    case 5:
      return [message];
    case 6:
      return JSON.stringify(message);
    default:
      return { message };
  }
});

/** Anything at all, as JSON or as a structured-clone value. */
export const arbitraryValue = fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }));

/** Every hostile shape, weighted so each kind is well represented. */
export const hostileMessage = fc.oneof(
  { arbitrary: arbitraryValue, weight: 3 },
  { arbitrary: prototypePollution, weight: 2 },
  { arbitrary: hugeStrings, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: wrongFields, weight: 3 },
  { arbitrary: mutatedMessage, weight: 4 },
);
