import { renderHook } from 'vitest-browser-react';
import type { Site } from '../../shared/domain/types.ts';
import type { Client } from '../../renderer/api.ts';
import { useChartEditor } from '../../renderer/editor/useChartEditor.ts';

function site(id: string, seq = 0): Site {
  return {
    id, sessionId: 's1', seq, viewId: 'face_front', viewVersion: 1, x: 120, y: 80, muscleId: 'procerus', side: 'midline',
    units: 5, guidance: 'none', note: '', createdAt: 't', updatedAt: 't',
  };
}

/** A main process that answers site:add slowly, as a busy disk would, and counts what it is sent. */
function slowClient() {
  const added: string[] = [];
  const answers: Array<() => void> = [];
  const client = {
    site: {
      add: (input: Omit<Site, 'seq' | 'createdAt' | 'updatedAt'>) => {
        added.push(input.id);
        return new Promise<Site>((resolve) => answers.push(() => resolve({ ...site(input.id, added.length), units: input.units })));
      },
    },
  } as unknown as Client;
  const answerAll = () => answers.splice(0).forEach((answer) => answer());
  return { client, added, answerAll };
}

describe('chart editor', () => {
  it('the same site added twice before the first save is answered is sent once, and both calls see it saved', async () => {
    const { client, added, answerAll } = slowClient();
    const errors: unknown[] = [];
    const { result, act } = await renderHook(() => useChartEditor(client, [], (err) => errors.push(err)));
    const first = result.current.apply({ kind: 'add', site: site('a') });
    const second = result.current.apply({ kind: 'add', site: site('a') });
    await expect.poll(() => added.length).toBe(1);
    await act(async () => {
      answerAll();
      expect(await first).toBe(true);
      expect(await second).toBe(true);
    });
    expect(added).toEqual(['a']);
    expect(result.current.sites.map((s) => s.id)).toEqual(['a']);
    expect(result.current.canUndo).toBe(true);
    expect(errors).toEqual([]);
  });

  it('adding a site that is already on the chart sends nothing', async () => {
    const { client, added } = slowClient();
    const errors: unknown[] = [];
    const { result } = await renderHook(() => useChartEditor(client, [site('a', 1)], (err) => errors.push(err)));
    expect(await result.current.apply({ kind: 'add', site: site('a') })).toBe(true);
    expect(added).toEqual([]);
    expect(result.current.sites).toHaveLength(1);
    expect(result.current.canUndo).toBe(false);
    expect(errors).toEqual([]);
  });

  it('two different sites placed quickly are both saved, in order', async () => {
    const { client, added, answerAll } = slowClient();
    const { result, act } = await renderHook(() => useChartEditor(client, [], () => {}));
    const a = result.current.apply({ kind: 'add', site: site('a') });
    const b = result.current.apply({ kind: 'add', site: site('b') });
    await act(async () => {
      await expect.poll(() => added.length).toBe(1);
      answerAll();
      expect(await a).toBe(true);
      await expect.poll(() => added.length).toBe(2);
      answerAll();
      expect(await b).toBe(true);
    });
    expect(added).toEqual(['a', 'b']);
    expect(result.current.sites.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
