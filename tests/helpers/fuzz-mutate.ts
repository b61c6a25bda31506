// Malformed payloads for the fuzz test: random values, and valid payloads broken in ways the contract must refuse.
import fc from 'fast-check';
import { contract, type Channel } from '../../shared/ipc/contract.ts';
import { crossFieldBreaks, FIELDS } from './fuzz-channels.ts';
import { edgeValues, invalidValue } from './fuzz-fields.ts';

type Payload = Record<string, unknown>;
type Mutation = (p: Payload) => Payload;

/** Keys that have broken JavaScript object handling before (prototype pollution, thenables, getters). */
export const HOSTILE_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__lookupSetter__',
  'then', 'length', 'toJSON', 'isPrototypeOf',
] as const;

/** Sets an own property even for "__proto__" (an object literal or assignment would set the prototype instead). */
function withOwn(p: Payload, key: string, value: unknown): Payload {
  const next = { ...p };
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

const extraValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, 1, 'x', true, {}, [], { polluted: true }, { isAdmin: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

function fieldMutations(channel: Channel): fc.Arbitrary<Mutation> {
  const fields = Object.entries(FIELDS[channel]);
  const known = new Set(fields.map(([k]) => k));
  const options: Array<fc.Arbitrary<Mutation>> = [];
  const required = fields.filter(([, f]) => f.optional !== true).map(([k]) => k);
  if (required.length > 0) {
    // Drop a required field.
    options.push(fc.constantFrom(...required).map((key): Mutation => (p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== key))));
  }
  if (fields.length > 0) {
    // A value of the wrong type, out of range, too long, a malformed date or id, a wrong enum value...
    options.push(
      fc.oneof(...fields.map(([key, field]) => invalidValue(field).map((value): Mutation => (p) => withOwn(p, key, value)))),
    );
  }
  // An extra key (the contract is strict), hostile keys included.
  options.push(
    fc
      .tuple(fc.oneof(fc.constantFrom<string>(...HOSTILE_KEYS, 'extra', 'ID', 'Id', 'id ', ''), fc.string({ minLength: 1, maxLength: 12 })), extraValue)
      .filter(([key]) => !known.has(key))
      .map(([key, value]): Mutation => (p) => withOwn(p, key, value)),
  );
  // Wrapping a field's value in an array or object.
  if (fields.length > 0) {
    options.push(
      fc.tuple(fc.constantFrom(...fields.map(([k]) => k)), fc.boolean()).map(([key, asArray]): Mutation => (p) => {
        const field = FIELDS[channel][key];
        const value = p[key] ?? 'x';
        // An array of enum values is the one place an array is valid.
        if (asArray && field?.kind.k === 'enumArray') return withOwn(p, key, [[value]]);
        return withOwn(p, key, asArray ? [value] : { value });
      }),
    );
  }
  const cross = crossFieldBreaks(channel);
  if (cross.length > 0) options.push(fc.constantFrom(...cross));
  return fc.oneof(...options);
}

/** The whole payload replaced by something that is not one object argument. */
function structural(p: Payload): fc.Arbitrary<unknown> {
  return fc.constantFrom<unknown>(
    undefined, null, 0, -0, Number.NaN, '', 'null', JSON.stringify(p), [p], [], [p, p], true, 42, { input: p }, { ...p, ...{ 0: p } },
  );
}

/** Every hand-picked bad value in every field of a valid payload, and every hostile extra key: deterministic. */
export function edgePayloads(channel: Channel, valid: Payload): unknown[] {
  const known = new Set(Object.keys(FIELDS[channel]));
  const fields = Object.entries(FIELDS[channel]).flatMap(([key, field]) => edgeValues(field).map((value) => withOwn(valid, key, value)));
  const keys = HOSTILE_KEYS.filter((k) => !known.has(k)).map((k) => withOwn(valid, k, { polluted: true }));
  const required = Object.entries(FIELDS[channel]).filter(([, f]) => f.optional !== true).map(([k]) => k);
  const dropped = required.map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key)));
  return [...fields, ...keys, ...dropped, ...crossFieldBreaks(channel).map((m) => m(valid))];
}

/** A valid payload broken by one to three mutations, sometimes then replaced by a non-object. */
export function malformedPayload(channel: Channel, valid: Payload): fc.Arbitrary<unknown> {
  const mutated = fc
    .array(fieldMutations(channel), { minLength: 1, maxLength: 3 })
    .map((mutations) => mutations.reduce((p, m) => m(p), valid));
  return fc.oneof({ weight: 5, arbitrary: mutated }, { weight: 1, arbitrary: structural(valid) });
}

/**
 * Completely random values (anything structured clone could carry, and JSON), and objects with the channel's
 * own keys holding random values. Filtered to those the contract refuses: a random value that happens to be
 * valid (say {} for app:info) is not malformed.
 */
export function randomPayload(channel: Channel): fc.Arbitrary<unknown> {
  const keys = Object.keys(FIELDS[channel]);
  const anything = fc.anything({
    withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true,
    withNullPrototype: true, withBoxedValues: true, withObjectString: true, maxDepth: 3,
  });
  const arbs: Array<fc.Arbitrary<unknown>> = [anything, fc.jsonValue({ maxDepth: 3 }), fc.json().map((j) => j)];
  if (keys.length > 0) {
    arbs.push(fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.jsonValue({ maxDepth: 2 }), anything)])), { requiredKeys: [] }));
  }
  const schema = contract[channel].input;
  return fc.oneof(...arbs).filter((v) => !schema.safeParse(v).success);
}
