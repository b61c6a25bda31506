import { z } from 'zod';
import { PRODUCTS, PRODUCT_IDS } from '../clinical/products.ts';
import { INDICATION_IDS, type IndicationId } from '../indications.ts';
import { boundedText } from './values.ts';

/**
 * The app's settings, stored in the database (table `settings`, one audited row per key) and read by
 * every screen through `settings:get`. A key that was never saved reads as its default.
 */
export const THEMES = ['system', 'light', 'dark', 'high-contrast'] as const;
export type ThemeSetting = (typeof THEMES)[number];
/** The palette actually drawn: 'system' resolves to one of these from the operating system's preferences. */
export type ResolvedTheme = Exclude<ThemeSetting, 'system'>;

export interface DefaultDilution {
  /** Vial size in the product's own units; one of the sizes the reference lists for the product. */
  sizeUnits: number;
  /** mL of diluent the clinic usually adds to that vial. */
  diluentMl: number;
}

export interface BackupRetention {
  /** Automatic backups (at most one a day) kept before the oldest is deleted. */
  automatic: number;
  /** Manual backups kept before the oldest is deleted. */
  manual: number;
}

export interface Settings {
  /** Printed at the top of the session summary. */
  clinicName: string;
  /** Printed under the clinic name; may span several lines. */
  clinicAddress: string;
  clinicPhone: string;
  /** The clinic's usual product, used when the clinician's own profile names none. */
  defaultProductId: string | null;
  /** The clinic's usual reconstitution per product: prefills the vial form. */
  defaultDilutions: Partial<Record<string, DefaultDilution>>;
  /** Step of the units stepper per indication (e.g. 0.25 U for blepharospasm); absent: DEFAULT_UNITS_STEP. */
  unitsStep: Partial<Record<IndicationId, number>>;
  /** Days from a session to the next due date proposed for the patient. */
  defaultRetreatmentDays: number;
  theme: ThemeSetting;
  /**
   * A second folder (an external drive, a network share) that receives a copy of every backup.
   * Null: backups stay only in the app's own data folder. Chosen with a folder dialog in main, never typed.
   */
  backupFolder: string | null;
  backupRetention: BackupRetention;
}

export type SettingsKey = keyof Settings;

/** The units stepper's step where Settings.unitsStep names none for the indication. */
export const DEFAULT_UNITS_STEP = 1;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  clinicName: '',
  clinicAddress: '',
  clinicPhone: '',
  defaultProductId: null,
  defaultDilutions: {},
  // DESIGN.md: blepharospasm doses of 1.25 to 5 U per site need 0.25 U steps. A step is a stepper
  // increment, not a dose: any value can still be typed.
  unitsStep: { blepharospasm: 0.25 },
  // 12 weeks: the reference's products[*].min_retreatment_interval ("generally no sooner than 12 weeks").
  defaultRetreatmentDays: 84,
  theme: 'system',
  backupFolder: null,
  // The rotation electron/db/backup.ts applied before retention became a setting.
  backupRetention: { automatic: 14, manual: 10 },
});

export function unitsStepFor(settings: Pick<Settings, 'unitsStep'>, indication: IndicationId): number {
  return settings.unitsStep[indication] ?? DEFAULT_UNITS_STEP;
}

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/**
 * A partial record over known keys. zod's record silently drops an own "__proto__" key (and would
 * answer success), so unknown keys are refused by name before the record is parsed.
 */
function partialRecordOf<K extends readonly [string, ...string[]], V extends z.ZodType>(keys: K, value: V, what: string) {
  const allowed = new Set<string>(keys);
  return z
    .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: `${what} must be a list of values by name` })
    .superRefine((v, ctx) => {
      if (typeof v !== 'object' || v === null) return;
      for (const k of Object.keys(v)) {
        if (!allowed.has(k)) ctx.addIssue({ code: 'custom', path: [k], message: `${what} has an unknown entry "${k}"` });
      }
    })
    .pipe(z.partialRecord(z.enum(keys), value));
}

const productId = z.enum(PRODUCT_IDS, { error: 'must be one of the listed products' });

const dilution = z
  .object({
    sizeUnits: z.number({ error: 'vial size must be a number' }).finite().gt(0).max(20_000),
    diluentMl: z
      .number({ error: 'diluent must be a number of mL' })
      .finite()
      .min(0.1, { error: 'diluent volume is at least 0.1 mL' })
      .max(20, { error: 'diluent volume is at most 20 mL' }),
  })
  .strict();

/** One schema per key: a stored value is read back through it, so a damaged row falls back to its default. */
export const SETTING_SCHEMAS = {
  clinicName: boundedText('Clinic name', 200),
  clinicAddress: boundedText('Clinic address', 500),
  clinicPhone: boundedText('Clinic phone', 60),
  defaultProductId: productId.nullable(),
  defaultDilutions: partialRecordOf(PRODUCT_IDS, dilution, 'Default dilutions').superRefine((value, ctx) => {
    for (const [id, d] of Object.entries(value)) {
      const product = PRODUCTS.find((p) => p.id === id);
      if (d && product && !product.vialSizes.includes(d.sizeUnits)) {
        ctx.addIssue({
          code: 'custom',
          path: [id, 'sizeUnits'],
          message: `${product.brand} comes in ${product.vialSizes.join(', ')} U vials, not ${d.sizeUnits} U`,
        });
      }
    }
  }),
  unitsStep: partialRecordOf(
    INDICATION_IDS,
    z
      .number({ error: 'a units step must be a number' })
      .finite()
      .min(0.05, { error: 'a units step is at least 0.05 U' })
      .max(500, { error: 'a units step is at most 500 U' })
      .refine(twoDecimals, { error: 'a units step allows at most two decimals' }),
    'Units step',
  ),
  defaultRetreatmentDays: z
    .number({ error: 'the re-treatment interval must be a number of days' })
    .int({ error: 'the re-treatment interval is a whole number of days' })
    .min(1, { error: 'the re-treatment interval is at least 1 day' })
    .max(730, { error: 'the re-treatment interval is at most 730 days' }),
  theme: z.enum(THEMES, { error: `theme must be one of ${THEMES.join(', ')}` }),
  backupFolder: z.string().min(1).max(1000).nullable(),
  backupRetention: z
    .object({
      automatic: z.number().int().min(1, { error: 'keep at least 1 automatic backup' }).max(365, { error: 'keep at most 365 automatic backups' }),
      manual: z.number().int().min(1, { error: 'keep at least 1 manual backup' }).max(100, { error: 'keep at most 100 manual backups' }),
    })
    .strict(),
} as const satisfies { [K in SettingsKey]: z.ZodType<Settings[K]> };

export const SETTINGS_KEYS = Object.keys(SETTING_SCHEMAS) as SettingsKey[];

/**
 * What `settings:save` accepts: any subset of the keys. The backup folder can only be reset to the
 * default here (null); a folder is chosen with `settings:chooseBackupFolder`, so the renderer never
 * names a path the app will write patient data to.
 */
export const settingsPatchSchema = z
  .object({
    ...Object.fromEntries(Object.entries(SETTING_SCHEMAS).map(([k, s]) => [k, s.optional()])),
    backupFolder: z.null({ error: 'the backup folder is chosen with the folder dialog; here it can only be reset (null)' }).optional(),
  })
  .strict() as unknown as z.ZodType<SettingsPatch>;

export type SettingsPatch = { [K in Exclude<SettingsKey, 'backupFolder'>]?: Settings[K] | undefined } & { backupFolder?: null | undefined };

/** The operating system's display preferences, as prefers-color-scheme and prefers-contrast report them. */
export interface SystemAppearance {
  dark: boolean;
  moreContrast: boolean;
}

/** The palette to draw: the chosen theme, or for 'system' the one the operating system asks for (contrast first). */
export function resolveTheme(setting: ThemeSetting, system: SystemAppearance): ResolvedTheme {
  switch (setting) {
    case 'light':
    case 'dark':
    case 'high-contrast':
      return setting;
    case 'system':
      if (system.moreContrast) return 'high-contrast';
      return system.dark ? 'dark' : 'light';
    default: {
      const never: never = setting;
      throw new Error(`resolveTheme: unknown theme ${JSON.stringify(never)}`);
    }
  }
}

export function isThemeSetting(value: unknown): value is ThemeSetting {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
