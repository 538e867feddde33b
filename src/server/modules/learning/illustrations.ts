/**
 * The illustrations of the seeded learning modules: small SVG drawings of our own, served from this
 * site (the page's security policy allows images from here only). No script, no external references.
 */
const frame = (inner: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180" role="img">` +
  `<rect width="320" height="180" fill="#FFF9C4"/>${inner}</svg>`;

export const illustrations: Record<string, string> = {
  // An open door with light falling through.
  'openheid.svg': frame(
    '<rect x="110" y="30" width="100" height="140" fill="#333332"/>' +
      '<polygon points="110,30 160,45 160,160 110,170" fill="#FFE615"/>' +
      '<polygon points="210,170 290,175 250,180 200,180" fill="#FFE615" opacity="0.6"/>' +
      '<circle cx="150" cy="105" r="5" fill="#333332"/>',
  ),
  // An arrow that leaves the line and hits its target.
  'daadkracht.svg': frame(
    '<circle cx="250" cy="90" r="50" fill="#fff" stroke="#333332" stroke-width="6"/>' +
      '<circle cx="250" cy="90" r="26" fill="#FFE615" stroke="#333332" stroke-width="6"/>' +
      '<line x1="40" y1="140" x2="236" y2="96" stroke="#333332" stroke-width="8" stroke-linecap="round"/>' +
      '<polygon points="250,90 222,86 230,110" fill="#333332"/>',
  ),
  // Two circles that overlap: what we share.
  'vertrouwen.svg': frame(
    '<circle cx="130" cy="90" r="60" fill="#FFE615" stroke="#333332" stroke-width="6"/>' +
      '<circle cx="190" cy="90" r="60" fill="none" stroke="#333332" stroke-width="6"/>' +
      '<path d="M160 38 A60 60 0 0 1 160 142 A60 60 0 0 1 160 38 Z" fill="#333332" opacity="0.25"/>',
  ),
  // A path that bends around an obstacle.
  'wendbaarheid.svg': frame(
    '<rect x="140" y="70" width="40" height="60" fill="#333332"/>' +
      '<path d="M20 120 C 90 120, 100 40, 160 40 S 230 120, 300 120" fill="none" stroke="#FFE615" stroke-width="12" stroke-linecap="round"/>' +
      '<path d="M20 120 C 90 120, 100 40, 160 40 S 230 120, 300 120" fill="none" stroke="#333332" stroke-width="3" stroke-dasharray="6 8"/>',
  ),
};
