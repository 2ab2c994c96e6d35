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

// Returns the stages the stage form offers after `stage`: every later stage
// and "abandoned", or none for a completed or abandoned deal. The server
// has the final word and rejects a move it does not allow.
export function nextStages(stage: DealStage): DealStage[] {
  if (stage === 'completed' || stage === 'abandoned') return []
  const forward = dealStages.slice(dealStages.indexOf(stage) + 1, dealStages.indexOf('completed') + 1)
  return [...forward, 'abandoned']
}

// Staff move any deal; a member moves a deal that their organization is a
// party to.
export function mayChangeStage(user: SessionUser | null, deal: Deal): boolean {
  if (!user) return false
  if (user.role === 'admin' || user.role === 'staff') return true
  if (user.organization_id === null) return false
  return deal.parties.some((party) => party.organization_id === user.organization_id)
}
