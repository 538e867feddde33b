/** The stories routes' schemas are the shared API contract (src/shared/api). */
export * from '../../../shared/api/stories';
