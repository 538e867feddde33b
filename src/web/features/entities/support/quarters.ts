import { quarterOf, quartersFrom } from '../../../../shared/api/entities-support';

/** The quarters one can request for: this one and the next seven. */
export const requestableQuarters = () => quartersFrom(quarterOf(new Date()), 8);
