import { describe, expect, it } from 'vitest'
import type { IndicatorTarget, YearFigure } from '../../src/api/types'
import vi from '../../src/i18n/market-vi'
import en from '../../src/i18n/market-en'
import {
  axisLabel,
  chartData,
  currentTarget,
  drilldownRoute,
  figureDisplay,
  formatDecimal,
  formatIndicatorValue,
  growthText,
  latestWithData,
  targetRows,
  targetState,
  targetText,
} from '../../src/indicators'

// Looks the key up in the real Vietnamese texts and fills {name} fields, so
// the tests also catch a key missing from market-vi.ts.
function translate(key: string, values: Record<string, unknown> = {}): string {
  let node: unknown = vi
  for (const part of key.split('.')) node = (node as Record<string, unknown>)?.[part]
  if (typeof node !== 'string') throw new Error(`no Vietnamese text for ${key}`)
  return node.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]))
}

function figure(year: number, status: YearFigure['status'], value: number | null, note: string | null = null): YearFigure {
  return {
    year,
    value,
    status,
    note_vi: note,
    note_en: note ? `${note} (en)` : null,
    transaction_count: 3,
    drilldown: `/api/v1/transactions?indicator=transaction_value&year=${year}`,
  }
}

function target(year: number, met: boolean | null, comparison: IndicatorTarget['comparison'] = 'at_least'): IndicatorTarget {
  return { year, comparison, value: 20, low: 10, high: 15, met }
}

function withFigure(base: IndicatorTarget, figure: number): IndicatorTarget {
  return { ...base, figure }
}

describe('formatDecimal', () => {
  it.each([
    [12.5, '12,5'],
    [12.04, '12'],
    [1234.56, '1.234,6'],
    [-3.25, '-3,3'],
    [0, '0'],
    [-0.01, '0'],
    [1000000, '1.000.000'],
  ])('formats %s as %s', (value, text) => {
    expect(formatDecimal(value)).toBe(text)
  })

  it('keeps two decimals when asked', () => {
    expect(formatDecimal(3.14159, 2)).toBe('3,14')
  })
})

describe('formatIndicatorValue', () => {
  it('writes đồng with dots', () => {
    expect(formatIndicatorValue(1234567, 'vnd', translate)).toBe('1.234.567\u00a0₫')
  })

  it('writes percent with a decimal comma', () => {
    expect(formatIndicatorValue(12.5, 'percent', translate)).toBe('12,5\u00a0%')
  })

  it('writes counts as whole numbers', () => {
    expect(formatIndicatorValue(1520, 'count', translate)).toBe('1.520')
  })

  it('writes booleans as words', () => {
    expect(formatIndicatorValue(1, 'boolean', translate)).toBe('Có')
    expect(formatIndicatorValue(0, 'boolean', translate)).toBe('Không')
  })
})

describe('figureDisplay', () => {
  it('shows an ok value', () => {
    const shown = figureDisplay(figure(2025, 'ok', 2500000000), 'vnd', translate, 'vi')
    expect(shown.status).toBe('ok')
    expect(shown.text).toBe('2.500.000.000\u00a0₫')
    expect(shown.note).toBeNull()
  })

  it('shows missing as words with the note', () => {
    const shown = figureDisplay(figure(2026, 'missing', null, 'Chưa có báo cáo năm 2026'), 'vnd', translate, 'vi')
    expect(shown.status).toBe('missing')
    expect(shown.text).toBe('Chưa có số liệu')
    expect(shown.note).toBe('Chưa có báo cáo năm 2026')
  })

  it('shows undefined as words, never 0 or infinity', () => {
    const shown = figureDisplay(figure(2021, 'undefined', null, 'Năm trước bằng 0'), 'percent', translate, 'en')
    expect(shown.status).toBe('undefined')
    expect(shown.text).toBe('Không xác định')
    expect(shown.text).not.toMatch(/0|∞|Infinity|NaN/)
    expect(shown.note).toBe('Năm trước bằng 0 (en)')
  })

  it('ignores a value the server sent with status undefined', () => {
    const shown = figureDisplay(figure(2021, 'undefined', 0), 'percent', translate, 'vi')
    expect(shown.text).toBe('Không xác định')
  })

  it('reads an ok figure without a value as missing', () => {
    expect(figureDisplay(figure(2022, 'ok', null), 'count', translate, 'vi').status).toBe('missing')
  })

  it('reads a year outside the reply as missing', () => {
    const shown = figureDisplay(undefined, 'count', translate, 'vi')
    expect(shown.status).toBe('missing')
    expect(shown.note).toBeNull()
  })

  it('falls back to the Vietnamese note in English', () => {
    const only = { ...figure(2021, 'missing', null), note_vi: 'Thiếu', note_en: null }
    expect(figureDisplay(only, 'vnd', translate, 'en').note).toBe('Thiếu')
  })
})

describe('latestWithData', () => {
  it('picks the latest ok year whatever the order', () => {
    const years = [figure(2024, 'ok', 5), figure(2026, 'missing', null), figure(2025, 'ok', 7), figure(2023, 'ok', 1)]
    expect(latestWithData(years)?.year).toBe(2025)
  })

  it('returns undefined when no year has data', () => {
    expect(latestWithData([figure(2025, 'missing', null), figure(2026, 'undefined', null)])).toBeUndefined()
  })
})

describe('targets', () => {
  const targets = [target(2030, null), target(2025, true), target(2026, false), target(2028, null)]

  it('finds the current year target', () => {
    expect(currentTarget(targets, 2026)?.met).toBe(false)
    expect(currentTarget(targets, 2027)).toBeUndefined()
  })

  // The default range of the dashboard ends in 2026, a year with no target,
  // while the plan's 2025 targets have data and were not all met.
  it('shows the latest assessed target and the next one', () => {
    const plan = [withFigure(target(2025, false), 12), target(2028, null), target(2030, null)]
    const rows = targetRows(plan, 2026)
    expect(rows.map((row) => [row.kind, row.target?.year])).toEqual([
      ['assessed', 2025],
      ['next', 2028],
    ])
    expect(rows[0].target?.met).toBe(false)
  })

  it('skips a past target without data', () => {
    const plan = [withFigure(target(2024, true), 3), target(2025, null)]
    expect(targetRows(plan, 2026)[0].target?.year).toBe(2024)
  })

  it('adds the current year target when it is not assessed', () => {
    const plan = [withFigure(target(2025, true), 3), target(2026, null), target(2027, null)]
    expect(targetRows(plan, 2026).map((row) => [row.kind, row.target?.year])).toEqual([
      ['assessed', 2025],
      ['current', 2026],
      ['next', 2027],
    ])
  })

  it('lists a current target with data once', () => {
    const plan = [withFigure(target(2026, true), 8)]
    expect(targetRows(plan, 2026).map((row) => [row.kind, row.target?.year])).toEqual([
      ['assessed', 2026],
      ['next', undefined],
    ])
  })

  it('keeps empty rows without targets', () => {
    expect(targetRows([], 2026).map((row) => [row.kind, row.target])).toEqual([
      ['assessed', undefined],
      ['next', undefined],
    ])
  })

  it.each([
    [true, 'met'],
    [false, 'notMet'],
    [null, 'unknown'],
  ] as const)('reads met %s as %s', (met, state) => {
    expect(targetState(target(2026, met))).toBe(state)
  })

  it('writes each comparison', () => {
    expect(targetText(target(2026, null, 'at_least'), 'percent', translate)).toBe('ít nhất 20\u00a0%')
    expect(targetText(target(2026, null, 'above'), 'count', translate)).toBe('trên 20')
    expect(targetText(target(2026, null, 'within'), 'percent', translate)).toBe('từ 10\u00a0% đến 15\u00a0%')
  })

  it('marks an absent bound with a question mark', () => {
    const open = { ...target(2026, null, 'within'), high: null }
    expect(targetText(open, 'count', translate)).toBe('từ 10 đến ?')
  })
})

describe('growthText', () => {
  it('formats a growth rate', () => {
    expect(growthText(8.25, translate)).toBe('8,3\u00a0%')
  })

  it.each([null, Number.POSITIVE_INFINITY, Number.NaN])('shows %s as undefined', (value) => {
    expect(growthText(value, translate)).toBe('Không xác định')
  })
})

describe('chartData', () => {
  it('sorts years and leaves gaps for missing and undefined', () => {
    const data = chartData([
      figure(2022, 'undefined', null),
      figure(2020, 'ok', 100),
      figure(2021, 'missing', null),
      figure(2023, 'ok', 0),
    ])
    expect(data.years).toEqual(['2020', '2021', '2022', '2023'])
    expect(data.values).toEqual([100, null, null, 0])
    expect(data.gapYears).toEqual([2021, 2022])
  })
})

describe('axisLabel', () => {
  it('shortens đồng to tỷ and triệu', () => {
    expect(axisLabel(2500000000, 'vnd', translate)).toBe('2,5 tỷ')
    expect(axisLabel(350000000, 'vnd', translate)).toBe('350 triệu')
    expect(axisLabel(900, 'vnd', translate)).toBe('900')
  })

  it('keeps percent as formatIndicatorValue writes it', () => {
    expect(axisLabel(15, 'percent', translate)).toBe('15\u00a0%')
  })
})

describe('drilldownRoute', () => {
  it('turns the server link into the page route', () => {
    const route = drilldownRoute('/api/v1/transactions?indicator=ip_share_value&year=2025', 'x', 1)
    expect(route).toEqual({ path: '/transactions', query: { indicator: 'ip_share_value', year: '2025' } })
  })

  it('falls back to code and year for a link elsewhere', () => {
    const route = drilldownRoute('https://example.org/evil?indicator=a&year=1', 'transaction_value', 2024)
    expect(route).toEqual({ path: '/transactions', query: { indicator: 'transaction_value', year: '2024' } })
  })

  it('falls back when the link lacks the year', () => {
    expect(drilldownRoute('/api/v1/transactions?indicator=a', 'b', 2020).query).toEqual({ indicator: 'b', year: '2020' })
    expect(drilldownRoute(null, 'b', 2020).query.year).toBe('2020')
  })
})

describe('market texts', () => {
  function keys(node: unknown, prefix = ''): string[] {
    if (typeof node === 'string') return [prefix]
    return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
      keys(value, prefix ? `${prefix}.${key}` : key),
    )
  }

  it('has the same keys in Vietnamese and English', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort())
  })

  it('has no empty text', () => {
    for (const key of keys(vi)) expect(translate(key).trim(), key).not.toBe('')
  })
})
