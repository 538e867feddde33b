import { brusselsDay } from '../../../shared/brussels-day';
import type { Db } from '../../db/client';
import * as repo from './survey.repo';

/**
 * Synthetic responses for a launched wave (demo data, tests and the benchmark). Units differ in climate
 * and per value, people differ, and the engagement outcome follows the value items, so heatmaps, trends
 * and the driver analysis have something to show. Deterministic for a given seed. The chosen
 * invitations are marked answered, as a real submission would.
 */
export async function generateSyntheticResponses(
  db: Db,
  waveId: number,
  opts: {
    /** Share of the unanswered invitees who answer (0–1), default 0.7. */
    rate?: number;
    seed?: number;
    /** Open-text answers for some respondents, default true. */
    comments?: boolean;
    /** Shifts every score (e.g. +0.2 for a later, better wave), default 0. */
    shift?: number;
    today?: string;
    /** People who must stay unanswered (the demo employee, whose link the demo shows). */
    excludePersonIds?: number[];
  } = {},
) {
  const random = mulberry32(opts.seed ?? 1);
  const normal = () => {
    const u = Math.max(random(), 1e-9);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const wave = await repo.findWave(db, waveId);
  if (!wave || wave.status === 'draft') throw new Error(`wave ${waveId} is not launched`);
  const [items, demographics, units, invitations] = await Promise.all([
    repo.listWaveItems(db, waveId),
    repo.listDemographics(db, waveId),
    repo.listWaveUnits(db, waveId),
    repo.unansweredInvitations(db, waveId),
  ]);
  const entityOf = new Map(units.map((unit) => [unit.unitId, unit.entityId]));
  const climate = new Map<number, number>();
  const valueClimate = new Map<string, number>();
  for (const unit of units) {
    climate.set(unit.unitId, normal() * 0.35);
    for (const key of ['openheid', 'daadkracht', 'vertrouwen', 'wendbaarheid'])
      valueClimate.set(`${unit.unitId}:${key}`, normal() * 0.3);
  }
  const itemEffect = new Map(items.map((item) => [item.id, normal() * 0.25]));
  const slots = items.reduce((n, item) => Math.max(n, item.slot ?? 0), 0);
  const today = opts.today ?? brusselsDay();
  const lastDay = [wave.closesOn, today].sort()[0]!;
  const firstDay = [wave.opensOn, lastDay].sort()[0]!;
  const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(firstDay)) / 86_400_000));
  const rate = opts.rate ?? 0.7;
  const shift = opts.shift ?? 0;
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

  const responses: Parameters<typeof repo.insertResponses>[1] = [];
  const comments: Parameters<typeof repo.insertComments>[1] = [];
  const answered: number[] = [];
  const excluded = new Set(opts.excludePersonIds ?? []);
  for (const invitation of invitations) {
    if (random() >= rate || (invitation.personId !== null && excluded.has(invitation.personId))) continue;
    answered.push(invitation.id);
    const person = normal() * 0.55;
    const base = (climate.get(invitation.unitId) ?? 0) + person + shift;
    const scores: (number | null)[] = new Array(slots).fill(null);
    let valueSum = 0;
    let valueCount = 0;
    for (const item of items) {
      if (item.slot === null) {
        if (opts.comments !== false && random() < 0.15)
          comments.push({
            waveId,
            unitId: invitation.unitId,
            waveItemId: item.id,
            text: SAMPLE_COMMENTS[Math.floor(random() * SAMPLE_COMMENTS.length)]!,
          });
        continue;
      }
      if (!item.required && random() < 0.03) continue;
      const valueEffect = item.valueKey
        ? (valueClimate.get(`${invitation.unitId}:${item.valueKey}`) ?? 0)
        : 0;
      const latent = base + valueEffect + (itemEffect.get(item.id) ?? 0) + normal() * 0.6;
      if (item.valueKey) {
        valueSum += latent;
        valueCount++;
      }
      const outcomeLatent =
        item.outcome && valueCount > 0 ? 0.5 * latent + 0.7 * (valueSum / valueCount) : latent;
      switch (item.kind) {
        case 'agree5':
          scores[item.slot - 1] = clamp(3.6 + outcomeLatent, 1, 5);
          break;
        case 'scale10':
          scores[item.slot - 1] = clamp(7.2 + 1.8 * outcomeLatent, 0, 10);
          break;
        case 'single':
          scores[item.slot - 1] = 1 + Math.floor(random() * item.options.length);
          break;
        case 'multi': {
          let mask = 0;
          item.options.forEach((_, index) => {
            if (random() < 0.35) mask |= 1 << index;
          });
          scores[item.slot - 1] = mask;
          break;
        }
        default:
          break;
      }
    }
    responses.push({
      waveId,
      unitId: invitation.unitId,
      entityId: entityOf.get(invitation.unitId) ?? null,
      submittedOn: addDaysTo(firstDay, Math.floor(random() * (span + 1))),
      scores: scores as number[],
      demographics: demographics.map((d) =>
        random() < 0.05 ? null : 1 + Math.floor(random() * d.options.length),
      ) as number[],
    });
  }
  // As real answers are (decision 0005): shuffled, and written in another transaction than the claims, so
  // neither row order nor a transaction id ties a synthetic response to a synthetic person.
  const shuffle = <T>(rows: T[]) => {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    return rows;
  };
  await repo.markAnsweredMany(db, answered);
  await db.transaction(async (tx) => {
    await repo.insertResponses(tx, shuffle(responses));
    await repo.insertComments(tx, shuffle(comments));
  });
  return { responses: responses.length, comments: comments.length };
}

function addDaysTo(day: string, days: number) {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic open answers (some with contact details, which results must mask). */
const SAMPLE_COMMENTS = [
  'Meer tijd in het teamoverleg om over de waarden te praten.',
  'Leidinggevenden zouden vaker zelf het voorbeeld mogen geven.',
  'De waarden zijn duidelijk, maar in de praktijk merk ik er weinig van.',
  'Een korte workshop per team zou helpen.',
  'Graag meer voorbeelden uit andere entiteiten.',
  'Ik zou het fijn vinden als we elkaar makkelijker durven aan te spreken.',
  'Bel me gerust op 0470 12 34 56 als je meer wilt weten.',
  'Stuur me info via voornaam.naam@vlaanderen.test aub.',
  'More room to experiment would help us be more agile.',
  'Beslissingen worden soms te traag genomen.',
];
