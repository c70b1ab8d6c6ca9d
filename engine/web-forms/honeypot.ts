/** Tempting names for the trap input; the first that is not a field of the object is used. */
const CANDIDATES = ['website_url', 'homepage_url', 'company_website_url', 'web_address', 'personal_homepage'];

/**
 * The honeypot's name for an object: a bot filling every input fills it, a
 * person never sees it (hidden by inline CSS). It must not be a real field,
 * or a person's value would be thrown away as spam.
 */
export function honeypotName(fieldNames: Iterable<string>): string {
  const taken = new Set(fieldNames);
  const free = CANDIDATES.find((c) => !taken.has(c));
  if (free) return free;
  let i = 2;
  while (taken.has(`website_url_${i}`)) i++;
  return `website_url_${i}`;
}
