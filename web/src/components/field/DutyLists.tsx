import type { Absence, MakeUpState } from '@beatlink/shared';
import { MAKE_UP_VISIT_HREF, absenceStatusLabel, dateLabel, makeUpProgress, makeUpStatusLabel, unitLabel, weekTitle } from '../../lib/field/duty';

/** The lists of the duty pages: absence reports (报备) and make-up obligations (补课) with their progress. */
export function AbsenceList({ absences, showWeek }: { absences: Absence[]; showWeek?: boolean }) {
  return (
    <ul className="f-items" style={{ marginTop: 12 }}>
      {absences.map((absence) => (
        <li key={absence.id} data-testid="absence-row" data-status={absence.status}>
          <div className="f-item-head">
            <span>
              {showWeek ? `${weekTitle(absence.week)} · ` : ''}
              {dateLabel(absence.date)}
            </span>
            <span className={`f-badge f-badge-${absence.status}`} data-testid="absence-status">
              {absenceStatusLabel(absence.status)}
            </span>
          </div>
          <p className="f-text" style={{ fontSize: 14 }}>
            事由：{absence.reason}
          </p>
          {absence.note && (
            <p className="f-muted" data-testid="absence-note">
              审批意见：{absence.note}
              {absence.decidedByName ? `（${absence.decidedByName}）` : ''}
            </p>
          )}
          {absence.makeUp && (
            <p className="f-muted" data-testid="absence-makeup">
              须补课 {absence.makeUp.amount} {unitLabel(absence.makeUp.unit)}，截止 {dateLabel(absence.makeUp.dueDate)} · {makeUpStatusLabel(absence.makeUp.status)}
              {absence.makeUp.status === 'open' && (
                <>
                  {' '}
                  <a href={MAKE_UP_VISIT_HREF} data-testid="absence-makeup-go">
                    去补课
                  </a>
                </>
              )}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function MakeUpList({ makeUps }: { makeUps: MakeUpState[] }) {
  return (
    <ul className="f-items">
      {makeUps.map((makeUp) => {
        const progress = makeUpProgress(makeUp);
        const barClass = makeUp.status === 'fulfilled' ? 'f-progress f-progress-big f-progress-done' : makeUp.status === 'expired' ? 'f-progress f-progress-big f-progress-late' : 'f-progress f-progress-big';
        return (
          <li key={`${makeUp.week}-${makeUp.absenceId}`} data-testid="makeup-row" data-status={makeUp.status} data-week={makeUp.week} data-absence-id={makeUp.absenceId}>
            <div className="f-item-head">
              <span>{weekTitle(makeUp.week)} 补课</span>
              <span className={makeUp.status === 'expired' ? 'f-badge f-badge-rejected' : makeUp.status === 'fulfilled' ? 'f-badge f-badge-approved' : 'f-badge f-badge-pending'}>
                {makeUpStatusLabel(makeUp.status)}
              </span>
            </div>
            <div className="f-meta" style={{ margin: '4px 0' }}>
              <span data-testid="makeup-progress">{progress.text}</span>
              <span>{progress.due}</span>
            </div>
            <div className={barClass} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent} aria-label="补课进度">
              <span style={{ width: `${progress.percent}%` }} />
            </div>
            {makeUp.status === 'open' && (
              <a href={MAKE_UP_VISIT_HREF} className="f-button f-button-secondary f-button-small" data-testid="makeup-go">
                去补课
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
