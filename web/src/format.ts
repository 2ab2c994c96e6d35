// Formats of the Vietnamese interface: dates as dd/mm/yyyy and amounts as
// 1.234.567 ₫, whatever the interface language.

// Returns "05/03/2024" for "2024-03-05" or an ISO date-time; other text as given.
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!match) return iso
  return `${match[3]}/${match[2]}/${match[1]}`
}

// Returns "2024-03-05" for "05/03/2024" or "5/3/2024", or null when the text
// is not a real calendar date in that form.
export function parseDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text)
  if (!match) return null
  const day = Number(match[1])
  const month = Number(match[2])
  const year = Number(match[3])
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null
  }
  return `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

// Groups the digits of a whole number with dots: 1234567 gives "1.234.567".
export function groupDigits(value: number): string {
  const digits = String(Math.trunc(Math.abs(value)))
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return value < 0 ? `-${grouped}` : grouped
}

// Returns "1.234.567 ₫", with a no-break space so the sign stays with the number.
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return `${groupDigits(value)}\u00a0₫`
}

// Reads an amount typed as "1.234.567", "1 234 567" or "1234567" (with an
// optional ₫ or "đồng"); returns null when it is not a whole number of đồng.
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/₫|đồng|vnd/gi, '').replace(/[\s\u00a0]/g, '')
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(cleaned)) return null
  const value = Number(cleaned.replace(/\./g, ''))
  return Number.isSafeInteger(value) ? value : null
}

// Returns `url` when it is an http or https link, else undefined, so a
// stored "javascript:" address never becomes a clickable link.
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : undefined
}

// Picks the message key and amounts for a budget: a range when both ends are
// set, "up to" for a maximum only, "from" for a minimum only, and null when
// neither is set.
export function budgetMessage(
  min: number | null | undefined,
  max: number | null | undefined,
): { key: string; values: Record<string, string> } | null {
  const hasMin = min !== null && min !== undefined
  const hasMax = max !== null && max !== undefined
  if (hasMin && hasMax) return { key: 'record.budgetRange', values: { min: formatMoney(min), max: formatMoney(max) } }
  if (hasMax) return { key: 'record.budgetUpTo', values: { max: formatMoney(max) } }
  if (hasMin) return { key: 'record.budgetFrom', values: { min: formatMoney(min) } }
  return null
}

// Returns a file size as "850 B", "12,5 KiB" or "1,2 MiB", with a decimal comma.
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}\u00a0B`
  const kib = bytes / 1024
  if (Math.round(kib * 10) / 10 < 1024) return `${kib.toFixed(1).replace('.', ',')}\u00a0KiB`
  return `${(kib / 1024).toFixed(1).replace('.', ',')}\u00a0MiB`
}
