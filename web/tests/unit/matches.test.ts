import { describe, expect, it } from 'vitest'
import type { Deal, SessionUser } from '../../src/api/types'
import { formatScore, mayChangeStage, nextStages, reasonText } from '../../src/matches'

function user(role: SessionUser['role'], organizationId: number | null): SessionUser {
  return { id: 7, email: 'a@example.org', name: 'A', role, organization_id: organizationId }
}

const deal: Deal = {
  id: 1,
  title: 'Chuyển giao máy sấy',
  stage: 'negotiation',
  abandon_reason: null,
  certificate_number: null,
  origin: 'interest',
  offer_id: 3,
  need_id: 4,
  parties: [
    { role: 'buyer', organization_id: 10, organization_name: 'Công ty A', province_code: '72' },
    { role: 'seller', organization_id: 20, organization_name: 'Viện B', province_code: '79' },
  ],
  history: [],
  next_stages: ['mou', 'contract_signed', 'abandoned'],
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-02T00:00:00Z',
}

describe('formatScore', () => {
  it.each([
    [0.825, '83\u00a0%'],
    [1, '100\u00a0%'],
    [0, '0\u00a0%'],
    [1.7, '100\u00a0%'],
    [-0.2, '0\u00a0%'],
    [Number.NaN, '0\u00a0%'],
  ])('shows %s as %s', (score, text) => {
    expect(formatScore(score)).toBe(text)
  })
})

describe('reasonText', () => {
  const reason = { code: 'same_field', text_vi: 'Cùng lĩnh vực', text_en: 'Same field' }

  it('picks the interface language', () => {
    expect(reasonText(reason, 'vi')).toBe('Cùng lĩnh vực')
    expect(reasonText(reason, 'en')).toBe('Same field')
  })

  it('falls back to Vietnamese when English is empty', () => {
    expect(reasonText({ ...reason, text_en: '' }, 'en')).toBe('Cùng lĩnh vực')
  })
})

describe('nextStages', () => {
  it('offers the moves the server allows', () => {
    expect(nextStages(deal, user('member', 10))).toEqual(['mou', 'contract_signed', 'abandoned'])
  })

  it('lets only staff abandon a deal with a signed contract', () => {
    const signed: Deal = { ...deal, stage: 'contract_signed', next_stages: ['registered', 'completed', 'abandoned'] }
    expect(nextStages(signed, user('member', 10))).toEqual(['registered', 'completed'])
    expect(nextStages(signed, user('staff', null))).toEqual(['registered', 'completed', 'abandoned'])
  })

  it('offers nothing after the end', () => {
    expect(nextStages({ ...deal, stage: 'completed', next_stages: [] }, user('admin', null))).toEqual([])
  })
})

describe('mayChangeStage', () => {
  it('lets staff and admins move any deal', () => {
    expect(mayChangeStage(user('staff', null), deal)).toBe(true)
    expect(mayChangeStage(user('admin', 99), deal)).toBe(true)
  })

  it('lets a member of a party move the deal', () => {
    expect(mayChangeStage(user('member', 20), deal)).toBe(true)
  })

  it('stops members of other organizations and visitors', () => {
    expect(mayChangeStage(user('member', 99), deal)).toBe(false)
    expect(mayChangeStage(user('officer', null), deal)).toBe(false)
    expect(mayChangeStage(null, deal)).toBe(false)
  })
})
