import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../app/i18n';
import type { OrgUnit, UnitKind } from '../../app/types';
import { unitKinds } from '../../app/types';
import { Button } from '../../ui/Button';
import { pick } from '../public/localized';

/** How many matching units are listed at once; "show more" adds as many again. */
const PAGE = 60;

type Row = OrgUnit & { name: string; path: string; ancestors: number[]; haystack: string };

/** Units in tree order (each parent before its children, siblings by name), with their path. */
function rowsOf(units: OrgUnit[]): Row[] {
  const locale = currentLocale();
  const byParent = new Map<number | null, OrgUnit[]>();
  const ids = new Set(units.map((unit) => unit.id));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const rows: Row[] = [];
  const walk = (parent: number | null, names: string[], ancestors: number[]) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) =>
      pick(locale, a.nameNl, a.nameEn).localeCompare(pick(locale, b.nameNl, b.nameEn), locale),
    );
    for (const unit of children) {
      const name = pick(locale, unit.nameNl, unit.nameEn);
      const path = names.join(' › ');
      rows.push({
        ...unit,
        name,
        path,
        ancestors,
        haystack: `${name} ${path} ${unit.code} ${unit.nameNl}`.toLocaleLowerCase(locale),
      });
      walk(unit.id, [...names, name], [...ancestors, unit.id]);
    }
  };
  walk(null, [], []);
  return rows;
}

/**
 * Chooses the units a wave targets (each with everything below it): any unit of the tree, found by
 * name, path or code and narrowed by kind. The chosen units stay listed above the search, and the line
 * under the legend says how many people they cover together (a unit inside another chosen one adds
 * nobody). Native checkboxes: Tab reaches each, Space toggles.
 */
export function TargetPicker({
  units,
  selected,
  onChange,
  error,
}: {
  units: OrgUnit[];
  selected: number[];
  onChange: (next: number[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<UnitKind | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => rowsOf(units), [units]);
  const byId = useMemo(() => new Map(rows.map((row) => [row.id, row])), [rows]);
  const chosen = new Set(selected);

  const words = query.trim().toLocaleLowerCase(currentLocale()).split(/\s+/).filter(Boolean);
  const matches = rows.filter(
    (row) => (kind === '' || row.kind === kind) && words.every((word) => row.haystack.includes(word)),
  );
  const shown = matches.slice(0, limit);

  const chosenRows = selected.map((unitId) => byId.get(unitId)).filter((row): row is Row => !!row);
  const coveredBy = (row: Row) => row.ancestors.find((ancestor) => chosen.has(ancestor));
  const people = chosenRows.reduce((sum, row) => (coveredBy(row) ? sum : sum + row.headcount), 0);

  const toggle = (unitId: number, on: boolean) =>
    onChange(
      on ? [...selected.filter((other) => other !== unitId), unitId] : selected.filter((x) => x !== unitId),
    );

  const option = (row: Row, list: string, indent = 0) => {
    const describedBy = `${id}-${list}-${row.id}-meta`;
    const inside = coveredBy(row);
    return (
      <li key={row.id} className="survey-target" style={indent ? { paddingLeft: `${indent}rem` } : undefined}>
        <input
          type="checkbox"
          id={`${id}-${list}-${row.id}`}
          checked={chosen.has(row.id)}
          onChange={(event) => toggle(row.id, event.target.checked)}
          aria-describedby={describedBy}
        />
        <label htmlFor={`${id}-${list}-${row.id}`} className="survey-target__name">
          {row.name}
        </label>
        <span id={describedBy} className="survey-target__meta">
          {t(`web.org.kinds.${row.kind}`)} · {row.code} ·{' '}
          {t('survey.admin.targetPeople', { count: row.headcount })}
          {row.path ? ` · ${row.path}` : ''}
          {inside && chosen.has(row.id)
            ? ` · ${t('survey.admin.targetInside', { name: byId.get(inside)?.name ?? '' })}`
            : ''}
        </span>
      </li>
    );
  };

  return (
    <fieldset className="survey-targets" aria-describedby={`${id}-summary${error ? ` ${id}-error` : ''}`}>
      <legend>{t('survey.admin.targets')}</legend>
      <p id={`${id}-summary`} className="survey-targets__summary" role="status">
        {chosenRows.length === 0
          ? t('survey.admin.targetNone')
          : t('survey.admin.targetSummary', {
              count: chosenRows.length,
              people: t('survey.admin.targetPeople', { count: people }),
            })}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {chosenRows.length > 0 ? (
        <>
          <h4 id={`${id}-chosen`} className="survey-targets__heading">
            {t('survey.admin.targetChosen')}
          </h4>
          <ul className="survey-targets__list" aria-labelledby={`${id}-chosen`}>
            {chosenRows.map((row) => option(row, 'chosen'))}
          </ul>
        </>
      ) : null}
      <div className="survey-targets__filters">
        <label>
          {t('survey.admin.targetSearch')}
          <input
            type="search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setLimit(PAGE);
            }}
            onKeyDown={(event) => {
              // Enter in the search field would otherwise submit the whole wave form.
              if (event.key === 'Enter') event.preventDefault();
            }}
            aria-describedby={`${id}-found`}
            autoComplete="off"
          />
        </label>
        <label>
          {t('survey.admin.targetKind')}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as UnitKind | '');
              setLimit(PAGE);
            }}
          >
            <option value="">{t('survey.admin.targetAllKinds')}</option>
            {unitKinds.map((k) => (
              <option key={k} value={k}>
                {t(`web.org.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={`${id}-found`} className="survey-admin-item__tags" aria-live="polite">
        {matches.length > shown.length
          ? t('survey.admin.targetFoundSome', { count: matches.length, shown: shown.length })
          : t('survey.admin.targetFound', { count: matches.length })}
      </p>
      {shown.length > 0 ? (
        <ul
          className="survey-targets__list survey-targets__results"
          aria-label={t('survey.admin.targetResults')}
        >
          {/* Indented as a tree while the whole tree is listed; a filtered list is flat, the path says where. */}
          {shown.map((row) => option(row, 'all', words.length || kind ? 0 : row.ancestors.length))}
        </ul>
      ) : null}
      {matches.length > shown.length ? (
        <div>
          <Button variant="secondary" onPress={() => setLimit(limit + PAGE)}>
            {t('survey.admin.targetMore', { count: Math.min(PAGE, matches.length - shown.length) })}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
