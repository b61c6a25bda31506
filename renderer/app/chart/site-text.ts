import { muscleName, type Side } from '../../../shared/atlas/index.ts';
import type { Site } from '../../../shared/domain/types.ts';

export function sideLabel(side: Side): string {
  return side === 'midline' ? 'midline' : side === 'left' ? 'L' : 'R';
}

/** "Orbicularis oculi, pretarsal part R, upper lid, medial": which muscle, which side, which part. */
export function siteTitle(site: Pick<Site, 'muscleId' | 'side' | 'location'>): string {
  const base = `${muscleName(site.muscleId)} ${sideLabel(site.side)}`;
  return site.location ? `${base}, ${site.location}` : base;
}
