// Catalogues are split per area (one JSON file per area and language) so modules can grow them independently.
// Every area file holds its own top-level key; a test checks that nl and en have the same keys.
import enAuth from './en/auth.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enOrg from './en/org.json' with { type: 'json' };
import nlAuth from './nl/auth.json' with { type: 'json' };
import nlErrors from './nl/errors.json' with { type: 'json' };
import nlOrg from './nl/org.json' with { type: 'json' };

export const catalogues = {
  nl: { ...nlAuth, ...nlErrors, ...nlOrg },
  en: { ...enAuth, ...enErrors, ...enOrg },
};

export type Catalogue = typeof catalogues.nl;
