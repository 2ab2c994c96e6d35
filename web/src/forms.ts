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
