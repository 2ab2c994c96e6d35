// Display rules of the dashboard: how an indicator's figure, target and
// growth read, and the chart data built from the figures by year. A figure
// the server marks "missing" or "undefined" is shown as words with the
// server's note, never as 0 or an infinite percentage.
import type {
  FigureStatus,
  IndicatorTarget,
  IndicatorUnit,
  PlanTarget,
  YearFigure,
} from './api/types'
import { formatMoney, groupDigits } from './format'

export type Translate = (key: string, values?: Record<string, unknown>) => string
export type Locale = 'vi' | 'en'

// Formats 12.5 as "12,5" and 1234.56 as "1.234,6": Vietnamese grouping with
// a decimal comma, at most `digits` decimals, trailing zeros dropped.
export function formatDecimal(value: number, digits = 1): string {
  const factor = 10 ** digits
  const rounded = Math.round(Math.abs(value) * factor) / factor
  const whole = Math.trunc(rounded)
  const fraction = Math.round((rounded - whole) * factor)
  const sign = value < 0 && rounded !== 0 ? '-' : ''
  const fractionText = fraction === 0 ? '' : `,${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`
  return `${sign}${groupDigits(whole)}${fractionText}`
}

// Formats a value the server reported with status "ok".
export function formatIndicatorValue(value: number, unit: IndicatorUnit, t: Translate): string {
  switch (unit) {
    case 'vnd':
      return formatMoney(value)
    case 'percent':
      return `${formatDecimal(value)}\u00a0%`
    case 'count':
      return groupDigits(value)
    case 'boolean':
      return value ? t('dashboard.yes') : t('dashboard.no')
  }
}

export interface FigureDisplay {
  status: FigureStatus
  text: string
  note: string | null
}

function noteIn(figure: YearFigure, locale: Locale): string | null {
  return (locale === 'en' ? figure.note_en ?? figure.note_vi : figure.note_vi ?? figure.note_en) ?? null
}

// Returns what the dashboard shows for one year's figure. A year the reply
// does not cover, and an "ok" figure without a value, read as missing.
export function figureDisplay(
  figure: YearFigure | undefined,
  unit: IndicatorUnit,
  t: Translate,
  locale: Locale,
): FigureDisplay {
  if (!figure) return { status: 'missing', text: t('dashboard.status.missing'), note: null }
  if (figure.status === 'ok' && figure.value !== null) {
    return { status: 'ok', text: formatIndicatorValue(figure.value, unit, t), note: noteIn(figure, locale) }
  }
  const status: FigureStatus = figure.status === 'undefined' ? 'undefined' : 'missing'
  return { status, text: t(`dashboard.status.${status}`), note: noteIn(figure, locale) }
}

// Returns the figure of the latest year whose status is "ok", or undefined.
export function latestWithData(byYear: YearFigure[]): YearFigure | undefined {
  let latest: YearFigure | undefined
  for (const figure of byYear) {
    if (figure.status !== 'ok' || figure.value === null) continue
    if (!latest || figure.year > latest.year) latest = figure
  }
  return latest
}

// Returns the first target set for the current year, or undefined.
export function currentTarget<T extends PlanTarget>(targets: T[], currentYear: number): T | undefined {
  return targets.find((target) => target.year === currentYear)
}

export type TargetRowKind = 'assessed' | 'current' | 'next'

export interface TargetRow<T> {
  kind: TargetRowKind
  target: T | undefined
}

// Returns the target rows of an indicator card. "assessed" is the latest
// target up to the current year that has an actual value to compare. The
// current year's target follows when it is set and is not the assessed one,
// and "next" is the nearest target after the current year. The assessed and
// next rows are always present, without a target when the plan has none.
export function targetRows<T extends PlanTarget & { figure?: number | null }>(
  targets: T[],
  currentYear: number,
): TargetRow<T>[] {
  const assessed = targets
    .filter((target) => target.year <= currentYear && target.figure != null)
    .sort((a, b) => b.year - a.year)[0]
  const current = currentTarget(targets, currentYear)
  const next = targets.filter((target) => target.year > currentYear).sort((a, b) => a.year - b.year)[0]

  const rows: TargetRow<T>[] = [{ kind: 'assessed', target: assessed }]
  if (current && current !== assessed) rows.push({ kind: 'current', target: current })
  rows.push({ kind: 'next', target: next })
  return rows
}

// Returns the target as text, e.g. "ít nhất 20 %" or "từ 10 % đến 15 %".
export function targetText(target: PlanTarget, unit: IndicatorUnit, t: Translate): string {
  const shown = (value: number | null) => (value === null ? '?' : formatIndicatorValue(value, unit, t))
  if (target.comparison === 'within') {
    return t('dashboard.comparison.within', { low: shown(target.low), high: shown(target.high) })
  }
  return t(`dashboard.comparison.${target.comparison}`, { value: shown(target.value) })
}

export type TargetState = 'met' | 'notMet' | 'unknown'

export function targetState(target: IndicatorTarget): TargetState {
  if (target.met === true) return 'met'
  if (target.met === false) return 'notMet'
  return 'unknown'
}

// Formats a growth rate in percent, or the word for "undefined" when the
// server could not compute one (for instance a start value of 0).
export function growthText(value: number | null, t: Translate): string {
  if (value === null || !Number.isFinite(value)) return t('dashboard.status.undefined')
  return `${formatDecimal(value)}\u00a0%`
}

export interface ChartData {
  years: string[]
  // null where the figure is missing or undefined, so the chart leaves a gap.
  values: (number | null)[]
  gapYears: number[]
}

// Builds the chart's categories and values in year order.
export function chartData(byYear: YearFigure[]): ChartData {
  const sorted = [...byYear].sort((a, b) => a.year - b.year)
  const data: ChartData = { years: [], values: [], gapYears: [] }
  for (const figure of sorted) {
    data.years.push(String(figure.year))
    const known = figure.status === 'ok' && figure.value !== null
    data.values.push(known ? figure.value : null)
    if (!known) data.gapYears.push(figure.year)
  }
  return data
}

// Returns the route of the transactions page behind a figure. The server's
// drilldown link points at the JSON route; its indicator and year become the
// page's filters. A link to another path falls back to the code and year.
export function drilldownRoute(
  drilldown: string | null | undefined,
  indicator: string,
  year: number,
): { path: string; query: Record<string, string> } {
  const fallback = { path: '/transactions', query: { indicator, year: String(year) } }
  if (!drilldown) return fallback
  let url: URL
  try {
    url = new URL(drilldown, 'http://localhost')
  } catch {
    return fallback
  }
  if (url.pathname !== '/api/v1/transactions') return fallback
  const query: Record<string, string> = {}
  for (const [name, value] of url.searchParams) query[name] = value
  if (!query.indicator || !query.year) return fallback
  return { path: '/transactions', query }
}

// Shortens an axis label: amounts in đồng as "1,2 tỷ" or "350 triệu",
// other units as formatIndicatorValue writes them.
export function axisLabel(value: number, unit: IndicatorUnit, t: Translate): string {
  if (unit !== 'vnd') return formatIndicatorValue(value, unit, t)
  const size = Math.abs(value)
  if (size >= 1e9) return t('dashboard.billions', { value: formatDecimal(value / 1e9) })
  if (size >= 1e6) return t('dashboard.millions', { value: formatDecimal(value / 1e6) })
  return groupDigits(value)
}

// Indicator codes of the ledger, in the order the dashboard lists them.
export const indicatorCodes = [
  'transaction_value',
  'transaction_value_growth',
  'ip_share_value',
  'ip_share_count',
  'technology_share_value',
  'technology_share_count',
  'intermediaries_connected',
  'digitized_research_results',
] as const
