/**
 * Stable diagnostic codes of the estate stage. Tests assert these codes,
 * never message wording.
 */
export const EstateCode = {
  NoEstateFile: 'ESTATE_NO_FILE',
  BadDocument: 'ESTATE_BAD_DOCUMENT',
  BadApiVersion: 'ESTATE_BAD_API_VERSION',
  BadKind: 'ESTATE_BAD_KIND',
  UnknownField: 'ESTATE_UNKNOWN_FIELD',
  BadType: 'ESTATE_BAD_TYPE',
  MissingField: 'ESTATE_MISSING_FIELD',
  BadValue: 'ESTATE_BAD_VALUE',
  BadName: 'ESTATE_BAD_NAME',
  BadVersion: 'ESTATE_BAD_KUBERNETES_VERSION',
  DuplicateCluster: 'ESTATE_DUPLICATE_CLUSTER',
  UnknownEnvironment: 'ESTATE_UNKNOWN_ENVIRONMENT',
  RegionWithoutLayer: 'ESTATE_REGION_WITHOUT_LAYER',
  BadWave: 'ESTATE_BAD_WAVE',
  BadStatus: 'ESTATE_BAD_STATUS',
  BadConnection: 'ESTATE_BAD_CONNECTION',
  AddonNotFound: 'ESTATE_ADDON_NOT_FOUND',
  AddonInvalid: 'ESTATE_ADDON_INVALID',
  ServiceNoFile: 'ESTATE_SERVICE_NO_FILE',
  ServiceNoBase: 'ESTATE_SERVICE_NO_BASE',
  ServiceNameMismatch: 'ESTATE_SERVICE_NAME_MISMATCH',
  UnknownService: 'ESTATE_UNKNOWN_SERVICE',
  DuplicateService: 'ESTATE_DUPLICATE_SERVICE',
  UnknownCluster: 'ESTATE_UNKNOWN_CLUSTER',
} as const;

export type EstateCodeValue = (typeof EstateCode)[keyof typeof EstateCode];
