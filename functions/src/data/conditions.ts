/**
 * The condition shapes the repositories accept (a subset of dynamodb-toolbox's condition syntax,
 * kept small so services can build them without the entity types).
 */
export type Condition =
  | { attr: string; eq: string | number | boolean }
  | { attr: string; ne: string | number }
  | { attr: string; lt: number | string }
  | { attr: string; gt: number | string }
  | { attr: string; gte: number | string }
  | { attr: string; lte: number | string }
  | { attr: string; exists: boolean }
  | { attr: string; in: Array<string | number> }
  | { and: Condition[] }
  | { or: Condition[] };

export const all = (...conditions: Array<Condition | undefined>): Condition | undefined => {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : { and: present };
};
