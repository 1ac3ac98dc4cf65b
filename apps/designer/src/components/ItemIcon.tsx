import { StrokeIcon } from './StrokeIcon';

// Icons a catalog item may name in its `icon` field (24×24 stroke paths, drawn inline).
const ICONS: Record<string, string> = {
  key: 'M15 7a4 4 0 1 1-3.9 5H3v3h3v3h3v-3h2.1A4 4 0 0 1 15 7zM16 10h.01',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4',
  user: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  phone: 'M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2',
  shield: 'M12 3l7 3v5c0 5-3.5 8.5-7 10-3.5-1.5-7-5-7-10V6z',
  wallet: 'M3 7h16a2 2 0 0 1 2 2v9H3zM3 7l12-4 2 4M17 13h.01',
  laptop: 'M5 5h14v10H5zM2 19h20',
  home: 'M3 11l9-8 9 8M5 10v10h14V10',
  help: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM9.5 9a2.5 2.5 0 0 1 5 .5c0 1.5-2.5 2-2.5 3.5M12 17h.01',
};

/** Names of the icons a catalog item may use. */
export const ITEM_ICONS = Object.keys(ICONS);

/** The icon named by a catalog item (a generic one for unknown names); decorative. */
export function ItemIcon({ name, size = 28 }: { name: string | undefined; size?: number }) {
  return <StrokeIcon d={ICONS[name ?? ''] ?? ICONS.help!} size={size} strokeWidth={1.8} />;
}
