'use client';

import { useEffect, useState } from 'react';
import type { Page, TenantConfigRecord } from '@beatlink/shared';
import { MATTER_KIND_LABELS, isOpenStatus } from '@beatlink/shared/matters/kinds';
import type { Matter } from '@beatlink/shared/matters/views';
import { describeError } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { FIELD_INBOXES, FIELD_INBOX_LABELS, deadlineLine, isFieldInbox, matterHref, statusLabel, type FieldInbox } from '../../lib/field/matters';
import { categoryName, loadConfig, useFieldSession, type FieldSession } from './session';
import { Failure, FieldBar, Loading } from './ui';

const PAGE_SIZE = 20;

/** 我的事项 (phone): 我的待办 / 我录入的 / 本辖区, each a list of cards paged by cursor. */
export function MyMatters() {
  const state = useFieldSession();
  return (
    <>
      <FieldBar title="我的事项" />
      {state.kind === 'loading' && (
        <main className="f-page">
          <Loading />
        </main>
      )}
      {state.kind === 'failed' && (
        <main className="f-page">
          <Failure message={state.message} retry={state.retry} />
        </main>
      )}
      {state.kind === 'ready' && <Inboxes session={state.session} />}
    </>
  );
}

function initialInbox(): FieldInbox {
  const inbox = new URLSearchParams(window.location.search).get('inbox');
  return isFieldInbox(inbox) ? inbox : 'mine';
}

function Inboxes({ session }: { session: FieldSession }) {
  const [inbox, setInbox] = useState<FieldInbox>(initialInbox);
  const [config, setConfig] = useState<TenantConfigRecord>();

  useEffect(() => {
    loadConfig(session)
      .then(setConfig)
      .catch(() => undefined);
  }, [session]);

  const choose = (next: FieldInbox) => {
    setInbox(next);
    // Back from a matter returns to the same tab.
    window.history.replaceState(null, '', `/m/matters?inbox=${next}`);
  };

  return (
    <>
      <div className="f-tabs" role="tablist">
        {FIELD_INBOXES.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={inbox === name} onClick={() => choose(name)} data-testid={`m-matters-tab-${name}`}>
            {FIELD_INBOX_LABELS[name]}
          </button>
        ))}
      </div>
      <main className="f-page">
        <MatterList key={inbox} session={session} inbox={inbox} config={config} />
      </main>
    </>
  );
}

type ListState = { items: Matter[]; cursor?: string; loading: boolean; error?: string; loaded: boolean };

function MatterList({ session, inbox, config }: { session: FieldSession; inbox: FieldInbox; config: TenantConfigRecord | undefined }) {
  const [list, setList] = useState<ListState>({ items: [], loading: true, loaded: false });
  const [now] = useState(() => new Date());

  const load = (cursor: string | undefined) => {
    setList((l) => ({ ...l, loading: true, error: undefined }));
    session.api
      .get<Page<Matter>>('/matters', { inbox, limit: PAGE_SIZE, cursor })
      .then((page) =>
        setList((l) => {
          const seen = new Set(l.items.map((m) => m.id));
          const items = cursor ? [...l.items, ...page.items.filter((m) => !seen.has(m.id))] : page.items;
          return { items, cursor: page.nextCursor, loading: false, loaded: true };
        }),
      )
      .catch((error: unknown) => setList((l) => ({ ...l, loading: false, error: describeError(error) })));
  };

  useEffect(() => {
    load(undefined);
    // Once: the parent keys the list by inbox, so a tab change mounts a new one.
  }, []);

  const remindBefore = config?.matters.remindBeforeHours ?? 0;

  return (
    <div data-testid={`m-matters-list-${inbox}`}>
      {list.loaded && list.items.length === 0 && !list.error && <p className="f-hint">暂无事项</p>}
      <ul className="f-cards">
        {list.items.map((matter) => {
          const due = isOpenStatus(matter.status) ? deadlineLine(matter, now, remindBefore) : undefined;
          return (
            <li key={matter.id}>
              <a href={matterHref(matter.id)} className="f-matter-card" data-testid={`m-matter-card-${matter.id}`} data-status={matter.status}>
                <div className="f-row" style={{ alignItems: 'flex-start' }}>
                  <h3>{matter.title}</h3>
                  <span className={isOpenStatus(matter.status) ? 'f-badge' : 'f-badge f-badge-closed'} style={{ flex: 'none' }}>
                    {statusLabel(matter.status)}
                  </span>
                </div>
                <div className="f-meta">
                  <span>{matter.villageName}</span>
                  <span>{MATTER_KIND_LABELS[matter.kind]?.zh ?? matter.kind}</span>
                  <span>{categoryName(config, matter.categoryId)}</span>
                  <span>{formatDateTime(matter.createdAt)}</span>
                </div>
                {due && (
                  <div className={`f-due-${due.state === 'due_soon' ? 'soon' : due.state}`} data-testid="m-matter-card-due" data-state={due.state}>
                    {due.text}
                  </div>
                )}
              </a>
            </li>
          );
        })}
      </ul>
      {list.error && <Failure message={list.error} retry={() => load(list.cursor)} />}
      {list.loading && <Loading />}
      {!list.loading && !list.error && list.cursor && (
        <button type="button" className="f-button f-button-secondary" onClick={() => load(list.cursor)} data-testid="m-matters-more">
          加载更多
        </button>
      )}
    </div>
  );
}
