import ICAL from 'ical.js';

/**
 * Thrown from inside ical.js when the document's time budget is spent: the extractor stops reading that
 * document's remaining recurrences and keeps what it has, with a warning.
 */
export class IcalBudgetError extends Error {
  override name = 'IcalBudgetError';
}

/**
 * Thrown from inside ical.js when a value would move a date by more than {@link MAX_SHIFT_DAYS} (a
 * `DURATION:P999999999999999999W`, an `INTERVAL` of billions): that property or event is skipped with a warning.
 */
export class IcalRangeError extends Error {
  override name = 'IcalRangeError';
}

/** The largest step date arithmetic may take: 400 years, far past any event and cheap for ical.js to walk. */
export const MAX_SHIFT_DAYS = 146_097;

// ical.js walks dates a month (or a day) at a step and searches recurrences in open loops: a hostile value
// keeps it spinning for hours. These hooks sit in those loops; they act only while a document is being read.
let deadline: number | undefined;
let installed = false;
let calls = 0;

function checkDeadline(): void {
  // Reading the clock on every step would cost more than the step itself.
  if (deadline !== undefined && (++calls & 0x3ff) === 0 && performance.now() > deadline) {
    throw new IcalBudgetError('time budget spent');
  }
}

function checkShift(days: number): void {
  if (deadline !== undefined && !(Math.abs(days) <= MAX_SHIFT_DAYS)) {
    throw new IcalRangeError(
      `a date moved by ${Math.round(Math.abs(days))} days, past the ${MAX_SHIFT_DAYS}-day limit`,
    );
  }
}

interface IteratorInternals {
  check_contracting_rules(): boolean;
  increment_monthday(inc: number): void;
}

function install(): void {
  if (installed) return;
  installed = true;
  const iterator = ICAL.RecurIterator.prototype as unknown as IteratorInternals;
  const checkRules = iterator.check_contracting_rules;
  iterator.check_contracting_rules = function (this: IteratorInternals) {
    checkDeadline();
    return checkRules.call(this);
  };
  const incrementMonthday = iterator.increment_monthday;
  iterator.increment_monthday = function (this: IteratorInternals, inc: number) {
    checkShift(inc);
    return incrementMonthday.call(this, inc);
  };
  const time = ICAL.Time.prototype;
  const adjust = time.adjust;
  time.adjust = function (this: InstanceType<typeof ICAL.Time>, days, hours, minutes, seconds, aTime) {
    checkShift((days || 0) + (hours || 0) / 24 + (minutes || 0) / 1440 + (seconds || 0) / 86_400);
    checkDeadline();
    return adjust.call(this, days, hours, minutes, seconds, aTime);
  };
}

/** True once the innermost running {@link withIcalBudget}'s time is up. */
export function icalBudgetSpent(): boolean {
  return deadline !== undefined && performance.now() > deadline;
}

/**
 * Runs `read` with ical.js's loops bounded: they throw {@link IcalBudgetError} once `timeBudgetMs` has passed
 * (or the enclosing call's time, if that ends first) and {@link IcalRangeError} on out-of-range date steps.
 * `read` is synchronous, so the hooks never see another document's work.
 */
export function withIcalBudget<T>(timeBudgetMs: number, read: () => T): T {
  install();
  const previous = deadline;
  deadline = Math.min(previous ?? Number.POSITIVE_INFINITY, performance.now() + timeBudgetMs);
  try {
    return read();
  } finally {
    deadline = previous;
  }
}
