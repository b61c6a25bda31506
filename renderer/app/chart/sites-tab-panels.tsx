import type { ComponentType } from 'react';
import type { SessionDetail, Site } from '../../../shared/domain/types.ts';

/** What each panel of the Sites tab is given. */
export interface SitesTabPanelProps {
  /** The session as last loaded or saved (status, product, vials, dates…). Its `sites` may lag: use `sites`. */
  session: SessionDetail;
  /** The sites as the chart shows them now, after every saved change, in charting order. */
  sites: readonly Site[];
}

/**
 * The panels shown in the Sites tab under the site list and the per-muscle totals, in this order.
 * To add one, write a component taking SitesTabPanelProps (in this folder) and list it here with a
 * stable key; it scrolls with the list. A panel only reads: changes go through the chart editor.
 */
export const SITES_TAB_PANELS: ReadonlyArray<{ key: string; Panel: ComponentType<SitesTabPanelProps> }> = [];

export function SitesTabPanels(props: SitesTabPanelProps) {
  return SITES_TAB_PANELS.map(({ key, Panel }) => <Panel key={key} {...props} />);
}
