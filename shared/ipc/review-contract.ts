import { z } from 'zod';
import type {
  FollowUpVisit, LotRecall, MuscleScore, PatientHistory, Relatedness, AdverseOutcome, Worklist,
} from '../domain/review.ts';
import * as v from '../domain/values.ts';

/**
 * The review channels (history, follow-up visits, grades per muscle, worklist, lot recall), spread into
 * the one contract in contract.ts. Same rules: strict zod input, output as a type marker.
 */
function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const slug = (label: string) =>
  z.string({ error: `${label} must be text` }).min(1).max(64).regex(/^[a-z0-9_-]+$/, { error: `${label} is malformed` });
const scoreValue = z.string({ error: 'score must be text' }).trim().min(1, { error: 'score is required' }).max(12);

const muscleGrade = z.object({ muscleId: slug('muscle id'), side: v.side, scaleId: slug('scale id'), value: scoreValue }).strict();

export const RELATEDNESS_IDS = ['not_related', 'unlikely', 'possible', 'probable', 'certain'] as const satisfies readonly Relatedness[];
export const OUTCOME_IDS = ['resolved', 'resolving', 'ongoing', 'unknown'] as const satisfies readonly AdverseOutcome[];

export const followUpSaveSchema = z
  .object({
    id: v.id.optional(),
    sessionId: v.id,
    date: v.isoDate,
    satisfaction: z.number().int().min(0, { error: 'satisfaction is 0 to 10' }).max(10, { error: 'satisfaction is 0 to 10' }).nullable().optional(),
    onsetDate: v.isoDate.nullable().optional(),
    wearOffDate: v.isoDate.nullable().optional(),
    notes: v.boundedText('Notes', 4000).optional(),
    scores: z.array(z.object({ scaleId: slug('scale id'), value: scoreValue, note: v.boundedText('Note', 500).optional() }).strict()).max(40).optional(),
    muscleScores: z.array(muscleGrade).max(200).optional(),
    adverseEvents: z
      .array(
        z
          .object({
            onsetDate: v.isoDate.nullable().optional(),
            description: v.requiredText('Description', 2000),
            severity: v.severity,
            serious: z.boolean({ error: 'serious must be true or false' }),
            relatedness: z.enum(RELATEDNESS_IDS, { error: 'relatedness must be one of the listed grades' }),
            outcome: z.enum(OUTCOME_IDS, { error: 'outcome must be one of the listed outcomes' }).optional(),
          })
          .strict(),
      )
      .max(40)
      .optional(),
  })
  .strict()
  .refine((o) => !o.onsetDate || !o.wearOffDate || o.wearOffDate >= o.onsetDate, { error: 'The effect wears off before it starts' });

export type FollowUpSaveInput = z.output<typeof followUpSaveSchema>;

export const muscleScoreSetSchema = z
  .object({ sessionId: v.id, muscleId: slug('muscle id'), side: v.side, scaleId: slug('scale id'), value: scoreValue.nullable() })
  .strict();
export type MuscleScoreSetInput = z.output<typeof muscleScoreSetSchema>;

const lotPrefix = z.string({ error: 'lot must be text' }).trim().min(1, { error: 'Type the first characters of the lot number' }).max(40);

export const reviewChannels = {
  /** A patient's sessions for the review: maps, totals per product, scores, acknowledged warnings, follow-ups. */
  'review:history': channel<z.ZodType<{ patientId: string }>, PatientHistory>(z.object({ patientId: v.id }).strict()),
  /** Due and overdue patients, stale drafts, authorizations running out, recent patients. */
  'review:worklist': channel<z.ZodType<Record<string, never>>, Worklist>(z.object({}).strict()),
  'followUp:save': channel<typeof followUpSaveSchema, FollowUpVisit>(followUpSaveSchema),
  'followUp:delete': channel<z.ZodType<{ id: string }>, { id: string }>(z.object({ id: v.id }).strict()),
  /** Sets or (value null) clears one grade per muscle and side at a draft session; answers the session's grades. */
  'muscleScore:set': channel<typeof muscleScoreSetSchema, MuscleScore[]>(muscleScoreSetSchema),
  'muscleScore:list': channel<z.ZodType<{ sessionId: string }>, MuscleScore[]>(z.object({ sessionId: v.id }).strict()),
  /** Vials whose lot starts with the prefix (case-insensitive), with patient, session and units. */
  'lot:search': channel<z.ZodType<{ prefix: string; limit?: number | undefined }>, LotRecall>(
    z.object({ prefix: lotPrefix, limit: z.number().int().min(1).max(2000).optional() }).strict(),
  ),
  /** The same list as CSV text, for the renderer to save. */
  'lot:csv': channel<z.ZodType<{ prefix: string }>, { fileName: string; csv: string; rows: number }>(z.object({ prefix: lotPrefix }).strict()),
} as const;
