import { createContext, useContext } from 'react';
import type { ResolvedTheme } from '../../shared/domain/settings.ts';

/** Colours Konva draws with (it cannot read CSS variables): one palette per theme, matching styles.css. */
export interface CanvasPalette {
  /** Body outline fill and edge, and anatomical detail strokes (eyes, nose, knuckles). */
  skin: string;
  skinEdge: string;
  detail: string;
  muscleFill: string;
  muscleOpacity: number;
  muscleEdge: string;
  deepFill: string;
  deepEdge: string;
  /** The muscle under the pointer. */
  highlight: string;
  highlightFill: string;
  labelInk: string;
  labelDeepInk: string;
  labelHalo: string;
  site: string;
  siteSelected: string;
  /** A site in a muscle only the deep layer shows. */
  siteDeep: string;
  siteRim: string;
  siteLabel: string;
  /** The hollow marker of a site being placed. */
  pending: string;
}

export const CANVAS_PALETTES: Readonly<Record<ResolvedTheme, CanvasPalette>> = {
  light: {
    skin: '#f6e3d4',
    skinEdge: '#8a6a55',
    detail: '#5a4438',
    muscleFill: '#e9b7ad',
    muscleOpacity: 0.72,
    muscleEdge: '#9c4f45',
    deepFill: 'rgba(68, 96, 138, 0.16)',
    deepEdge: '#44608a',
    highlight: '#f0a500',
    highlightFill: 'rgba(240, 165, 0, 0.45)',
    labelInk: '#1b1b1b',
    labelDeepInk: '#1d3357',
    labelHalo: 'rgba(255, 255, 255, 0.85)',
    site: '#1f5fa8',
    siteSelected: '#b3261e',
    siteDeep: '#5b3fa0',
    siteRim: '#ffffff',
    siteLabel: '#0b2545',
    pending: '#b3261e',
  },
  // Muted anatomy on a dark ground so the bright site markers stay the first thing the eye finds.
  dark: {
    skin: '#3b302b',
    skinEdge: '#c4a28c',
    detail: '#d8bba8',
    muscleFill: '#8a4f47',
    muscleOpacity: 0.8,
    muscleEdge: '#e0a398',
    deepFill: 'rgba(120, 160, 220, 0.18)',
    deepEdge: '#8fb1e6',
    highlight: '#ffc233',
    highlightFill: 'rgba(255, 194, 51, 0.45)',
    labelInk: '#f4f6f8',
    labelDeepInk: '#cfe0ff',
    labelHalo: 'rgba(8, 12, 18, 0.85)',
    site: '#4da3ff',
    siteSelected: '#ff6b5e',
    siteDeep: '#b99cff',
    siteRim: '#0b1118',
    siteLabel: '#ffffff',
    pending: '#ff6b5e',
  },
  // White outlines on black; markers in cyan (selected: red-pink, deep: magenta), the pointer in yellow.
  'high-contrast': {
    skin: '#000000',
    skinEdge: '#ffffff',
    detail: '#ffffff',
    muscleFill: '#3a3a3a',
    muscleOpacity: 1,
    muscleEdge: '#ffffff',
    deepFill: 'rgba(0, 229, 255, 0.12)',
    deepEdge: '#00e5ff',
    highlight: '#ffd400',
    highlightFill: 'rgba(255, 212, 0, 0.5)',
    labelInk: '#ffffff',
    labelDeepInk: '#8ff3ff',
    labelHalo: 'rgba(0, 0, 0, 0.95)',
    site: '#00e5ff',
    siteSelected: '#ff5c8a',
    siteDeep: '#ff9bff',
    siteRim: '#000000',
    siteLabel: '#ffffff',
    pending: '#ffd400',
  },
};

/** The palette of the theme on screen; the light one where no provider is mounted (tests of a lone canvas). */
export const CanvasPaletteContext = createContext<CanvasPalette>(CANVAS_PALETTES.light);

export function useCanvasPalette(): CanvasPalette {
  return useContext(CanvasPaletteContext);
}
