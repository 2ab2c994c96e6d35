// Which review actions, edits and statuses each kind of user gets, following
// the server's rules in src/common/review_workflow.cpp and src/auth.
import { describe, expect, it } from 'vitest'
import type { SessionUser } from '../../src/api/types'
import {
  availableActions,
  canEditRecord,
  offerStatusChoices,
  sortOldestFirst,
  type QueueEntry,
} from '../../src/review'

function user(role: SessionUser['role'], organization: number | null): SessionUser {
  return { id: 1, email: 'a@example.org', name: 'A', role, organization_id: organization }
}

const owner = user('member', 4)
const otherMember = user('member', 5)
const staff = user('staff', null)
const admin = user('admin', null)

describe('canEditRecord', () => {
  it.each([
    ['visitor', null, false],
    ['member of the owner', owner, true],
    ['member of another organization', otherMember, false],
    ['member without organization', user('member', null), false],
    ['officer of the owner', user('officer', 4), true],
    ['staff', staff, true],
    ['admin', admin, true],
  ])('%s', (_name, who, expected) => {
    expect(canEditRecord({ status: 'published', owner_organization_id: 4 }, who)).toBe(expected)
  })

  it('keeps members away from a record without owner', () => {
    expect(canEditRecord({ status: 'draft', owner_organization_id: null }, user('member', 4))).toBe(false)
  })
})

describe('availableActions', () => {
  it.each([
    ['draft', owner, ['submit', 'archive']],
    ['rejected', owner, ['submit', 'archive']],
    ['submitted', owner, ['archive']],
    ['submitted', staff, ['publish', 'reject', 'archive']],
    ['submitted', admin, ['publish', 'reject', 'archive']],
    ['published', owner, ['archive']],
    ['expired', owner, ['renew', 'archive']],
    ['archived', owner, []],
    ['archived', admin, []],
    ['draft', otherMember, []],
    ['submitted', null, []],
  ] as const)('%s record, %o', (status, who, expected) => {
    expect(availableActions({ status, owner_organization_id: 4 }, who)).toEqual(expected)
  })
})

describe('offerStatusChoices', () => {
  it('gives a member only draft on a new offer', () => {
    expect(offerStatusChoices(owner, null)).toEqual(['draft'])
  })

  it('keeps a member on the stored status when editing', () => {
    expect(offerStatusChoices(owner, 'rejected')).toEqual(['rejected'])
  })

  it('gives staff every status the server stores', () => {
    expect(offerStatusChoices(staff, 'draft')).toEqual([
      'draft',
      'submitted',
      'published',
      'rejected',
      'expired',
      'archived',
    ])
  })
})

describe('sortOldestFirst', () => {
  it('puts the longest-waiting record first across types', () => {
    const entries: QueueEntry[] = [
      { type: 'offer', id: 9, title: 'new offer', updated_at: '2026-12-03T08:00:00Z' },
      { type: 'need', id: 2, title: 'old need', updated_at: '2026-11-20T10:00:00Z' },
      { type: 'offer', id: 3, title: 'middle offer', updated_at: '2026-11-28T00:00:00Z' },
    ]
    expect(sortOldestFirst(entries).map((entry) => entry.title)).toEqual([
      'old need',
      'middle offer',
      'new offer',
    ])
  })
})
