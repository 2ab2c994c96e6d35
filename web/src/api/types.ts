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
  status: string
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
