/**
 * The text of a search record as a reader sees it: HKEXnews sends titles and headlines with HTML entities and
 * `<br/>` between the lines of a multi-line cell (several stock codes, a two-line headline).
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeListingText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** "01/02/2011 16:31" (Hong Kong time) -> "2011-02-01T16:31+08:00". */
export function releaseTimeOf(dateTime: string): string {
  const [date = '', time = ''] = dateTime.split(' ');
  const [day, month, year] = date.split('/');
  return `${year}-${month}-${day}T${time}+08:00`;
}
