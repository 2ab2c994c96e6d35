// Names of organizations and provinces for pages whose records carry only
// ids and codes. Each lookup is cached for the page's lifetime, so a list
// that repeats an owner asks the server once.
import { api } from './api/client'
import type { Organization, Province } from './api/types'

const organizations = new Map<number, Promise<Organization>>()
let provinces: Promise<Map<string, string>> | null = null

export function organizationById(id: number): Promise<Organization> {
  let found = organizations.get(id)
  if (!found) {
    found = api.getOrganization(id)
    // A failed lookup is not cached, so a later page can try again.
    found.catch(() => organizations.delete(id))
    organizations.set(id, found)
  }
  return found
}

// Returns the province names of the current administrative map by code.
export function provinceNames(): Promise<Map<string, string>> {
  if (!provinces) {
    provinces = (api.reference('provinces') as Promise<{ items: Province[] }>).then(
      (reply) => new Map(reply.items.map((province) => [province.code, province.name])),
    )
    provinces.catch(() => (provinces = null))
  }
  return provinces
}

// Returns the organization's name in the interface language, falling back
// to the Vietnamese name.
export function organizationName(organization: Organization, locale: string): string {
  return locale === 'en' && organization.name_en ? organization.name_en : organization.name
}
