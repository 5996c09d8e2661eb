import { z } from 'zod';

// The objects of Open Referral's Human Services Data Specification (HSDS 3) that Cercle writes and
// reads: the export builds them (typed by these schemas), the import validates a file with them,
// and the OpenAPI document describes them. Only the fields Cercle uses are here; reading a file,
// other fields are left out. The tests hold the export to the specification's own JSON schemas.

const id = z.uuid();
const text = z.string();

export const hsdsPhone = z.object({
  id,
  service_id: id.optional(),
  organization_id: id.optional(),
  contact_id: id.optional(),
  number: z.string().min(1),
});

export const hsdsLanguage = z.object({ id, service_id: id.optional(), name: text.optional(), code: text.optional() });

export const hsdsCostOption = z.object({
  id,
  service_id: id.optional(),
  option: text.optional(),
  currency: text.optional(),
  amount: z.number().min(0).optional(),
  amount_description: text.optional(),
});

export const hsdsTaxonomyTerm = z.object({
  id,
  code: text.optional(),
  name: text,
  description: text,
  parent_id: id.optional(),
  taxonomy: text.optional(),
  language: text.optional(),
});

export const hsdsAttribute = z.object({
  id,
  link_id: id.optional(),
  link_type: text.optional(),
  link_entity: text.optional(),
  label: text.optional(),
  value: text.optional(),
  taxonomy_term: hsdsTaxonomyTerm.optional(),
});

export const hsdsSchedule = z.object({
  id,
  service_id: id.optional(),
  location_id: id.optional(),
  service_at_location_id: id.optional(),
  dtstart: text.optional(),
  until: text.optional(),
  /** The offset from UTC in hours at `dtstart` (the IANA zone is in `attributes`, label `time_zone`). */
  timezone: z.number().optional(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  interval: z.number().int().min(1).optional(),
  byday: text.optional(),
  opens_at: text.optional(),
  closes_at: text.optional(),
  description: text.optional(),
  attending_type: text.optional(),
  notes: text.optional(),
  attributes: z.array(hsdsAttribute).optional(),
});

export const hsdsAddress = z.object({
  id,
  location_id: id.optional(),
  address_1: text,
  city: text,
  state_province: text,
  postal_code: text,
  country: text,
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

export const hsdsLocation = z.object({
  id,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  organization_id: id.optional(),
  name: text.optional(),
  url: z.url().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  addresses: z.array(hsdsAddress).optional(),
});

export const hsdsServiceAtLocation = z.object({
  id,
  service_id: id.optional(),
  location_id: id.optional(),
  location: hsdsLocation.optional(),
});

export const hsdsContact = z.object({
  id,
  service_id: id.optional(),
  organization_id: id.optional(),
  name: text.optional(),
  email: z.email().optional(),
  phones: z.array(hsdsPhone).optional(),
});

export const hsdsOrganization = z.object({
  id,
  name: text.min(1),
  alternate_name: text.optional(),
  description: text,
  email: z.email().optional(),
  website: z.url().optional(),
  uri: z.url().optional(),
  phones: z.array(hsdsPhone).optional(),
});

export const hsdsService = z.object({
  id,
  organization_id: id.optional(),
  name: text.min(1),
  alternate_name: text.optional(),
  description: text.optional(),
  url: z.url().optional(),
  email: z.email().optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  fees_description: text.optional(),
  eligibility_description: text.optional(),
  minimum_age: z.number().min(0).optional(),
  maximum_age: z.number().min(0).optional(),
  last_modified: z.iso.datetime({ offset: true }).optional(),
  phones: z.array(hsdsPhone).optional(),
  schedules: z.array(hsdsSchedule).optional(),
  service_at_locations: z.array(hsdsServiceAtLocation).optional(),
  languages: z.array(hsdsLanguage).optional(),
  cost_options: z.array(hsdsCostOption).optional(),
  contacts: z.array(hsdsContact).optional(),
  attributes: z.array(hsdsAttribute).optional(),
  organization: hsdsOrganization.optional(),
});

export type HsdsService = z.output<typeof hsdsService>;
export type HsdsOrganization = z.output<typeof hsdsOrganization>;
export type HsdsSchedule = z.output<typeof hsdsSchedule>;
export type HsdsLocation = z.output<typeof hsdsLocation>;
