/** Shapes of the survey results API (src/server/modules/survey/results/results.schemas.ts). */

export type Named = { id: number; nameNl: string; nameEn: string | null };

export type WaveListItem = {
  id: number;
  titleNl: string;
  titleEn: string;
  status: 'open' | 'closed';
  opensOn: string;
  closesOn: string;
  govId: number;
  roots: Named[];
  summary: Named[];
};

export type Option = { nl: string; en: string };

export type WaveOverview = {
  id: number;
  titleNl: string;
  titleEn: string;
  closesOn: string;
  k: number;
  govId: number;
  roots: number[];
  summary: number[];
  units: Array<
    Named & { parentId: number | null; kind: string; depth: number; access: 'detail' | 'summary' }
  >;
  values: string[];
  demographics: Array<{ key: string; labelNl: string; labelEn: string; options: Option[] }>;
  combinedFilters: boolean;
};

export type Trend = {
  previous: number | null;
  difference: number;
  low: number;
  high: number;
  p: number;
  q: number | null;
  tested: boolean;
  significant: boolean;
};

export type UnitReport = {
  wave: { id: number; titleNl: string; titleEn: string };
  previousWave: { id: number; titleNl: string; titleEn: string } | null;
  unit: Named & { parentId: number | null; kind: string };
  access: 'detail' | 'summary';
  filter: string;
  respondents: number | null;
  values: Array<{
    key: string;
    n: number | null;
    index: number | null;
    trend: Trend | null;
    parent: number | null;
    government: number | null;
    alpha: number | null;
    alphaN: number | null;
  }>;
  items: Array<{
    id: number;
    itemKey: string;
    kind: string;
    sectionNl: string;
    sectionEn: string;
    textNl: string;
    textEn: string;
    options: Option[];
    valueKey: string | null;
    outcome: boolean;
    figure: { n: number; mean: number | null; favourable: number | null; distribution: number[] } | null;
    trend: { mean: Trend | null; favourable: Trend | null } | null;
    parent: { mean: number | null; favourable: number | null } | null;
    government: { mean: number | null; favourable: number | null } | null;
  }>;
  methods: {
    comparisons: { method: 'benjamini-hochberg'; fdr: number; tested: number; minN: number };
    indexMinItemShare: number;
    alpha: 'listwise';
  };
};

export type Heatmap = {
  unitId: number;
  columns: 'values' | 'items';
  metric: 'mean' | 'favourable';
  headers: Array<{ key: string; labelNl: string; labelEn: string; valueKey: string | null }>;
  rows: Array<
    Named & {
      unitId: number;
      parentId: number | null;
      depth: number;
      respondents: number | null;
      cells: Array<number | null>;
    }
  >;
};

export type Drivers = {
  unitId: number;
  respondents: number | null;
  available: boolean;
  method: 'relative-weights';
  minN: number | null;
  n: number | null;
  nMin: number | null;
  r2: number | null;
  drivers: Array<{
    itemKey: string;
    textNl: string;
    textEn: string;
    valueKey: string | null;
    correlation: number | null;
    weight: number | null;
    n: number;
  }>;
};

export type Comments = {
  unitId: number;
  available: boolean;
  items: Array<{ id: number; textNl: string; textEn: string; comments: string[] }>;
};

export type Participation = {
  wave: { id: number; titleNl: string; titleEn: string; status: 'open' | 'closed' };
  unitId: number;
  rows: Array<
    Named & {
      unitId: number;
      parentId: number | null;
      depth: number;
      invited: number;
      answered: number | null;
      rate: number | null;
    }
  >;
};
