// Checks shared by the offer and need forms. They mirror the server's rules
// (lengths, ranges, dates) so most mistakes show before sending; the
// server's field errors are shown the same way when it still rejects.
import { ApiError } from './api/client'
import { parseDate, parseMoney } from './format'

export type Translate = (key: string, values?: Record<string, unknown>) => string
export type FieldErrors = Record<string, string>

// Control characters the server rejects: every one in a single-line field,
// all but tab and line breaks in a multi-line one.
const singleLineControl = /[\u0000-\u001f\u007f]/
const multiLineControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

export function checkText(
  errors: FieldErrors,
  t: Translate,
  field: string,
  value: string,
  options: { required?: boolean; max: number; multiline?: boolean },
): string | null {
  // The server stores NFC and counts code points, so text typed in decomposed
  // form (macOS, some Vietnamese keyboards) is measured as it will be stored.
  const text = value.normalize('NFC').trim()
  if (!text) {
    if (options.required) errors[field] = t('form.requiredError')
    return null
  }
  const count = [...text].length
  if (count > options.max) errors[field] = t('form.tooLong', { max: options.max, count })
  if ((options.multiline ? multiLineControl : singleLineControl).test(text)) {
    errors[field] = t('form.controlCharacters')
  }
  return text
}

export function checkMoney(errors: FieldErrors, t: Translate, field: string, value: string): number | null {
  if (!value.trim()) return null
  const amount = parseMoney(value)
  if (amount === null) errors[field] = t('form.wholeNumber')
  return amount
}

export function checkDate(errors: FieldErrors, t: Translate, field: string, value: string): string | null {
  if (!value.trim()) return null
  const date = parseDate(value)
  if (date === null) errors[field] = t('form.dateFormat')
  return date
}

// Splits "sấy; nông sản" into ["sấy", "nông sản"].
export function splitList(value: string): string[] {
  return value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

// An IPC symbol as the server accepts it: section letter, then optionally two
// class digits, the subclass letter and a group ("A", "A23", "A23B",
// "A01B 1/00").
const ipcSymbol = /^[A-H]([0-9]{2}([A-Z]( [0-9]{1,4}\/[0-9]{2,6})?)?)?$/

export const maxIpcCodes = 20

// Splits "A23B; A01B 1/00" into its IPC symbols and records the first
// invalid one in errors[field]. NFC and trimming match what the server stores.
export function checkIpcCodes(errors: FieldErrors, t: Translate, field: string, value: string): string[] {
  const codes = splitList(value.normalize('NFC'))
  if (codes.length > maxIpcCodes) {
    errors[field] = t('form.tooManyItems', { max: maxIpcCodes, count: codes.length })
    return codes
  }
  const invalid = codes.find((code) => !ipcSymbol.test(code))
  if (invalid !== undefined) errors[field] = t('form.ipcFormat', { code: invalid })
  return codes
}

// Reads the TRL select's value: "" means no preference.
export function readTrlChoice(value: string): number | null {
  if (value === '') return null
  const level = Number(value)
  return Number.isInteger(level) && level >= 1 && level <= 9 ? level : null
}

// One row of GET /api/v1/trl-levels.
export interface TrlLevel {
  level: number
  name_vi: string
  name_en: string
}

// Labels a TRL level in the interface language, falling back to the other
// language's name when one is empty: "6 – Trình diễn nguyên mẫu".
export function trlLabel(level: TrlLevel, locale: string): string {
  const name = locale === 'en' ? level.name_en || level.name_vi : level.name_vi || level.name_en
  return name ? `${level.level} – ${name}` : String(level.level)
}

// Returns the server's field errors keyed by form field: "keywords[2]" and
// "keywords" both go to the keywords field.
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {}
  const byField: FieldErrors = {}
  for (const [field, message] of Object.entries(error.fieldErrors())) {
    const name = field.replace(/\[\d+\]$/, '')
    byField[name] = byField[name] ? `${byField[name]}; ${message}` : message
  }
  return byField
}

// Reads a select whose blank option means "not given": "" becomes null.
export function readChoice(value: string): string | null {
  return value === '' ? null : value
}

// The ip_status values the server accepts for an offer.
export const ipStatuses = ['none', 'filed', 'granted', 'expired', 'trade_secret'] as const

// One node of GET /api/v1/st-fields: a top field ("1" to "6") or an OECD
// sub-field ("2.5"). Some sub-fields have no Vietnamese name.
export interface StField {
  code: string
  name_vi: string | null
  name_en: string
  children?: StField[]
}

export interface SelectOption {
  value: string
  label: string
}

// Flattens the S&T field tree into select options in tree order, labelled
// "2.5 – Materials engineering". The name falls back to the other language.
export function stFieldOptions(fields: StField[], locale: string): SelectOption[] {
  const options: SelectOption[] = []
  const visit = (nodes: StField[]) => {
    for (const field of nodes) {
      const name = locale === 'en' ? field.name_en || field.name_vi : field.name_vi || field.name_en
      options.push({ value: field.code, label: name ? `${field.code} – ${name}` : field.code })
      visit(field.children ?? [])
    }
  }
  visit(fields)
  return options
}

// Appends the stored value when the options lack it, so an edit keeps a code
// from an older administrative map, or any code when the list failed to load.
export function withStoredValue(options: SelectOption[], stored: string): SelectOption[] {
  if (stored === '' || options.some((option) => option.value === stored)) return options
  return [...options, { value: stored, label: stored }]
}
