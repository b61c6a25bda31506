// Field kinds of the IPC contract, each with a generator of values it accepts and of values it must refuse.
// The refused values are chosen by construction (not by asking the contract), so the fuzz test checks the
// contract itself: a "malformed" value the contract lets through is a finding, not a fuzzer artefact.
import fc from 'fast-check';

export type Kind =
  | { k: 'uuid' }
  | { k: 'date' }
  | { k: 'datetime' }
  | { k: 'enum'; values: readonly string[] }
  | { k: 'enumArray'; values: readonly string[]; max: number }
  | { k: 'text'; max: number; required: boolean }
  | { k: 'slug' }
  | { k: 'mrn' }
  | { k: 'icd10' }
  | { k: 'backupName' }
  | { k: 'number'; min: number; max: number; int?: boolean; exclusiveMin?: boolean; cents?: boolean }
  /** One of a few numbers (a vial size the reference lists). */
  | { k: 'numberIn'; values: readonly number[] }
  /** An object whose keys are some of `keys` (a partial record, e.g. units step per indication). */
  | { k: 'record'; keys: readonly string[]; value: Kind }
  /** An object with exactly these fields, all required. */
  | { k: 'object'; fields: Readonly<Record<string, Kind>> }
  /** Only null is accepted (a value that can be reset here but set only elsewhere). */
  | { k: 'nullOnly' }
  | { k: 'boolean' }
  /** A list of up to `max` values of one kind (e.g. the scores of a follow-up visit). */
  | { k: 'array'; of: Kind; max: number };

export interface Field {
  kind: Kind;
  optional?: boolean;
  nullable?: boolean;
}

const WRONG_TYPES: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(true, false, 0, 1, -1, [], {}, [[]], { $gt: '' }, new Array(3), ['a']),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const NOT_A_STRING = WRONG_TYPES;
const NOT_A_NUMBER: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('5', '1e3', '', 'NaN', 'Infinity', true, [], {}, [5], { value: 5 }),
  fc.bigInt(),
  fc.string({ maxLength: 8 }),
);

const SAMPLE_UUID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UUID_EDGES: unknown[] = ['', 'not-a-uuid', 'null', 'undefined', '1', '0', '*', '%', "' OR 1=1 --", '../../etc/passwd', '__proto__',
  SAMPLE_UUID.slice(0, -1), `${SAMPLE_UUID}0`, SAMPLE_UUID.replaceAll('-', ''), `{${SAMPLE_UUID}}`, ` ${SAMPLE_UUID}`, `${SAMPLE_UUID}\n`];

/** Valid UUIDs, mangled just enough to stop being one. */
const NOT_A_UUID: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...UUID_EDGES),
  fc.uuid().chain((u) =>
    fc.constantFrom(
      u.slice(0, -1),
      `${u}0`,
      u.replaceAll('-', ''),
      `{${u}}`,
      `urn:uuid:${u}`,
      ` ${u}`,
      `${u}\n`,
      `${u.slice(0, -1)}g`,
      `${u.slice(0, 14)}9${u.slice(15)}`,
      u.replaceAll('-', '_'),
    ),
  ),
  fc.string({ maxLength: 40 }),
  NOT_A_STRING,
);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Dates that look like dates but are not real ones, or are not written YYYY-MM-DD. */
const DATE_EDGES: unknown[] = ['2025-02-30', '2023-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-01-32', '25-01-01',
  '2025/01/01', '2025-1-1', '01/02/1970', '20250101', 'yesterday', '', ' 2025-01-01', '2025-01-01 ', '+002025-01-01',
  '2025-01-01T00:00:00Z', '１２３４-01-01', 'NaN-NaN-NaN', 20250101];
const NOT_A_DATE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...DATE_EDGES),
  fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.integer({ min: 1, max: 12 }) }).chain(({ y, m }) =>
    fc.integer({ min: daysIn(y, m) + 1, max: 99 }).map((d) => `${y}-${pad(m)}-${pad(d)}`),
  ),
  fc.record({ y: fc.integer({ min: 1900, max: 2100 }), m: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })) }).map(
    ({ y, m }) => `${y}-${pad(m)}-01`,
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.getTime()),
  NOT_A_STRING,
);

const DATETIME_EDGES: unknown[] = ['2025-02-30T10:00:00Z', '2025-01-01T25:00:00Z', '2025-01-01T10:60:00Z', '2025-01-01T10:00:60Z',
  '2025-01-01 10:00:00Z', '2025-01-01T10:00:00', '2025-01-01', '2025-01-01T10:00:00+2400', 'now', '', 'Invalid Date',
  '2025-01-01T10:00:00.000Zjunk', 1735725600000];
const NOT_A_DATETIME: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...DATETIME_EDGES),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19)),
  fc.date({ noInvalidDate: true }).map((d) => d.getTime()),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  NOT_A_STRING,
);

function enumEdges(values: readonly string[]): unknown[] {
  const near = values.flatMap((v) => [v.toUpperCase(), `${v} `, ` ${v}`, `${v}s`, v.slice(0, -1)]);
  return [...near, '', 'other', '*', '__proto__', 'constructor', 'toString'].filter((v) => !values.includes(v));
}

function notInEnum(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...enumEdges(values)),
    fc.string({ maxLength: 20 }).filter((s) => !values.includes(s)),
    NOT_A_STRING,
  );
}

/** Text over its limit (non-blank, so trimming does not shorten it), blank when required, or not text. */
function badText(max: number, required: boolean): fc.Arbitrary<unknown> {
  const tooLong = fc.oneof(
    fc.integer({ min: max + 1, max: max + 64 }).map((n) => 'x'.repeat(n)),
    fc.integer({ min: max + 1, max: max * 4 + 10 }).map((n) => `é${'a'.repeat(n)}`),
    fc.constant('y'.repeat(Math.max(max + 1, 100_000))),
  );
  const blank = fc.constantFrom('', ' ', '   ', '\t\n', '\u00a0', '\u3000');
  return required ? fc.oneof(tooLong, blank, NOT_A_STRING) : fc.oneof(tooLong, NOT_A_STRING);
}

function numberEdges(kind: Extract<Kind, { k: 'number' }>): unknown[] {
  const special: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_VALUE, -Number.MAX_VALUE,
    1e308, -1e308, kind.max + 1, kind.min - 1, 2 ** 53, -(2 ** 53), '5', true];
  if (kind.exclusiveMin || kind.min > 0) special.push(0, -0, -Number.MIN_VALUE);
  if (kind.int) special.push(kind.min + 0.5, kind.max - 0.5, 1.0000001);
  // Amounts of toxin have at most two decimals and are more than 0: 0.001 U and 5e-324 U are both 0.00 U.
  if (kind.cents) special.push(1.234, 0.001, 5.005, 2.5e-7, 1e-9, Number.MIN_VALUE);
  return special;
}

function badNumber(kind: Extract<Kind, { k: 'number' }>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...numberEdges(kind)),
    fc.double({ min: kind.max, max: Number.MAX_VALUE, minExcluded: true, noNaN: true }),
    fc.double({ min: -Number.MAX_VALUE, max: kind.min, maxExcluded: !kind.exclusiveMin, noNaN: true }),
    NOT_A_NUMBER,
  );
}

/** An own property even for "__proto__", on a fresh object. */
function objectWith(key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const next = { ...base };
  Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

const NOT_AN_OBJECT: fc.Arbitrary<unknown> = fc.constantFrom<unknown>([], [{}], 'x', '', 0, 1, true, false, ['a']);

function badRecord(kind: Extract<Kind, { k: 'record' }>): fc.Arbitrary<unknown> {
  return fc.oneof(
    NOT_AN_OBJECT,
    fc.tuple(notInEnum(kind.keys).filter((k): k is string => typeof k === 'string'), validValue(kind.value)).map(([k, v]) => objectWith(k, v)),
    fc.tuple(fc.constantFrom(...kind.keys), invalidForKind(kind.value).filter((v) => v !== undefined)).map(([k, v]) => objectWith(k, v)),
  );
}

function badObject(kind: Extract<Kind, { k: 'object' }>): fc.Arbitrary<unknown> {
  const names = Object.keys(kind.fields);
  const valid = validValue(kind) as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    NOT_AN_OBJECT,
    fc.constant({}),
    fc.tuple(valid, fc.constantFrom(...names)).map(([o, drop]) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== drop))),
    fc.tuple(valid, fc.constantFrom(...names)).chain(([o, key]) =>
      invalidForKind(kind.fields[key] as Kind).filter((v) => v !== undefined).map((v) => objectWith(key, v, o)),
    ),
    valid.map((o) => objectWith('extra', 1, o)),
  );
}

/** Values this field must refuse. Never undefined (absent is how optional fields are valid) nor null when nullable. */
export function invalidValue(field: Field): fc.Arbitrary<unknown> {
  const arb = invalidForKind(field.kind);
  return arb.filter((v) => v !== undefined && !(field.nullable === true && v === null)).map((v) => v);
}

function invalidForKind(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind.k) {
    case 'uuid':
      return fc.oneof(NOT_A_UUID, fc.constant(null));
    case 'date':
      return fc.oneof(NOT_A_DATE, fc.constant(null));
    case 'datetime':
      return fc.oneof(NOT_A_DATETIME, fc.constant(null));
    case 'enum':
      return fc.oneof(notInEnum(kind.values), fc.constant(null));
    case 'enumArray':
      return fc.oneof(
        fc.constant(kind.values[0]),
        fc.array(notInEnum(kind.values), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constantFrom(...kind.values), { minLength: kind.max + 1, maxLength: kind.max + 20 }),
        fc.constant(null),
      );
    case 'text':
      return fc.oneof(badText(kind.max, kind.required), fc.constant(null));
    case 'slug':
      return fc.oneof(
        fc.constantFrom('', 'Face_Front', 'face front', 'face.front', 'frontalis;', "x' OR '1'='1", 'Robert; DROP TABLE sites', 'é', 'a'.repeat(65)),
        fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !/^[a-z0-9_-]+$/.test(s)),
        NOT_A_STRING,
        fc.constant(null),
      );
    case 'mrn':
      return fc.oneof(fc.constantFrom('', ' ', 'has space', '-leading', 'a'.repeat(33), 'A#1', 'A_1', 'ü1'), NOT_A_STRING, fc.constant(null));
    case 'icd10':
      return fc.oneof(fc.constantFrom('', 'G2', 'not a code', 'GG4.3', '24.3', 'G24.12345', 'G24-3', 'G24.'), NOT_A_STRING, fc.constant(null));
    case 'backupName':
      return fc.oneof(
        fc.constantFrom('', '../../etc/passwd', 'x.db', '../x.sqlite', '/tmp/x.sqlite', 'a b.sqlite', '.sqlite.bak', `${'a'.repeat(200)}.sqlite`, 'x\u0000.sqlite'),
        NOT_A_STRING,
        fc.constant(null),
      );
    case 'number':
      return fc.oneof(badNumber(kind), fc.constant(null));
    case 'numberIn':
      return fc.oneof(
        fc.double({ noNaN: false }).filter((n) => !kind.values.includes(n)),
        fc.constantFrom<unknown>(0, -1, Number.NaN, ...kind.values.map((v) => v + 1), ...kind.values.map(String)),
        NOT_A_NUMBER,
        fc.constant(null),
      );
    case 'record':
      return fc.oneof(badRecord(kind), fc.constant(null));
    case 'object':
      return fc.oneof(badObject(kind), fc.constant(null));
    case 'nullOnly':
      return fc.oneof(fc.constantFrom<unknown>('', '/tmp', 'C:\\Backups', '../../etc', '\\\\server\\share'), fc.string({ maxLength: 30 }), NOT_A_STRING);
    case 'boolean':
      return fc.constantFrom<unknown>('true', 'false', 1, 0, '', 'yes', null, [], {});
    case 'array':
      return fc.oneof(
        fc.constantFrom<unknown>('x', {}, 1, true, null, [null], ['x'], [[]]),
        fc.tuple(fc.array(validValue(kind.of), { maxLength: 2 }), invalidForKind(kind.of).filter((v) => v !== undefined)).map(([items, bad]) => [...items, bad]),
        fc.array(validValue(kind.of), { minLength: kind.max + 1, maxLength: kind.max + 1 }),
      );
  }
}

/**
 * The hand-picked bad values of each kind, every one of them: the fuzz test sweeps them through every field
 * on every run, so a regression on a known edge never depends on the random draw.
 */
export function edgeValues(field: Field): unknown[] {
  const kind = field.kind;
  const common: unknown[] = [null, [], {}, true, ...(kind.k === 'number' ? [] : [0])];
  const byKind = ((): unknown[] => {
    switch (kind.k) {
      case 'uuid':
        return UUID_EDGES;
      case 'date':
        return DATE_EDGES;
      case 'datetime':
        return DATETIME_EDGES;
      case 'enum':
        return enumEdges(kind.values);
      case 'enumArray':
        return [kind.values[0], [''], [kind.values[0], 'other'], Array(kind.max + 1).fill(kind.values[0]), ['__proto__']];
      case 'text':
        return ['x'.repeat(kind.max + 1), ...(kind.required ? ['', ' ', '\u00a0'] : [])];
      case 'slug':
        return ['', 'Face_Front', 'face front', 'frontalis;', 'a'.repeat(65), '__proto__ '];
      case 'mrn':
        return ['', ' ', 'has space', '-leading', 'a'.repeat(33)];
      case 'icd10':
        return ['', 'G2', 'not a code', 'G24.12345'];
      case 'backupName':
        return ['', '../../etc/passwd', 'x.db', '../x.sqlite', '/tmp/x.sqlite'];
      case 'number':
        return numberEdges(kind);
      case 'numberIn':
        return [0, -1, Number.NaN, ...kind.values.map((v) => v + 1), ...kind.values.map(String)];
      case 'record':
        return [[], 'x', objectWith('__proto__', 1), objectWith('other', 1), ...kind.keys.slice(0, 2).map((k) => objectWith(k, null)), objectWith(kind.keys[0] ?? 'x', 'x')];
      case 'object':
        return [[], 'x', objectWith('extra', 1), ...Object.keys(kind.fields).map((k) => objectWith(k, 'x'))];
      case 'nullOnly':
        return ['', '/tmp', 'C:\\Backups', '../x'];
      case 'boolean':
        return ['true', 1, 0, ''];
      case 'array':
        return ['x', {}, [null], ['x'], [{}], [[]]];
    }
  })();
  // An empty object is a valid partial record (no key set).
  const emptyIsValid = kind.k === 'record';
  return [...byKind, ...common].filter(
    (v) => !(emptyIsValid && v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) &&
      v !== undefined && !(field.nullable === true && v === null) && !((kind.k === 'enumArray' || kind.k === 'array') && Array.isArray(v) && v.length === 0) &&
      !(kind.k === 'boolean' && typeof v === 'boolean'),
  );
}

/** A value the field accepts (used for valid-shaped payloads with ids that do not exist). */
export function validValue(kind: Kind): fc.Arbitrary<unknown> {
  switch (kind.k) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      // Inside every plausible range of the contract (dates of birth up to today, expiry from 2000).
      return fc.date({ min: new Date('2000-01-01'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc.date({ min: new Date('1901-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'enum':
      return fc.constantFrom(...kind.values);
    case 'enumArray':
      return fc.uniqueArray(fc.constantFrom(...kind.values), { maxLength: kind.max });
    case 'text':
      return fc.string({ minLength: kind.required ? 1 : 0, maxLength: Math.min(kind.max, 40) }).filter((s) => !kind.required || s.trim() !== '');
    case 'slug':
      return fc.oneof(fc.constantFrom('face_front', 'frontalis', 'procerus', 'twstrs', 'mas', 'sites', 'patients'), fc.stringMatching(/^[a-z0-9_-]{1,20}$/));
    case 'mrn':
      return fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9./-]{0,20}$/);
    case 'icd10':
      return fc.constantFrom('G24.3', 'G24.5', 'G43.709', 'G51.3', 'G24.4', 'I69.351', 'G80.1', 'g24.3');
    case 'backupName':
      return fc.stringMatching(/^[a-z0-9._-]{1,20}\.sqlite$/);
    case 'number': {
      const arb = kind.int
        ? fc.integer({ min: Math.max(kind.min, -1e6), max: Math.min(kind.max, 1e6) })
        : kind.cents
          ? fc.integer({ min: 1, max: Math.round(kind.max * 100) }).map((c) => c / 100)
          : fc.double({ min: kind.min, max: kind.max, noNaN: true, minExcluded: kind.exclusiveMin === true });
      return arb.map((n) => (Object.is(n, -0) ? 0 : n));
    }
    case 'numberIn':
      return fc.constantFrom(...kind.values);
    case 'record':
      return fc
        .uniqueArray(fc.constantFrom(...kind.keys), { maxLength: kind.keys.length })
        .chain((keys) => fc.tuple(...keys.map((k) => validValue(kind.value).map((v) => [k, v] as const))))
        .map((entries) => Object.fromEntries(entries));
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(kind.fields).map(([k, f]) => [k, validValue(f)])));
    case 'nullOnly':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(kind.of), { maxLength: Math.min(kind.max, 3) });
  }
}
