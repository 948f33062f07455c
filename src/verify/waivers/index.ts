/** Waivers: estate-owned, expiring exceptions to verify rules. */
export { globMatch, globToRegExp } from './glob.js';
export { parseWaivers, WaiverCode, WAIVERS_API_VERSION, WAIVERS_KIND, type ResourceSelector, type Waiver } from './parse.js';
export {
  applyWaivers,
  isExpired,
  isoDay,
  waiverCovers,
  waiverStatusFindings,
  WAIVER_CATEGORY,
  WAIVER_EXPIRED_RULE,
  WAIVER_UNUSED_RULE,
  type WaivedFinding,
  type WaiverOutcome,
} from './apply.js';
export { parseVerifySettings, SETTINGS_KIND, SettingsCode, type VerifySettings } from './settings.js';
