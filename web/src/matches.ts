// Display rules of the matches panel and the deal pages.
import type { Deal, DealStage, MatchReason, SessionUser } from './api/types'
import { formatDecimal, type Locale } from './indicators'

// Formats a score between 0 and 1 as a percentage: 0.825 gives "83 %".
// Scores outside 0..1 are clamped.
export function formatScore(score: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(score) ? score : 0))
  return `${formatDecimal(clamped * 100, 0)}\u00a0%`
}

export function reasonText(reason: MatchReason, locale: Locale): string {
  return locale === 'en' ? reason.text_en || reason.text_vi : reason.text_vi || reason.text_en
}

// Stages of a deal in order; "abandoned" can follow any stage that is not final.
export const dealStages: DealStage[] = [
  'contact',
  'negotiation',
  'mou',
  'contract_signed',
  'registered',
  'completed',
  'abandoned',
]

// Returns the stages the stage form offers to `user`: the moves the server
// allows from the deal's stage, without "abandoned" for a party once the
// contract is signed, since only staff and admins may then abandon the deal.
export function nextStages(deal: Deal, user: SessionUser | null): DealStage[] {
  const staff = user?.role === 'admin' || user?.role === 'staff'
  const contractSigned = deal.stage === 'contract_signed' || deal.stage === 'registered'
  return deal.next_stages.filter((stage) => stage !== 'abandoned' || staff || !contractSigned)
}

// Staff move any deal; a member moves a deal that their organization is a
// party to.
export function mayChangeStage(user: SessionUser | null, deal: Deal): boolean {
  if (!user) return false
  if (user.role === 'admin' || user.role === 'staff') return true
  if (user.organization_id === null) return false
  return deal.parties.some((party) => party.organization_id === user.organization_id)
}
