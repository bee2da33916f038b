const palette = ['indigo', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'blue', 'yellow', 'violet'];

/** A stable Mantine color per user, so one person's shifts look alike across rows. */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return palette[hash % palette.length] ?? 'gray';
}
