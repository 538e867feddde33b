/** The recognition routes' schemas are the shared API contract (src/shared/api). */
export * from '../../../shared/api/recognition';
