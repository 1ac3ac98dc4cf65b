/**
 * A decorative 24×24 stroke icon drawn inline in the current text colour (so it never depends
 * on the fonts installed); the surrounding control carries the name.
 */
export function StrokeIcon({ d, size, strokeWidth }: { d: string; size: number; strokeWidth: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}
