/** Names that say "this value is a credential": `DB_PASSWORD`, `api-token`, `AWS_SECRET_ACCESS_KEY`, `privateKey`. */
const SECRET_WORD = /(^|[_.-])(password|passwd|passphrase|secret|token|credentials?|key)$/i;
const CAMEL_SECRET = /[a-z](Password|Passwd|Secret|Token|Credentials?|Key)$/;
/** `…_KEY` names that are identifiers or public material, not credentials. */
const NOT_SECRET_KEY = /(cache|partition|routing|sort|shard|primary|foreign|lookup|idempotency|public|group|object|prefix|label|metric|header|hash)[_.-]?key$/i;

export function looksLikeSecretName(name: string): boolean {
  return (SECRET_WORD.test(name) || CAMEL_SECRET.test(name)) && !NOT_SECRET_KEY.test(name);
}

/** Values that are obviously not the credential itself: references to files or other variables. */
export function looksLikeReference(value: string): boolean {
  return value.startsWith('/') || /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value) || /^\$\{[^}]+\}$/.test(value);
}
