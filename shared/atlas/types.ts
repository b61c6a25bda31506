/**
 * Atlas data model. Every view is vector data in its own coordinate system
 * (origin top-left, x to the right, y down, units are "diagram units", not pixels).
 * A site's stored position is in these units, so window size, zoom and screen
 * density never change the record.
 *
 * Orientation convention: anterior views (face front, neck anterior, limb anterior,
 * palmar hand) show the patient facing the viewer, so the patient's RIGHT side is on
 * the viewer's LEFT. Posterior views show the patient's back, so the patient's LEFT
 * is on the viewer's LEFT. Lateral views show one side of the patient.
 */

export type Side = 'left' | 'right' | 'midline';
export type Layer = 'superficial' | 'deep';

export interface Point {
  x: number;
  y: number;
}

/** A closed polygon as a flat list [x0, y0, x1, y1, ...] (the form Konva's Line takes). */
export type FlatPolygon = readonly number[];

export interface AtlasRegion {
  /** Unique within the view, e.g. "frontalis-left" or "orbicularis_oculi_pretarsal-upper-right". */
  id: string;
  /** Stable muscle id from the clinical reference's `muscles[]`. */
  muscleId: string;
  side: Side;
  layer: Layer;
  polygon: FlatPolygon;
  /** Where the region's label is drawn. */
  label: Point;
  /** Which part of the muscle the region is, in words ("upper lid, medial"), for regions drawn as parts. */
  location?: string;
}

/** Non-clickable drawing: the body outline and anatomical landmarks (eyes, nose, nails...). */
export interface AtlasStroke {
  points: FlatPolygon;
  closed: boolean;
  /** 'outline' is the body silhouette (filled); 'detail' is a landmark line. */
  kind: 'outline' | 'detail';
}

export interface AtlasView {
  /** Stable view id, e.g. "face_front", "upper_limb_anterior_left". */
  id: string;
  /** Increases whenever the drawing changes; sessions store the version they were charted on. */
  version: number;
  title: string;
  width: number;
  height: number;
  /** Which side of the patient a lateral/limb view shows; null for views that show both sides. */
  side: 'left' | 'right' | null;
  strokes: readonly AtlasStroke[];
  regions: readonly AtlasRegion[];
}

export interface ViewSummary {
  id: string;
  version: number;
  title: string;
}

export interface HitOptions {
  /** Whether the deep layer is shown; deep regions are only hit when it is. */
  showDeep: boolean;
  /** Distance in diagram units within which a point just outside a region still resolves to it. */
  tolerance?: number;
}

export interface HitResult {
  region: AtlasRegion;
  muscleId: string;
  side: Side;
  layer: Layer;
  /** 0 when the point is inside the region; the distance to its edge otherwise. */
  distance: number;
}
