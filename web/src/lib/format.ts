/** `2025-03-04T06:05:00Z` → `2025/03/04 14:05` in the county's time zone. */
export function formatDateTime(iso: string | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** Role labels of a user, in Chinese, joined for a header line. */
export function joinLabels(labels: readonly string[]): string {
  return labels.join('、');
}
