import { HIRING_LEVEL_LABELS, hiringLevel } from '@fieldguide/shared';
import './hiring-badge.css';

export interface HiringBadgeProps {
  /** Hiring signal score, 0–1. */
  score: number;
  reasons: readonly string[];
  /** Show the badge (and reasons) for low scores too, saying the signal is weak. */
  showLow?: boolean;
}

/** "Hiring managers likely" with the reasons, in words (never colour alone). Renders nothing for low scores. */
export function HiringBadge({ score, reasons, showLow = false }: HiringBadgeProps) {
  const level = hiringLevel(score);
  if (level === 'low' && !showLow) return null;
  const label = HIRING_LEVEL_LABELS[level];
  return (
    <div className={`hiring hiring--${level}`}>
      <span className="hiring__badge">
        <span aria-hidden="true" className="hiring__icon">
          {level === 'low' ? '○' : '●'}
        </span>
        <span className="hiring__label">{label}</span>
        <span className="visually-hidden"> (hiring signal {Math.round(score * 100)} out of 100)</span>
      </span>
      {reasons.length > 0 && (
        <ul className="hiring__reasons" aria-label="Why">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
