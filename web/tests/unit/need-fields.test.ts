import { describe, expect, it } from 'vitest'
import { checkIpcCodes, readTrlChoice, trlLabel, type FieldErrors } from '../../src/forms'

// Returns the message key and values, so that a test can check which message was chosen.
const t = (key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`

describe('checkIpcCodes', () => {
  it.each([
    ['A23B', ['A23B']],
    ['A23B; A01B 1/00', ['A23B', 'A01B 1/00']],
    [' H ; G06F 16/3334 ;', ['H', 'G06F 16/3334']],
    ['', []],
  ])('reads %j as %j', (text, codes) => {
    const errors: FieldErrors = {}
    expect(checkIpcCodes(errors, t, 'ipc_codes', text)).toEqual(codes)
    expect(errors).toEqual({})
  })

  it.each(['a23b', 'A23B7/02', 'I01B', 'A23BB', 'nông sản'])('rejects %j and names it', (code) => {
    const errors: FieldErrors = {}
    checkIpcCodes(errors, t, 'ipc_codes', `A23B; ${code}`)
    expect(errors.ipc_codes).toBe(`form.ipcFormat ${JSON.stringify({ code })}`)
  })

  it('rejects more than 20 codes', () => {
    const errors: FieldErrors = {}
    checkIpcCodes(errors, t, 'ipc_codes', Array(21).fill('A23B').join(';'))
    expect(errors.ipc_codes).toBe(`form.tooManyItems ${JSON.stringify({ max: 20, count: 21 })}`)
  })
})

describe('readTrlChoice', () => {
  it.each([
    ['', null],
    ['1', 1],
    ['7', 7],
    ['9', 9],
    ['0', null],
    ['10', null],
    ['6.5', null],
  ])('reads %j as %j', (value, level) => {
    expect(readTrlChoice(value)).toBe(level)
  })
})

describe('trlLabel', () => {
  const level = { level: 6, name_vi: 'Trình diễn nguyên mẫu', name_en: 'Prototype demonstrated' }

  it('names the level in the interface language', () => {
    expect(trlLabel(level, 'vi')).toBe('6 – Trình diễn nguyên mẫu')
    expect(trlLabel(level, 'en')).toBe('6 – Prototype demonstrated')
  })

  it('falls back to the other language, then to the number', () => {
    expect(trlLabel({ ...level, name_en: '' }, 'en')).toBe('6 – Trình diễn nguyên mẫu')
    expect(trlLabel({ level: 2, name_vi: '', name_en: '' }, 'vi')).toBe('2')
  })
})
