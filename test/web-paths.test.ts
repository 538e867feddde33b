/**
 * The server answers 404 for any URL outside the shared path table, so the table must hold every route
 * the browser router serves: this reads the router's sources and checks each route against it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../src/server/http/web-app';
import {
  audienceOf,
  listedPublicPages,
  matchWebPath,
  paths,
  type WebPathName,
} from '../src/shared/web-paths';

const web = join(import.meta.dirname, '..', 'src', 'web');
const routerFiles = ['app/router.tsx', 'features/entities/routes.tsx', 'features/monitor/routes.tsx'];

/** Every `path:` of a route object, resolved: paths.x, `${paths.x}/…` and plain string literals. */
function routerPatterns(): string[] {
  return routerFiles.flatMap((file) => {
    const text = readFileSync(join(web, file), 'utf8');
    return [...text.matchAll(/\bpath:\s*(paths\.\w+|`[^`]*`|'[^']*')/g)].map(([, expression]) => {
      const resolve = (name: string) => {
        const value = paths[name as WebPathName];
        if (!value) throw new Error(`${file}: unknown path name ${name}`);
        return value;
      };
      if (expression!.startsWith('paths.')) return resolve(expression!.slice('paths.'.length));
      return expression!.slice(1, -1).replace(/\$\{paths\.(\w+)\}/g, (_, name: string) => resolve(name));
    });
  });
}

describe('the shared path table', () => {
  it('holds every route of the browser router', () => {
    const patterns = routerPatterns().filter((pattern) => pattern !== '*');
    expect(patterns.length).toBeGreaterThan(50);
    const known = new Set<string>(Object.values(paths));
    expect(patterns.filter((pattern) => !known.has(pattern))).toEqual([]);
  });

  it('matches paths as the router does: static segments before parameters', () => {
    expect(matchWebPath('/')).toEqual({ name: 'home', params: {} });
    expect(matchWebPath('/leren/oefenen')?.name).toBe('learningPractice');
    expect(matchWebPath('/leren/openheid')).toEqual({
      name: 'learningModule',
      params: { value: 'openheid' },
    });
    expect(matchWebPath('/beheer/peilingen/vragenlijsten/3')?.name).toBe('adminSurveyQuestionnaire');
    expect(matchWebPath('/pagina/caf%C3%A9')).toEqual({ name: 'contentPage', params: { slug: 'café' } });
    expect(matchWebPath('/pagina/%E0%A4%A')).toBeNull();
    expect(matchWebPath('/verhalen/extra')).toBeNull();
    expect(matchWebPath('/robots')).toBeNull();
  });

  it('lists only parameterless public pages, and robots.txt keeps staff areas and personal links out', () => {
    expect(listedPublicPages).toEqual(
      expect.arrayContaining(['home', 'values', 'search', 'accessibility', 'privacy', 'about', 'stories']),
    );
    for (const name of listedPublicPages) expect(audienceOf(name)).toBe('public');
    expect(listedPublicPages).not.toContain('contentPage');
    const robots = robotsTxt('https://waarden.example');
    expect(robots).toContain('Disallow: /waardering\n');
    expect(robots).toContain('Disallow: /contact\n');
    expect(robots).not.toMatch(/Disallow: \/(waarden|entiteiten|engagementen|verhalen|zoeken)\n/);
    expect(robots).toContain('Sitemap: https://waarden.example/sitemap.xml');
  });
});
