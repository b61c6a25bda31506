// The main window's last size, position and state, kept in userData/window-state.json. Per computer
// (screens differ), so not in the database. Plain Node; a damaged or foreign file reads as "none".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { WindowState } from './window-bounds.ts';

const finite = z.number().finite();
const schema = z
  .object({
    bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }).strict(),
    maximized: z.boolean(),
    fullScreen: z.boolean(),
  })
  .strict();

export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed, so a crash mid-write leaves the previous state. */
export function writeWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(partial, file);
}
