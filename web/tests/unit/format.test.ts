import { describe, expect, it } from 'vitest'
import { formatDate, formatFileSize, formatMoney, parseDate, parseMoney, safeHref } from '../../src/format'
import { checkText, splitList } from '../../src/forms'

describe('dates', () => {
  it.each([
    ['2024-03-05', '05/03/2024'],
    ['2026-12-04T14:21:06Z', '04/12/2026'],
    [null, ''],
  ])('formats %s as %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown)
  })

  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/02/2024', null],
    ['29/02/2023', null],
    ['2024-03-05', null],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso)
  })
})

describe('money', () => {
  it.each([
    [1234567, '1.234.567\u00a0₫'],
    [0, '0\u00a0₫'],
    [999, '999\u00a0₫'],
  ])('formats %d', (value, shown) => {
    expect(formatMoney(value)).toBe(shown)
  })

  it.each([
    ['1.234.567', 1234567],
    ['1234567', 1234567],
    ['1 234 567 ₫', 1234567],
    ['4.300 đồng', 4300],
    ['9,5', null],
    ['1,234,567', null],
    ['-5', null],
    ['12.34', null],
  ])('reads %s as %s', (text, value) => {
    expect(parseMoney(text)).toBe(value)
  })
})

describe('links and lists', () => {
  it('keeps only http and https links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org')
    expect(safeHref('java\tscript:alert(1)')).toBeUndefined()
    expect(safeHref('javascript:alert(1)')).toBeUndefined()
  })

  it('splits keywords at semicolons', () => {
    expect(splitList(' sấy; nông sản ;; ')).toEqual(['sấy', 'nông sản'])
  })
})

describe('checkText', () => {
  const t = (key: string) => key

  it('rejects a tab in a single-line field and keeps it in a multi-line one', () => {
    const errors: Record<string, string> = {}
    checkText(errors, t, 'title', 'Máy\tsấy', { max: 300 })
    checkText(errors, t, 'summary', 'Dòng một\nDòng\thai', { max: 3000, multiline: true })
    expect(errors).toEqual({ title: 'form.controlCharacters' })
  })

  it('counts characters, not UTF-16 units, against the maximum', () => {
    const errors: Record<string, string> = {}
    checkText(errors, t, 'title', 'ệ'.repeat(300), { max: 300 })
    expect(errors).toEqual({})
    checkText(errors, t, 'title', 'ệ'.normalize('NFD').repeat(300), { max: 300 })
    expect(errors).toEqual({})
    checkText(errors, t, 'title', 'ệ'.repeat(301), { max: 300 })
    expect(errors.title).toBe('form.tooLong')
  })
})

describe('file sizes', () => {
  it.each([
    [0, '0\u00a0B'],
    [850, '850\u00a0B'],
    [1024, '1,0\u00a0KiB'],
    [12800, '12,5\u00a0KiB'],
    [1048524, '1023,9\u00a0KiB'],
    [1048575, '1,0\u00a0MiB'],
    [1258291, '1,2\u00a0MiB'],
  ])('writes %i bytes as %s', (bytes, shown) => {
    expect(formatFileSize(bytes)).toBe(shown)
  })
})
