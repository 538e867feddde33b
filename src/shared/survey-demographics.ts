// The standard demographic questions a wave may add: shared by the server (demo waves) and the
// admin page that launches a wave, so both offer the same questions and options.
/** Demographic questions a wave may add (each with its own, higher threshold). */
export const standardDemographics = [
  {
    key: 'age',
    labelNl: 'Leeftijd',
    labelEn: 'Age',
    options: [
      { nl: 'Jonger dan 30', en: 'Under 30' },
      { nl: '30 tot 44', en: '30 to 44' },
      { nl: '45 tot 54', en: '45 to 54' },
      { nl: '55 of ouder', en: '55 or older' },
    ],
    minGroupSize: 10,
  },
  {
    key: 'role',
    labelNl: 'Functie',
    labelEn: 'Role',
    options: [
      { nl: 'Ik ben leidinggevende', en: 'I am a manager' },
      { nl: 'Ik ben geen leidinggevende', en: 'I am not a manager' },
    ],
    minGroupSize: 10,
  },
];
