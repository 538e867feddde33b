import { paths } from '../../app/paths';

export const versionHref = (version: number) => paths.valuesVersion.replace(':version', String(version));
export const compareHref = (older: number, newer: number) =>
  `${paths.valuesCompare}?van=${older}&naar=${newer}`;
