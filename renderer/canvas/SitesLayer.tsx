import { memo } from 'react';
import { Circle, Group, Layer, Rect, Text } from 'react-konva';
import type { MarkerGroup } from './labels.ts';
import type { CanvasPalette } from './palette.ts';

export interface MarkerLook {
  /** Drawn apart: a site in a muscle only the deep layer shows (violet, dashed rim). */
  deep: boolean;
  selected: boolean;
  /** A ring around the marker (copy forward: changed or new since the last session). */
  ring: string | null;
}

export interface SitesLayerProps {
  groups: readonly MarkerGroup[];
  look: (siteId: string) => MarkerLook;
  radius: number;
  fontSize: number;
  palette: CanvasPalette;
}

/**
 * The site markers and their labels, in screen pixels (markers keep a readable size at any zoom). Nothing here
 * listens to events: the chart hit-tests markers itself, with a 44 px target. Overlapping sites are one marker
 * with their count inside.
 */
export const SitesLayer = memo(function SitesLayer({ groups, look, radius: r, fontSize, palette }: SitesLayerProps) {
  return (
    <Layer listening={false}>
      {groups.map((g) => {
        const first = g.ids[0] as string;
        const looks = g.ids.map(look);
        const selected = looks.some((l) => l.selected);
        const deep = looks.every((l) => l.deep);
        const ring = looks.find((l) => l.ring)?.ring ?? null;
        return (
          <Group key={first}>
            {ring && <Circle x={g.x} y={g.y} radius={r + 4} stroke={ring} strokeWidth={3} perfectDrawEnabled={false} listening={false} />}
            <Circle
              x={g.x}
              y={g.y}
              radius={r}
              siteId={first}
              fill={selected ? palette.siteSelected : deep ? palette.siteDeep : palette.site}
              stroke={palette.siteRim}
              strokeWidth={2}
              dash={deep ? [3, 2] : []}
              perfectDrawEnabled={false}
              listening={false}
            />
            {g.ids.length > 1 && (
              <Text x={g.x - r} y={g.y - r} width={2 * r} height={2 * r} align="center" verticalAlign="middle" text={String(g.ids.length)} fontSize={r * 1.2} fontStyle="bold" fill={palette.siteRim} listening={false} perfectDrawEnabled={false} />
            )}
            {g.label && (
              <>
                <Rect x={g.label.x} y={g.label.y} width={g.label.width} height={g.label.height} cornerRadius={3} fill={palette.labelHalo} listening={false} perfectDrawEnabled={false} />
                <Text
                  x={g.label.x}
                  y={g.label.y + 2}
                  width={g.label.width}
                  align="center"
                  text={g.label.text}
                  fontSize={fontSize}
                  fontStyle="bold"
                  fill={selected ? palette.siteSelected : palette.siteLabel}
                  listening={false}
                  perfectDrawEnabled={false}
                />
              </>
            )}
          </Group>
        );
      })}
    </Layer>
  );
});
