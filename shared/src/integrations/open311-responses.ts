import * as z from 'zod';
import { OPEN311_STATUSES, OPEN311_UPDATE_STATUSES } from './open311';

/**
 * What the Open311 endpoints answer, as zod schemas: the types the services build and the
 * OpenAPI document's response bodies. JSON answers are these objects (lists are arrays); XML
 * answers carry the same fields as elements (see the router's XML renderer).
 */

export const open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof open311DiscoverySchema>;

export const open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(['realtime', 'batch', 'blackbox']),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof open311ServiceSchema>;

export const open311AttributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type Open311Attribute = z.infer<typeof open311AttributeSchema>;

export const open311ServiceDefinitionSchema = z.object({ service_code: z.string(), attributes: z.array(open311AttributeSchema) });
export type Open311ServiceDefinition = z.infer<typeof open311ServiceDefinitionSchema>;

/** One request as listed. No description, coordinates or media: police data (see open311-mapping.ts). */
export const open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(OPEN311_STATUSES),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().optional(),
  /** The village's name only. */
  address: z.string(),
  /** The village's 12-digit division code, when the directory has it. */
  address_id: z.string().optional(),
});
export type Open311Request = z.infer<typeof open311RequestSchema>;

export const open311CreatedSchema = z.object({
  service_request_id: z.string(),
  token: z.string(),
  service_notice: z.string(),
});
export type Open311Created = z.infer<typeof open311CreatedSchema>;

export const open311TokenSchema = z.object({ service_request_id: z.string(), token: z.string() });
export type Open311Token = z.infer<typeof open311TokenSchema>;

/** mySociety: one update of a request. */
export const open311UpdateSchema = z.object({
  update_id: z.string(),
  service_request_id: z.string(),
  status: z.enum(OPEN311_UPDATE_STATUSES),
  updated_datetime: z.string(),
  description: z.string(),
});
export type Open311Update = z.infer<typeof open311UpdateSchema>;

export const open311UpdatePostedSchema = z.object({ update_id: z.string() });
export type Open311UpdatePosted = z.infer<typeof open311UpdatePostedSchema>;

export const open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export type Open311Error = z.infer<typeof open311ErrorSchema>;
