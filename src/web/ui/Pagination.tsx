import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  // One page needs no page controls.
  if (pages <= 1 && page <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <Button variant="secondary" isDisabled={page <= 1} onPress={() => onPageChange(page - 1)}>
        {t('web.pagination.previous')}
      </Button>
      <span className="pagination__status">{t('web.pagination.status', { page, pages, total })}</span>
      <Button variant="secondary" isDisabled={page >= pages} onPress={() => onPageChange(page + 1)}>
        {t('web.pagination.next')}
      </Button>
    </nav>
  );
}
