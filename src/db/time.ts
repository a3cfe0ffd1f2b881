// Dates are stored as ISO 8601 UTC strings (see db/schema.ts); this is the one place that makes them.
export function nowIso(): string {
  return new Date().toISOString();
}

export function toIso(date: Date | string): string {
  return (typeof date === 'string' ? new Date(date) : date).toISOString();
}
