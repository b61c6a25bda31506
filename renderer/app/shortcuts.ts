/** Every keyboard shortcut of the app, as the shortcuts panel lists them (Help → Keyboard Shortcuts, F1 or ?). */
export interface Shortcut {
  /** Keys pressed together; "Mod" is Ctrl, or ⌘ on macOS. */
  keys: string[];
  /** Alternatives, e.g. Ctrl+Y or Ctrl+Shift+Z. */
  or?: string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['F1'], or: ['?'], action: 'Show these keyboard shortcuts' },
      { keys: ['Mod', 'N'], action: 'New patient' },
      { keys: ['Mod', 'Shift', 'N'], action: 'New session for the patient on screen' },
      { keys: ['Mod', 'F'], action: 'Find a patient' },
      { keys: ['Mod', 'P'], action: 'Print the summary of the session on screen' },
      { keys: ['Mod', ','], action: 'Settings' },
      { keys: ['Mod', '='], or: ['Mod', '−'], action: 'Make everything larger or smaller ({Mod}+0: actual size)' },
      { keys: ['Tab'], or: ['Shift', 'Tab'], action: 'Move between fields and buttons; Enter or Space presses a button' },
    ],
  },
  {
    title: 'Charting',
    shortcuts: [
      { keys: ['Click'], action: 'Place a site on the muscle under the pointer' },
      { keys: ['Enter'], action: 'Save the units typed for the site (pressing it twice places one site)' },
      { keys: ['Esc'], action: 'Drop the site being placed, then the selection' },
      { keys: ['Mod', 'Z'], action: 'Undo the last change' },
      { keys: ['Mod', 'Y'], or: ['Mod', 'Shift', 'Z'], action: 'Redo' },
      { keys: ['Delete'], or: ['Backspace'], action: 'Remove the selected sites' },
      { keys: ['Mod', 'A'], action: 'Select every site of the diagram on screen' },
      { keys: ['M'], action: 'Mirror the selected sites to the other side' },
      { keys: ['P'], or: ['S'], action: 'Place sites, or select and move them' },
      { keys: ['+'], or: ['−'], action: 'Zoom the diagram in or out (0: whole diagram)' },
      { keys: ['↑'], or: ['↓'], action: 'In a units field: one step more or less (0.25 U on eyelids)' },
      { keys: ['Enter'], action: 'In "Place by name": place a site in the muscle chosen in the list (typing only filters)' },
    ],
  },
];

/** The action's text with {Mod} written as this platform names it. */
export function actionText(s: Shortcut, mac: boolean): string {
  return s.action.replaceAll('{Mod}', keyLabel('Mod', mac));
}

export function keyLabel(key: string, mac: boolean): string {
  if (key === 'Mod') return mac ? '⌘' : 'Ctrl';
  if (key === 'Shift' && mac) return '⇧';
  return key;
}
