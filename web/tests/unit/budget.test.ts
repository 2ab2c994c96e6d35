// The budget line of a need page in both interface languages.
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { budgetMessage } from '../../src/format'
import vi from '../../src/i18n/vi'
import en from '../../src/i18n/en'

const i18n = createI18n({ legacy: false, locale: 'vi', messages: { vi, en } })

function budgetText(
  locale: 'vi' | 'en',
  min: number | null | undefined,
  max: number | null | undefined,
): string | null {
  const message = budgetMessage(min, max)
  if (!message) return null
  i18n.global.locale.value = locale
  return i18n.global.t(message.key, message.values)
}

describe('budget text', () => {
  it.each([
    ['vi', null, 200000000, 'tối đa 200.000.000\u00a0₫'],
    ['en', null, 200000000, 'up to 200.000.000\u00a0₫'],
    ['vi', 50000000, null, 'từ 50.000.000\u00a0₫'],
    ['en', 50000000, undefined, 'from 50.000.000\u00a0₫'],
    ['vi', 500000000, 2000000000, '500.000.000\u00a0₫ – 2.000.000.000\u00a0₫'],
    ['vi', 0, null, 'từ 0\u00a0₫'],
  ] as const)('%s, min %s, max %s', (locale, min, max, expected) => {
    expect(budgetText(locale, min, max)).toBe(expected)
  })

  it('is absent without either end', () => {
    expect(budgetMessage(null, undefined)).toBeNull()
  })
})
