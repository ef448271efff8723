import { describe, expect, test } from 'vitest';
import { DATA_DIR } from '../../../src/data/files.ts';
import { loadDataset } from '../../../src/data/load.ts';

// The tile map places each state roughly where it lies. These hold the layout to the map a reader knows:
// neighbours share an edge (a tile directly above, below, left or right), and the islands stand apart.
const data = loadDataset(DATA_DIR);
const place = new Map(data.tiles.map((tile) => [tile.code, tile]));
const touch = (a: string, b: string) => {
  const p = place.get(a)!;
  const q = place.get(b)!;
  return Math.abs(p.column - q.column) + Math.abs(p.row - q.row) === 1;
};

describe('the tile layout', () => {
  test('every state and union territory has exactly one tile, and no two share a place', () => {
    expect(data.tiles.map((tile) => tile.code).sort()).toEqual(data.states.map((state) => state.code).sort());
    expect(new Set(data.tiles.map((tile) => `${tile.column},${tile.row}`)).size).toBe(data.tiles.length);
  });

  const neighbours: [string, string][] = [
    ['IN-AP', 'IN-TS'], ['IN-AP', 'IN-TN'], ['IN-AP', 'IN-KA'],
    ['IN-UK', 'IN-UP'], ['IN-UK', 'IN-HP'],
    ['IN-JK', 'IN-LA'], ['IN-JK', 'IN-PB'], ['IN-PB', 'IN-HR'], ['IN-HR', 'IN-DL'], ['IN-DL', 'IN-UP'],
    ['IN-UP', 'IN-BR'], ['IN-UP', 'IN-MP'], ['IN-BR', 'IN-JH'], ['IN-JH', 'IN-WB'], ['IN-WB', 'IN-SK'], ['IN-WB', 'IN-OD'],
    ['IN-RJ', 'IN-GJ'], ['IN-RJ', 'IN-MP'], ['IN-MP', 'IN-MH'], ['IN-MH', 'IN-CG'], ['IN-CG', 'IN-OD'], ['IN-CG', 'IN-TS'],
    ['IN-MH', 'IN-GA'], ['IN-GA', 'IN-KA'], ['IN-KA', 'IN-KL'], ['IN-KL', 'IN-TN'], ['IN-TN', 'IN-PY'],
    ['IN-AS', 'IN-AR'], ['IN-AS', 'IN-NL'], ['IN-AS', 'IN-ML'], ['IN-NL', 'IN-MN'], ['IN-MN', 'IN-MZ'], ['IN-MZ', 'IN-TR'],
  ];
  test.each(neighbours)('%s and %s touch', (a, b) => {
    expect(touch(a, b)).toBe(true);
  });

  test('the islands touch no other tile, and lie off the coast they face', () => {
    for (const island of ['IN-AN', 'IN-LD']) {
      expect(data.tiles.filter((tile) => tile.code !== island && touch(island, tile.code))).toEqual([]);
    }
    expect(place.get('IN-LD')!.column).toBeLessThan(place.get('IN-KL')!.column);
    expect(place.get('IN-AN')!.column).toBeGreaterThan(place.get('IN-AP')!.column);
  });

  test('north is up and east is right: Ladakh above Tamil Nadu, Gujarat left of Nagaland', () => {
    expect(place.get('IN-LA')!.row).toBeLessThan(place.get('IN-TN')!.row);
    expect(place.get('IN-GJ')!.column).toBeLessThan(place.get('IN-NL')!.column);
  });
});
