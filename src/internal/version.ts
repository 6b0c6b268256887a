/**
 * The major version of this package: the `$schema` URLs pin it (`https://unpkg.com/leadstage@0/schema.json`),
 * so an editor keeps validating against the format a config was written for. A test holds it to package.json.
 */
export const PACKAGE_MAJOR = 0;
