// Review workflow actions and edits the signed-in user may take on an offer
// or a need, by the server's rules. Members of the owner
// organization, staff and admins may edit a record and submit, renew or
// archive it. Only staff and admins publish or reject.
import type { SessionUser } from './api/types'

export type ReviewAction = 'submit' | 'publish' | 'reject' | 'renew' | 'archive'

export interface OwnedRecord {
  status: string
  owner_organization_id?: number | null
}

export const offerStatuses = [
  'draft',
  'submitted',
  'published',
  'rejected',
  'expired',
  'archived',
] as const

export function isReviewer(user: SessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'staff'
}

// True for staff, admins and members of the record's organization.
export function canEditRecord(record: OwnedRecord, user: SessionUser | null): boolean {
  if (!user) return false
  if (isReviewer(user)) return true
  return user.organization_id != null && user.organization_id === record.owner_organization_id
}

// Returns the actions offered on the record's page, in the order shown.
export function availableActions(record: OwnedRecord, user: SessionUser | null): ReviewAction[] {
  if (!canEditRecord(record, user)) return []
  const actions: ReviewAction[] = []
  if (record.status === 'draft' || record.status === 'rejected') actions.push('submit')
  if (record.status === 'submitted' && isReviewer(user)) actions.push('publish', 'reject')
  if (record.status === 'expired') actions.push('renew')
  if (record.status !== 'archived') actions.push('archive')
  return actions
}

// Returns the statuses the offer form may send. The server changes the
// status of a member's offer only through the workflow routes, so a member
// keeps the stored status, which is draft for a new offer. Staff and admins
// may set any status.
export function offerStatusChoices(user: SessionUser | null, storedStatus: string | null): string[] {
  if (isReviewer(user)) return [...offerStatuses]
  return [storedStatus ?? 'draft']
}

export interface QueueEntry {
  type: 'offer' | 'need'
  id: number
  title: string
  // ISO date-time of the last change, which for a submitted record is its submission.
  updated_at: string
}

// Sorts the queue with the longest-waiting record first; ties go by type and id.
export function sortOldestFirst(entries: QueueEntry[]): QueueEntry[] {
  return [...entries].sort(
    (a, b) =>
      a.updated_at.localeCompare(b.updated_at) || a.type.localeCompare(b.type) || a.id - b.id,
  )
}
