import { memo } from 'react';
import { getView } from '../../../shared/atlas/index.ts';
import { viewSymbol } from '../../../shared/atlas/svg.ts';
import { renderTree } from './SvgTree.tsx';

/**
 * Each diagram drawn once per page as an SVG symbol (with and without the deep layer); the thumbnails refer
 * to it with <use>, so a history of a hundred maps carries each drawing once, not a hundred times.
 */
export const AtlasSprite = memo(function AtlasSprite({ views }: { views: readonly string[] }) {
  return (
    <svg className="atlas-sprite" aria-hidden="true" width="0" height="0" focusable="false">
      <defs>
        {views.flatMap((key) => {
          const [id, version] = key.split('@') as [string, string];
          const view = getView(id, Number(version));
          return [renderTree(viewSymbol(view), `${key}`), renderTree(viewSymbol(view, { showDeep: true }), `${key}-deep`)];
        })}
      </defs>
    </svg>
  );
});
