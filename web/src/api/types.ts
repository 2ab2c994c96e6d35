// Shapes of the JSON API's replies and bodies, as docs/openapi.yaml describes them.

export type OfferKind = 'technology' | 'research_result' | 'ip_asset' | 'equipment' | 'service'
export type RecordType = 'offer' | 'need'

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export interface Offer {
  id: number
  external_id?: string | null
  kind: OfferKind
  title: string
  title_en?: string | null
  summary: string
  summary_en?: string | null
  description?: string | null
  language?: 'vi' | 'en'
  st_field?: string | null
  industry_section?: string | null
  ipc_codes?: string[]
  trl?: number | null
  ip_status?: string | null
  ip_number?: string | null
  owner_organization_id?: number | null
  province_code?: string | null
  transfer_modes?: string[]
  price_vnd?: number | null
  price_negotiable?: boolean
  keywords?: string[]
  status: string
  rejection_reason?: string | null
  published_on?: string | null
  expires_on?: string | null
  source_url?: string | null
  created_at?: string
  updated_at?: string
}

export interface Need {
  id: number
  title: string
  problem: string
  desired_result?: string | null
  language?: 'vi' | 'en'
  st_field?: string | null
  industry_section?: string | null
  budget_min_vnd?: number | null
  budget_max_vnd?: number | null
  deadline?: string | null
  province_code?: string | null
  owner_organization_id?: number | null
  keywords?: string[]
  // The lowest technology readiness level the enterprise accepts; null for no preference.
  trl_min?: number | null
  ipc_codes?: string[]
  status: string
  rejection_reason?: string | null
  created_at?: string
  updated_at?: string
}

export interface Organization {
  id: number
  kind: string
  name: string
  name_en?: string | null
  tax_code?: string | null
  website?: string | null
  email?: string | null
  phone?: string | null
  address?: string | null
  province_code?: string | null
  status: string
}

export interface Segment {
  text: string
  match: boolean
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchHit {
  id: number
  type: RecordType
  kind: string | null
  title: string
  score: number
  snippets?: Record<string, Segment[]>
}

export interface SearchReply {
  items: SearchHit[]
  total: number
  next_cursor: string | null
  facets?: Record<string, FacetValue[]>
  suggestion?: string | null
}

export interface SearchParams {
  q?: string
  type?: string
  kind?: string
  st_field?: string
  trl?: string
  province?: string
  industry_section?: string
  transfer_mode?: string
  price_band?: string
  sort?: string
  cursor?: string
  limit?: number
}

export interface Suggestion {
  text: string
  type: RecordType
  id: number
}

export interface RecordHeadline {
  id: number
  title: string
  kind: string | null
  published_on: string | null
  created_at: string
}

export interface Summary {
  published_offers: number
  published_needs: number
  active_organizations: number
  newest_offers: RecordHeadline[]
  newest_needs: RecordHeadline[]
}

export interface RejectedRow {
  line: number
  field: string
  message: string
}

export interface ImportReport {
  format: string | null
  dry_run: boolean
  rows: number
  created: number
  updated: number
  unchanged: number
  // Offers and needs saved as drafts or in review, which the public does not see.
  not_published: number
  rejected: RejectedRow[]
}

export interface FieldProblem {
  field: string
  message: string
}

export interface Problem {
  type?: string
  title: string
  status: number
  detail?: string
  errors?: FieldProblem[]
}

export interface SessionUser {
  id: number
  email: string
  name: string
  role: 'admin' | 'staff' | 'officer' | 'member'
  organization_id: number | null
}

export interface Session {
  user: SessionUser
  csrf_token: string
}

export interface Province {
  code: string
  name: string
  [key: string]: unknown
}

export interface NamedCode {
  code: string
  name?: string
  name_vi?: string
  name_en?: string
  [key: string]: unknown
}

// Ledger: plans, targets, indicators and recorded transactions.

export interface Plan {
  code: string
  name_vi: string
  name_en: string
  issued_on: string | null
  scope: string
}

export type Comparison = 'at_least' | 'above' | 'within'

export interface PlanTarget {
  id?: number
  indicator?: string
  year: number
  comparison: Comparison
  value: number | null
  low: number | null
  high: number | null
}

export type IndicatorUnit = 'vnd' | 'percent' | 'count' | 'boolean'
export type FigureStatus = 'ok' | 'missing' | 'undefined'

export interface YearFigure {
  year: number
  value: number | null
  status: FigureStatus
  note_vi: string | null
  note_en: string | null
  transaction_count: number
  drilldown: string
}

export interface IndicatorTarget extends PlanTarget {
  // The indicator's actual value in the target's year, whatever years the
  // report covers; null when that year has no data.
  figure?: number | null
  met: boolean | null
}

export interface Indicator {
  code: string
  name_vi: string
  name_en: string
  definition_vi: string
  definition_en: string
  unit: IndicatorUnit
  by_year: YearFigure[]
  targets: IndicatorTarget[]
}

export interface IndicatorPeriod {
  from: number
  to: number
  compound_growth: number | null
  mean_yearly_growth: number | null
  note_vi: string | null
  note_en: string | null
}

export interface IndicatorReport {
  plan: Plan
  current_year: number
  from: number
  to: number
  indicators: Indicator[]
  period: IndicatorPeriod
}

export interface TransactionType {
  code: string
  group: string
  name_vi: string
  name_en: string
}

export type PaymentStatus = 'unpaid' | 'partly_paid' | 'paid'

export interface Transaction {
  id: number
  kind: 'contract' | 'mou'
  type: string
  title: string
  value_vnd: number
  signed_on: string
  payment_status: PaymentStatus
  contract_number: string | null
  registration_number: string | null
  evidence_file: string | null
  source: 'deal' | 'registered_contract' | 'intermediary_report' | 'event' | 'other'
  deal_id: number | null
  buyer_organization_id: number | null
  seller_organization_id: number | null
  intermediary_organization_id: number | null
  buyer_province_code: string | null
  seller_province_code: string | null
  verified: boolean
  verified_by: number | null
  verified_at: string | null
  created_at: string
  updated_at: string
}

export interface TransactionFilters {
  year?: string
  type?: string
  group?: string
  verified?: string
  kind?: string
  indicator?: string
  cursor?: string
  limit?: number
}

// Deals between a buyer and a seller, from first contact to completion.

export type DealStage =
  | 'contact'
  | 'negotiation'
  | 'mou'
  | 'contract_signed'
  | 'registered'
  | 'completed'
  | 'abandoned'

export interface DealParty {
  role: 'buyer' | 'seller' | 'intermediary'
  organization_id: number
  organization_name: string
  province_code: string | null
}

export interface DealHistoryEntry {
  stage: DealStage
  at: string
  actor_user_id: number | null
  note: string | null
}

export interface Deal {
  id: number
  title: string
  stage: DealStage
  abandon_reason: string | null
  certificate_number: string | null
  origin: 'interest' | 'event' | 'intermediary' | 'staff'
  offer_id: number | null
  need_id: number | null
  parties: DealParty[]
  history: DealHistoryEntry[]
  // Stages the server's table of moves allows next, the same for every user.
  next_stages: DealStage[]
  created_at: string
  updated_at: string
}

export interface DealMessage {
  id: number
  author_user_id: number
  body: string
  created_at: string
}

// Matching offers and needs, follows and the inbox.

export interface MatchReason {
  code: string
  text_vi: string
  text_en: string
}

export interface Match {
  offer_id?: number
  need_id?: number
  title: string
  score: number
  reasons: MatchReason[]
  computed_at: string
}

// The contract fixes only "id" in the reply; the rest echoes the request.
export interface Follow {
  id: number
  target?: 'need' | 'offer' | 'search'
  query?: string | null
  [key: string]: unknown
}

export interface InboxItem {
  id: number
  kind: 'match'
  need_id: number | null
  offer_id: number | null
  title_vi: string
  title_en: string
  read: boolean
  created_at: string
}

export interface DealDocument {
  id: number
  file_name: string
  content_type: string
  size_bytes: number
  uploader_user_id: number | null
  created_at: string
  // Path of the download route of this document.
  download: string
}
