import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type Box = { key: ElementKey; x: number; y: number; width: number; height: number };
type ElementKey = 'strategy' | 'leadership' | 'people' | 'structures' | 'means' | 'steering';

/** Order of reading: top-down as the text explains it, steering last. */
const elements: ElementKey[] = ['strategy', 'leadership', 'people', 'structures', 'means', 'steering'];

const boxes: Box[] = [
  { key: 'strategy', x: 170, y: 40, width: 300, height: 50 },
  { key: 'leadership', x: 170, y: 125, width: 300, height: 50 },
  { key: 'people', x: 40, y: 215, width: 170, height: 50 },
  { key: 'structures', x: 235, y: 215, width: 170, height: 50 },
  { key: 'means', x: 430, y: 215, width: 170, height: 50 },
  { key: 'steering', x: 40, y: 300, width: 520, height: 44 },
];

/** Arrows in the reading order: strategy carries leadership, leadership the three pillars, they feed steering. */
const arrows: [number, number, number, number][] = [
  [320, 90, 320, 123],
  [300, 175, 125, 213],
  [320, 175, 320, 213],
  [340, 175, 515, 213],
  [125, 265, 125, 298],
  [320, 265, 320, 298],
  [515, 265, 515, 298],
];

/**
 * Our own drawing of the IAVA model of Audit Vlaanderen as the values page explains it: strategy,
 * leadership, people, structures, means and steering, all inside the field of organisational culture and
 * values, which touches every element. The list under the drawing says the same in text.
 */
export function IavaModel() {
  const { t } = useTranslation();
  // React's ids contain characters that are awkward inside url(#...) references.
  const base = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  const arrowId = `${base}-arrow`;
  const label = (key: ElementKey) => t(`web.values.iava.elements.${key}.name`);

  return (
    <figure className="iava">
      <svg
        className="iava__drawing"
        viewBox="0 0 640 420"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>{t('web.values.iava.title')}</title>
        <desc id={descId}>{t('web.values.iava.description')}</desc>
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#333332" />
          </marker>
        </defs>
        <rect x="8" y="8" width="624" height="404" rx="28" fill="#fff8cc" stroke="#e6cf00" strokeWidth="4" />
        <text x="320" y="390" textAnchor="middle" className="iava__culture">
          {t('web.values.iava.culture')}
        </text>
        {arrows.map(([x1, y1, x2, y2]) => (
          <line
            key={`${x1}-${y1}-${x2}-${y2}`}
            x1={x1}
            y1={y1}
            x2={x2}
            y2={y2}
            stroke="#333332"
            strokeWidth="2"
            markerEnd={`url(#${arrowId})`}
          />
        ))}
        {/* Steering feeds back into the strategy: the loop on the right. */}
        <path
          d="M560 322 H605 V65 H472"
          fill="none"
          stroke="#333332"
          strokeWidth="2"
          strokeDasharray="6 4"
          markerEnd={`url(#${arrowId})`}
        />
        {boxes.map((box) => (
          <g key={box.key}>
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx="8"
              fill="#ffffff"
              stroke="#333332"
              strokeWidth="2"
            />
            <text
              x={box.x + box.width / 2}
              y={box.y + box.height / 2}
              textAnchor="middle"
              dominantBaseline="central"
              className="iava__label"
            >
              {label(box.key)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="iava__caption">{t('web.values.iava.caption')}</figcaption>
      <ul className="iava__list">
        {elements.map((key) => (
          <li key={key}>
            <strong>{label(key)}</strong>: {t(`web.values.iava.elements.${key}.text`)}
          </li>
        ))}
        <li>
          <strong>{t('web.values.iava.culture')}</strong>: {t('web.values.iava.cultureText')}
        </li>
      </ul>
    </figure>
  );
}
