import { describe, expect, it } from 'vitest'
import { readChoice, stFieldOptions, withStoredValue, type StField } from '../../src/forms'

const tree: StField[] = [
  {
    code: '2',
    name_vi: 'Khoa học kỹ thuật và công nghệ',
    name_en: 'Engineering and technology',
    children: [
      { code: '2.5', name_vi: null, name_en: 'Materials engineering', children: [] },
      { code: '2.11', name_vi: 'Công nghệ khác', name_en: '', children: [] },
    ],
  },
  { code: '4', name_vi: 'Khoa học nông nghiệp', name_en: 'Agricultural sciences' },
]

describe('stFieldOptions', () => {
  it('lists fields in tree order with Vietnamese names', () => {
    expect(stFieldOptions(tree, 'vi')).toEqual([
      { value: '2', label: '2 – Khoa học kỹ thuật và công nghệ' },
      { value: '2.5', label: '2.5 – Materials engineering' },
      { value: '2.11', label: '2.11 – Công nghệ khác' },
      { value: '4', label: '4 – Khoa học nông nghiệp' },
    ])
  })

  it('uses English names and falls back to Vietnamese', () => {
    const labels = stFieldOptions(tree, 'en').map((option) => option.label)
    expect(labels).toEqual([
      '2 – Engineering and technology',
      '2.5 – Materials engineering',
      '2.11 – Công nghệ khác',
      '4 – Agricultural sciences',
    ])
  })

  it('shows the bare code when both names are empty', () => {
    expect(stFieldOptions([{ code: '7', name_vi: null, name_en: '' }], 'vi')).toEqual([{ value: '7', label: '7' }])
  })
})

describe('withStoredValue', () => {
  const options = [{ value: '72', label: 'Tây Ninh' }]

  it('keeps the options when they contain the stored value', () => {
    expect(withStoredValue(options, '72')).toBe(options)
  })

  it('keeps the options when nothing is stored', () => {
    expect(withStoredValue(options, '')).toBe(options)
  })

  it('appends a stored code missing from the list', () => {
    expect(withStoredValue(options, '70')).toEqual([...options, { value: '70', label: '70' }])
  })
})

describe('readChoice', () => {
  it.each([
    ['', null],
    ['granted', 'granted'],
    ['2.5', '2.5'],
  ])('reads %j as %j', (value, expected) => {
    expect(readChoice(value)).toBe(expected)
  })
})
