// API calls of the market pages: ledger and indicators, deals, matches,
// follows and the inbox. They live apart from client.ts so the home page
// does not load them; tests/unit/api-contract.test.ts checks these
// endpoints against docs/openapi.yaml like the others.
import { buildUrl, callEndpoint, type Endpoint } from './client'
import type {
  Deal,
  DealDocument,
  DealMessage,
  DealStage,
  Follow,
  InboxItem,
  IndicatorReport,
  Match,
  Page,
  Plan,
  Transaction,
  TransactionFilters,
  TransactionType,
} from './types'

// pendingContract names the branch that adds the route to the server.
export const marketEndpoints = {
  transactionTypes: { method: 'GET', path: '/api/v1/transaction-types', pendingContract: 'ledger' },
  listTransactions: { method: 'GET', path: '/api/v1/transactions', pendingContract: 'ledger' },
  createTransaction: { method: 'POST', path: '/api/v1/transactions', pendingContract: 'ledger' },
  verifyTransaction: { method: 'POST', path: '/api/v1/transactions/{id}/verify', pendingContract: 'ledger' },
  listPlans: { method: 'GET', path: '/api/v1/plans', pendingContract: 'ledger' },
  indicators: { method: 'GET', path: '/api/v1/indicators', pendingContract: 'ledger' },
  indicatorsExport: { method: 'GET', path: '/api/v1/indicators/export.xlsx', pendingContract: 'ledger' },
  createDeal: { method: 'POST', path: '/api/v1/deals', pendingContract: 'deals' },
  listDeals: { method: 'GET', path: '/api/v1/deals', pendingContract: 'deals' },
  getDeal: { method: 'GET', path: '/api/v1/deals/{id}', pendingContract: 'deals' },
  changeDealStage: { method: 'POST', path: '/api/v1/deals/{id}/stage', pendingContract: 'deals' },
  listDealMessages: { method: 'GET', path: '/api/v1/deals/{id}/messages', pendingContract: 'deals' },
  postDealMessage: { method: 'POST', path: '/api/v1/deals/{id}/messages', pendingContract: 'deals' },
  listDealDocuments: { method: 'GET', path: '/api/v1/deals/{id}/documents', pendingContract: 'deals' },
  uploadDealDocument: { method: 'POST', path: '/api/v1/deals/{id}/documents', pendingContract: 'deals' },
  downloadDealDocument: {
    method: 'GET',
    path: '/api/v1/deals/{id}/documents/{document_id}',
    pendingContract: 'deals',
  },
  needMatches: { method: 'GET', path: '/api/v1/needs/{id}/matches', pendingContract: 'matching' },
  offerMatches: { method: 'GET', path: '/api/v1/offers/{id}/matches', pendingContract: 'matching' },
  createFollow: { method: 'POST', path: '/api/v1/follows', pendingContract: 'matching' },
  inbox: { method: 'GET', path: '/api/v1/inbox', pendingContract: 'matching' },
  markInboxRead: { method: 'POST', path: '/api/v1/inbox/{id}/read', pendingContract: 'matching' },
} as const satisfies Record<string, Endpoint>

export const marketApi = {
  transactionTypes: () => callEndpoint<{ items: TransactionType[] }>(marketEndpoints.transactionTypes),
  listTransactions: (filters: TransactionFilters) =>
    callEndpoint<Page<Transaction>>(marketEndpoints.listTransactions, { query: { limit: 50, ...filters } }),
  createTransaction: (body: Record<string, unknown>) => callEndpoint<Transaction>(marketEndpoints.createTransaction, { json: body }),
  verifyTransaction: (id: number) => callEndpoint<Transaction>(marketEndpoints.verifyTransaction, { pathParams: { id } }),
  listPlans: () => callEndpoint<{ items: Plan[] }>(marketEndpoints.listPlans),
  indicators: (query: { plan?: string; from?: number; to?: number }) =>
    callEndpoint<IndicatorReport>(marketEndpoints.indicators, { query }),
  // A plain link, not a fetch, so the browser saves the file.
  indicatorsExportUrl: (query: { plan?: string; from?: number; to?: number }) =>
    buildUrl(marketEndpoints.indicatorsExport, { query }),

  createDeal: (body: {
    offer_id?: number
    need_id?: number
    title?: string
    origin: Deal['origin']
    message?: string
  }) => callEndpoint<Deal>(marketEndpoints.createDeal, { json: body }),
  listDeals: (query: { stage?: string; cursor?: string; limit?: number }) =>
    callEndpoint<Page<Deal>>(marketEndpoints.listDeals, { query: { limit: 50, ...query } }),
  getDeal: (id: number) => callEndpoint<Deal>(marketEndpoints.getDeal, { pathParams: { id } }),
  changeDealStage: (
    id: number,
    body: {
      stage: DealStage
      note?: string
      abandon_reason?: string
      certificate_number?: string
      // Transaction fields for the ledger when the stage is contract_signed.
      contract?: Record<string, unknown>
    },
  ) => callEndpoint<Deal>(marketEndpoints.changeDealStage, { pathParams: { id }, json: body }),
  listDealMessages: (id: number) =>
    callEndpoint<Page<DealMessage>>(marketEndpoints.listDealMessages, { pathParams: { id }, query: { limit: 100 } }),
  postDealMessage: (id: number, body: string) =>
    callEndpoint<DealMessage>(marketEndpoints.postDealMessage, { pathParams: { id }, json: { body } }),
  listDealDocuments: (id: number) =>
    callEndpoint<Page<DealDocument>>(marketEndpoints.listDealDocuments, {
      pathParams: { id },
      query: { limit: 100 },
    }),
  // Sends the file itself as the body. X-File-Name carries its name as
  // percent-encoded UTF-8, so Vietnamese names survive the header.
  uploadDealDocument: (id: number, file: File) =>
    callEndpoint<DealDocument>(marketEndpoints.uploadDealDocument, {
      pathParams: { id },
      rawBody: file,
      contentType: file.type || 'application/octet-stream',
      headers: { 'X-File-Name': encodeURIComponent(file.name) },
    }),
  // A plain link, not a fetch, so the browser saves the file.
  dealDocumentUrl: (id: number, documentId: number) =>
    buildUrl(marketEndpoints.downloadDealDocument, { pathParams: { id, document_id: documentId } }),

  needMatches: (id: number) => callEndpoint<Page<Match>>(marketEndpoints.needMatches, { pathParams: { id } }),
  offerMatches: (id: number) => callEndpoint<Page<Match>>(marketEndpoints.offerMatches, { pathParams: { id } }),
  createFollow: (body: { target: 'need' | 'offer' | 'search'; id?: number; query?: string }) =>
    callEndpoint<Follow>(marketEndpoints.createFollow, { json: body }),
  inbox: (query: { cursor?: string; limit?: number } = {}) =>
    callEndpoint<Page<InboxItem>>(marketEndpoints.inbox, { query: { limit: 50, ...query } }),
  markInboxRead: (id: number) => callEndpoint<InboxItem | null>(marketEndpoints.markInboxRead, { pathParams: { id } }),
}
