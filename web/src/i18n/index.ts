import { createI18n } from 'vue-i18n'
import vi from './vi'
import en from './en'

export type Locale = 'vi' | 'en'
const storageKey = 'techmarket.locale'

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null
  return stored === 'en' ? 'en' : 'vi'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'vi',
  messages: { vi, en },
})

// Switches the interface language, remembers it and sets <html lang> for
// screen readers.
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(storageKey, locale)
  document.documentElement.lang = locale
}
