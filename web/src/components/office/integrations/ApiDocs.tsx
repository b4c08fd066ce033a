'use client';

import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button } from 'antd';
import { API_SCOPE_LABELS, API_SCOPES, DEFAULT_RATE_LIMIT, type ApiScope } from '@beatlink/shared/integrations/api-keys';
import {
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  WEBHOOK_HEADERS,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_DELAYS_SECONDS,
  WEBHOOK_TIMEOUT_MS,
  WEBHOOK_TOLERANCE_SECONDS,
} from '@beatlink/shared/integrations/webhooks';
import { describeError } from '../../../lib/api-error';
import { webhookRequestExample, webhookVerifySnippet } from '../../../lib/integrations/docs';
import { durationText, rateLimitText, retryScheduleText } from '../../../lib/integrations/labels';
import { exampleText, groupOperations, type DocOperation, type FieldRow, type OpenApiDocument, type OperationGroup, type ParamRow } from '../../../lib/integrations/openapi';
import { loadRuntimeConfig } from '../../../lib/runtime-config';
import { Notice } from '../Notice';
import { Panel } from '../Panel';
import './integrations.css';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; doc: OpenApiDocument; groups: OperationGroup[] };

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'other';

const SECTIONS = [
  { id: 'overview', title: '概述 Overview' },
  { id: 'auth', title: '认证 Authentication' },
  { id: 'rate-limits', title: '限流 Rate limits' },
  { id: 'idempotency', title: '幂等 Idempotency-Key' },
  { id: 'errors', title: '错误 Errors' },
  { id: 'open311', title: 'Open311 说明' },
  { id: 'webhooks', title: '事件推送 Webhooks' },
];

function FieldTable({ rows, withIn, testId }: { rows: ReadonlyArray<FieldRow | ParamRow>; withIn?: boolean; testId?: string }) {
  return (
    <div className="docs-table-scroll">
      <table className="docs-table" data-testid={testId}>
        <thead>
          <tr>
            <th>名称 name</th>
            {withIn && <th>位置 in</th>}
            <th>类型 type</th>
            <th>必填</th>
            <th>说明 / 限制</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${'in' in row ? row.in : ''}:${row.name}`}>
              <td className="docs-mono">{row.name}</td>
              {withIn && <td>{'in' in row ? row.in : ''}</td>}
              <td className="docs-mono">{row.type}</td>
              <td>{row.required ? <span className="docs-required">是</span> : '否'}</td>
              <td>
                {row.description}
                {row.description && row.limits ? <br /> : null}
                {row.limits && <span className="muted">{row.limits}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function scopeText(scope: string): ReactNode {
  const label = API_SCOPE_LABELS[scope as ApiScope];
  return (
    <span key={scope}>
      <code>{scope}</code>
      {label ? `（${label.zh}）` : ''}
    </span>
  );
}

function Operation({ op }: { op: DocOperation }) {
  const success = op.responses.filter((r) => /^2/.test(r.status));
  return (
    <article className="docs-op" id={`op-${op.operationId}`} data-testid={`docs-operation-${op.operationId}`} data-method={op.method} data-path={op.path}>
      <div className="docs-op-head">
        <span className={`docs-method docs-method-${op.method}`}>{op.method}</span>
        <span className="docs-op-path">{op.path}</span>
        <span className="muted docs-mono">{op.operationId}</span>
      </div>
      {op.summary && <p className="docs-op-summary">{op.summary}</p>}
      {op.description && op.description !== op.summary && <p className="muted">{op.description}</p>}
      <p data-testid="docs-operation-auth">
        <strong>认证：</strong>
        {op.auth.kind === 'none' ? (
          '无需密钥（公开）'
        ) : (
          <>
            接口密钥 API key
            {op.auth.scopes.length > 0 ? (
              <>
                ，权限范围 scope：
                {op.auth.scopes.map((s, i) => (
                  <span key={s}>
                    {i > 0 && '、'}
                    {scopeText(s)}
                  </span>
                ))}
              </>
            ) : (
              '（任一有效密钥）'
            )}
          </>
        )}
      </p>
      {op.parameters.length > 0 && (
        <>
          <h5>参数 Parameters</h5>
          <FieldTable rows={op.parameters} withIn testId="docs-parameters" />
        </>
      )}
      {op.body && (
        <>
          <h5>
            请求体 Request body <span className="muted docs-mono">{op.body.contentType}</span>
          </h5>
          {op.body.fields.length > 0 ? <FieldTable rows={op.body.fields} testId="docs-body-fields" /> : <p className="muted">（无字段说明）</p>}
          {op.body.example !== undefined && (
            <>
              <h5>示例 Example</h5>
              <pre className="integ-pre" data-testid="docs-body-example">
                {exampleText(op.body.example)}
              </pre>
            </>
          )}
        </>
      )}
      {op.responses.length > 0 && (
        <>
          <h5>响应 Responses</h5>
          <div className="docs-table-scroll">
            <table className="docs-table" data-testid="docs-responses">
              <thead>
                <tr>
                  <th style={{ width: 80 }}>状态码</th>
                  <th>说明</th>
                </tr>
              </thead>
              <tbody>
                {op.responses.map((r) => (
                  <tr key={r.status}>
                    <td className="docs-mono">{r.status}</td>
                    <td>{r.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {success.map((r) =>
            r.fields.length > 0 || r.example !== undefined ? (
              <details key={r.status} className="docs-details">
                <summary>{r.status} 响应字段 / response fields</summary>
                {r.fields.length > 0 && <FieldTable rows={r.fields} />}
                {r.example !== undefined && <pre className="integ-pre">{exampleText(r.example)}</pre>}
              </details>
            ) : null,
          )}
        </>
      )}
    </article>
  );
}

/** 接口文档 (/integrations/docs): how to call the public API, and every operation of the gateway's OpenAPI document. */
export function ApiDocs() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [apiUrl, setApiUrl] = useState<string>();

  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const config = await loadRuntimeConfig();
      // Integrators call the public address (the edge in AWS); the document itself is read at the API's.
      setApiUrl(config.publicApiUrl ?? config.apiUrl);
      const response = await fetch(`${config.apiUrl}/v1/openapi.json`, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(`无法获取接口描述（HTTP ${response.status}）`);
      const doc = (await response.json()) as OpenApiDocument;
      setState({ kind: 'ready', doc, groups: groupOperations(doc) });
    } catch (error) {
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const retries = useMemo(() => retryScheduleText(WEBHOOK_RETRY_DELAYS_SECONDS), []);
  const snippet = useMemo(() => webhookVerifySnippet(), []);
  const base = apiUrl ?? 'https://<网关地址>';

  return (
    <Panel title="接口文档" flush testId="api-docs">
      <div className="docs-layout">
        <nav className="docs-toc" aria-label="目录" data-testid="docs-toc">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`}>{s.title}</a>
              </li>
            ))}
            {state.kind === 'ready' &&
              state.groups.map((g) => (
                <li key={g.name}>
                  <a href={`#group-${slug(g.name)}`}>{g.name}</a>
                  <ul>
                    {g.operations.map((op) => (
                      <li key={op.operationId}>
                        <a href={`#op-${op.operationId}`}>
                          <span className="muted">{op.method}</span> {op.path}
                        </a>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ul>
        </nav>
        <div className="docs-body">
          <h2 id="overview">概述 Overview</h2>
          <p>
            本平台为 12345 热线、网格化平台、成员单位业务系统等对接方（integrator）提供两套开放接口：
            <strong>Open311 GeoReport v2</strong>（国际通行的市民诉求接口，路径 <code>/open311/v2/…</code>）和 <strong>REST v1</strong>（路径 <code>/v1/…</code>，字段更完整，支持成员单位回传办理结果与统计）。事项状态变化还可以通过<strong>事件推送（webhook）</strong>主动通知对接方。
          </p>
          <ul>
            <li>
              接口地址 Base URL：<code data-testid="docs-base-url">{base}</code>
            </li>
            <li>
              机器可读的接口描述（OpenAPI 3.1，无需密钥）：<code>GET {base}/v1/openapi.json</code>
            </li>
            <li>所有时间均为 ISO-8601 UTC（如 <code>2026-11-20T01:30:00.000Z</code>）；请求与响应为 UTF-8 JSON（Open311 另支持 XML）。</li>
            <li>
              对外接口<strong>从不返回个人信息</strong>（反映人姓名、电话、诉求原文、纠纷当事人等）：提交时的 <code>reporter</code> 加密保存，只在本平台内部按权限查看。
            </li>
          </ul>

          <h2 id="auth">认证 Authentication</h2>
          <p>每个接口密钥（API key）属于一个县（区）局，由本页所在的「对接集成 → 接口密钥」创建，只显示一次。调用时以下三种方式任选其一（推荐请求头）：</p>
          <pre className="integ-pre">{`X-Api-Key: blk_370283_01JD3Z6Q…
Authorization: Bearer blk_370283_01JD3Z6Q…
GET /open311/v2/requests.json?api_key=blk_370283_01JD3Z6Q…   # Open311 惯例；会出现在日志中，仅在无法设置请求头时使用`}</pre>
          <p>
            调用数据所属的县由密钥决定，而不是由请求中的参数决定。密钥无效、已吊销或缺失时返回 <code>401</code>；密钥缺少接口所需的权限范围（scope）时返回 <code>403</code>。
          </p>
          <table className="docs-table" data-testid="docs-scopes">
            <thead>
              <tr>
                <th>权限范围 scope</th>
                <th>含义</th>
                <th>English</th>
              </tr>
            </thead>
            <tbody>
              {API_SCOPES.map((scope) => (
                <tr key={scope}>
                  <td className="docs-mono">{scope}</td>
                  <td>{API_SCOPE_LABELS[scope].zh}</td>
                  <td>{API_SCOPE_LABELS[scope].en}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            <code>updates:write</code> 的密钥绑定一个成员单位，以该单位的身份受理、反馈或退回交办给它的事项。
          </p>

          <h2 id="rate-limits">限流 Rate limits</h2>
          <p>
            每个密钥按固定时间窗口限流，默认 <strong>{rateLimitText(DEFAULT_RATE_LIMIT)}</strong>（创建密钥时可调整）。超出时返回 <code>429</code>（错误码 <code>RATE_LIMITED</code>），响应头 <code>Retry-After</code> 给出距窗口结束的秒数；请等待后重试，不要立即重发。
          </p>

          <h2 id="idempotency">幂等 Idempotency-Key</h2>
          <p>
            所有 <code>POST</code> 接口都接受请求头 <code>Idempotency-Key</code>（建议用 UUID，每个业务动作一个）。网络超时后用<strong>同一个键、同一请求体</strong>重发，得到与第一次<strong>相同的应答</strong>，事项不会重复创建；若同一个键配了<strong>不同的请求体</strong>，返回 <code>422</code>（<code>IDEMPOTENCY_KEY_REUSED</code>）。
          </p>
          <pre className="integ-pre">{`POST /v1/matters
X-Api-Key: blk_…
Idempotency-Key: 5f0c6f0e-2d1b-4b8e-9a53-0d3c1f7f3a21
Content-Type: application/json`}</pre>

          <h2 id="errors">错误 Errors</h2>
          <p>REST v1 的错误统一为 JSON：</p>
          <pre className="integ-pre">{`{"error":{"code":"VALIDATION_FAILED","message":"…","details":[{"path":"divisionCode","message":"…"}]}}`}</pre>
          <p>
            <code>400</code> 输入有误（不会写入任何数据）· <code>401</code> 密钥无效 · <code>403</code> 权限范围不足 · <code>404</code> 不存在（其他县的事项也是 404）· <code>409</code> 状态冲突 · <code>422</code> 当前状态不允许该操作，或幂等键被不同请求体复用 · <code>429</code> 限流 · <code>503</code> 依赖暂不可用（带 <code>Retry-After</code>）。Open311 接口按 GeoReport v2 规范返回 <code>{'[{"code":400,"description":"…"}]'}</code> 形式的错误。
          </p>

          <h2 id="open311">Open311 说明</h2>
          <ul>
            <li>
              格式：集合接口以后缀区分 <code>.json</code> / <code>.xml</code>（如 <code>/open311/v2/requests.json</code>）；单项接口在参数后加后缀（如 <code>/open311/v2/requests/mat_….xml</code>）。
            </li>
            <li>
              <code>jurisdiction_id</code>：本县的 6 位行政区划代码（如 <code>370283</code>）；可省略，若提供须与密钥所属的县一致。
            </li>
            <li>
              <code>service_code</code> 即本县的事项类别（<code>GET /open311/v2/services.json</code> 列出）；提交的诉求（service request）成为待研判的事项，返回 <code>token</code> 与 <code>service_request_id</code>。
            </li>
            <li>
              查询 <code>requests</code>：按 <code>service_request_id</code>（逗号分隔）、<code>service_code</code>、<code>status</code>、<code>start_date</code> / <code>end_date</code> 过滤；时间窗口最长 <strong>90 天</strong>（未给出时为最近 90 天）；分页参数 <code>page</code>（从 1 开始）与 <code>page_size</code>。
            </li>
            <li>
              读取接口<strong>同样需要密钥</strong>（<code>matters:read</code>），且从不返回个人信息（无 <code>email</code>、<code>phone</code>、姓名，也不返回诉求原文）。
            </li>
            <li>
              状态映射：未办结的事项（待研判、已交办、办理中、已反馈、已核实、重新办理）为 <code>open</code>；已办结（已解决 / 未解决）与已合并为 <code>closed</code>。细分状态见 REST v1 的 <code>status</code> 字段。
            </li>
            <li>
              成员单位系统可通过 mySociety 扩展 <code>servicerequestupdates</code> 查询与回传办理进展（回传需 <code>updates:write</code>）。
            </li>
          </ul>

          <h2 id="webhooks">事件推送 Webhooks</h2>
          <p>在「对接集成 → 事件推送」登记接收地址（https）并选择事件。事件发生时，平台向该地址 <code>POST</code> 一个 JSON 请求体，并附带签名：</p>
          <table className="docs-table" data-testid="docs-webhook-events">
            <thead>
              <tr>
                <th>事件 event</th>
                <th>含义</th>
              </tr>
            </thead>
            <tbody>
              {WEBHOOK_EVENTS.map((event) => (
                <tr key={event}>
                  <td className="docs-mono">{event}</td>
                  <td>
                    {WEBHOOK_EVENT_LABELS[event].zh}（{WEBHOOK_EVENT_LABELS[event].en}）
                  </td>
                </tr>
              ))}
              <tr>
                <td className="docs-mono">ping</td>
                <td>测试事件，只由「发送测试事件」产生</td>
              </tr>
            </tbody>
          </table>
          <h3>请求头 Headers</h3>
          <table className="docs-table" data-testid="docs-webhook-headers">
            <tbody>
              <tr>
                <td className="docs-mono">{WEBHOOK_HEADERS.signature}</td>
                <td>
                  <code>{'t=<unix 秒>,v1=<hex HMAC-SHA256(secret, "<t>.<原始请求体>")>'}</code>
                </td>
              </tr>
              <tr>
                <td className="docs-mono">{WEBHOOK_HEADERS.event}</td>
                <td>事件类型，如 <code>matter.created</code></td>
              </tr>
              <tr>
                <td className="docs-mono">{WEBHOOK_HEADERS.delivery}</td>
                <td>投递编号（同一投递的各次重试相同）</td>
              </tr>
              <tr>
                <td className="docs-mono">{WEBHOOK_HEADERS.attempt}</td>
                <td>第几次尝试（从 1 开始）</td>
              </tr>
            </tbody>
          </table>
          <pre className="integ-pre">{webhookRequestExample()}</pre>
          <h3>校验签名 Verifying</h3>
          <ol data-testid="docs-webhook-verify">
            <li>
              取请求头 <code>{WEBHOOK_HEADERS.signature}</code>，按 <code>,</code> 拆分，得到 <code>t</code>（Unix 秒）与 <code>v1</code>（十六进制）。
            </li>
            <li>
              用签名密钥（<code>whsec_…</code>，创建或更换时显示的完整字符串）对 <code>{'"<t>.<原始请求体字节>"'}</code> 计算 HMAC-SHA256。必须使用收到的<strong>原始字节</strong>，不要先解析 JSON 再序列化。
            </li>
            <li>
              与 <code>v1</code> 做<strong>常量时间比较</strong>（如 Node.js 的 <code>crypto.timingSafeEqual</code>），不一致则拒绝（如返回 401）。
            </li>
            <li>
              拒绝时间戳与当前时间相差超过 <strong>{WEBHOOK_TOLERANCE_SECONDS} 秒</strong>（{durationText(WEBHOOK_TOLERANCE_SECONDS)}）的请求，防止重放。
            </li>
            <li>
              按请求体的 <code>id</code>（事件编号）去重：重试与重新投递的 <code>id</code> 相同。
            </li>
          </ol>
          <h3>应答与重试 Retries</h3>
          <p>
            接收方须在 <strong>{WEBHOOK_TIMEOUT_MS / 1000} 秒</strong>内返回 <code>2xx</code>，否则视为失败。失败后按以下间隔自动重试（共最多 {WEBHOOK_MAX_ATTEMPTS} 次尝试）：
          </p>
          <p data-testid="docs-retry-schedule">
            {retries.steps.map((step, i) => (
              <span key={i}>
                {i > 0 && ' → '}第 {i + 2} 次：{step}后
              </span>
            ))}
          </p>
          <p>
            全部重试约历时 {retries.total}；仍失败的投递标记为「投递失败」，可在「事件推送 → 投递记录」中查看请求体与每次尝试，并<strong>重新投递</strong>（相同事件编号与请求体，重新签名）。事件可能重复或乱序到达，请以 <code>id</code> 去重、以 <code>occurredAt</code> 与事项的 <code>updatedAt</code> 判断先后。
          </p>
          <h3>Node.js 校验示例</h3>
          <pre className="integ-pre" data-testid="docs-webhook-snippet">
            <code>{snippet}</code>
          </pre>

          <h2 id="operations">接口列表 Operations</h2>
          {state.kind === 'loading' && <p className="muted">正在加载接口描述（OpenAPI）…</p>}
          {state.kind === 'failed' && (
            <div data-testid="docs-openapi-error">
              <Notice kind="error" title="无法加载接口描述" action={<Button onClick={() => void load()}>重试</Button>}>
                {state.message}（<code>GET {base}/v1/openapi.json</code>）
              </Notice>
            </div>
          )}
          {state.kind === 'ready' && (
            <div data-testid="docs-operations">
              {state.doc.info?.title && (
                <p className="muted">
                  {state.doc.info.title}
                  {state.doc.info.version ? ` · 版本 ${state.doc.info.version}` : ''}
                  {state.doc.openapi ? ` · OpenAPI ${state.doc.openapi}` : ''}
                </p>
              )}
              {state.groups.length === 0 && <p className="muted">接口描述中没有接口。</p>}
              {state.groups.map((group) => (
                <section key={group.name} id={`group-${slug(group.name)}`} data-testid={`docs-group-${slug(group.name)}`}>
                  <h2>{group.name}</h2>
                  {group.description && <p>{group.description}</p>}
                  {group.operations.map((op) => (
                    <Operation key={`${op.method} ${op.path}`} op={op} />
                  ))}
                </section>
              ))}
            </div>
          )}
        </div>
      </div>
    </Panel>
  );
}
