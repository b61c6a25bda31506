import { Menu } from 'electron';
import { menuTemplate, type MenuContext } from './menu-template.ts';

/** Builds and installs the application menu; called again when the theme changes (its radio items). */
export function installMenu(ctx: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(ctx)));
}
