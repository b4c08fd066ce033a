/** Where a matter's detail is in the office portal (the field pages have their own, lib/field/matters.ts). */
export const matterHref = (id: string) => `/matters/view?id=${encodeURIComponent(id)}`;
