import type {
  ActivationRequest,
  AgentResource,
  AttachmentUpload,
  Case,
  CatalogItem,
  CatalogItemBody,
  Connection,
  ConnectionInputRaw,
  CustomerCase,
  CustomerCaseItem,
  CustomerMerge,
  FlowChoices,
  FlowDefinitionInput,
  Incident,
  IncidentStatus,
  LoginResponse,
  MetricDimension,
  MetricsReport,
  Migration,
  MigrationRequestInput,
  OwnProfilePatch,
  Page,
  Pilot,
  PilotReport,
  PresenceStatus,
  Problem,
  Role,
  SupervisorOverview,
  Task,
  TimelineEntry,
  User,
  UserPatch,
} from '@caseflow/schema';
import type { HeatRow } from '../editor/heat-overlay';
import { ApiError, toApiError } from './api-error';
import { noteServerTime, SERVER_TIME_HEADER } from './server-clock';

/** One row of GET /api/flows. */
/** A survey as its link shows it (GET /surveys/:token): the question in the reader's language. */
export interface SurveyView {
  kind: 'csat' | 'nps' | 'ces';
  scale: { min: number; max: number };
  answered: boolean;
  score: number | null;
  question: string;
  locale: string;
}

export interface FlowSummary {
  key: string;
  name: string;
  kind: string;
  /** The draft's validation state (errors block publishing; warnings do not). */
  draft: { valid: boolean; errors: number; warnings: number; updatedAt: string };
  /** Published version numbers. */
  versions: number[];
  latestVersion: number | null;
  activeVersion: number | null;
  pilots: Pilot[];
  updatedBy: string | null;
}

/** A case as list endpoints answer it: the case without its tasks, SLAs, surveys and variables. */
export type CaseListItem = Omit<Case, 'variables' | 'tasks' | 'slas' | 'surveys' | 'revision'> &
  Partial<Pick<Case, 'variables' | 'tasks' | 'slas' | 'surveys'>>;

/** A case in a list as the caller may see it: staff get CaseListItem, customers their projection. */
export type AnyCaseItem = CaseListItem | CustomerCaseItem;
/** A case as the caller may read it: the staff resource, or a customer's view of their own case. */
export type AnyCase = Case | CustomerCase;
/** True for the staff resource (it has tasks, tiers, version); false for a customer's view. */
export function isStaffCase<T extends AnyCase | AnyCaseItem>(c: T): c is Extract<T, { flow: string }> {
  return 'flow' in c;
}

/** GET /api/flows/:key: the draft and its metadata. */
export interface FlowDraft {
  key: string;
  definition: FlowDefinitionInput;
  problems?: Problem[];
  activeVersion?: number | null;
  /** The draft's last save: `updatedAt` is the base of the next save. */
  draft?: { updatedAt: string };
  updatedBy?: string | null;
}

/** One published version (GET /api/flows/:key/versions[/:v]). */
export interface FlowVersion {
  version: number;
  author?: string | null;
  note?: string;
  createdAt?: string;
  checksum?: string;
  definition?: FlowDefinitionInput;
  config?: unknown;
  active?: boolean;
}

/** GET /api/cases/:id/flow: the flow version a case runs on (staff only: agents, owners, admins). */
export interface CaseFlow {
  flow: string;
  version: number;
  definition: FlowDefinitionInput;
}

/** GET /api/flows/:key/diff. */
export type FlowDiff = import('@caseflow/engine').FlowDiff & {
  key: string;
  from: number;
  to: number | 'draft';
};

/** Paging of a case's timeline and messages: newest first with `order: 'desc'`. */
export interface HistoryPage {
  cursor?: string;
  limit?: number;
  order?: 'asc' | 'desc';
}

/** A message as the runtime answers it (GET /api/cases/:id/messages, the customer 360). */
export type QueueSort = 'risk' | 'priority' | 'age' | 'due';
/** One row of GET /queue. */
export interface QueueItem {
  task: Task;
  caseNumber: string | null;
  subject: string;
  priority: 'low' | 'normal' | 'high' | 'critical';
  customerId: string | null;
  customerName: string | null;
  sla: {
    state: 'breached' | 'at-risk' | 'on-track' | 'paused' | 'none';
    dueAt: string | null;
    target: string | null;
  };
}

/** Who wrote a message (DESIGN §10): the customer's id, the agent's username, or the runtime. */
export interface MessageParty {
  kind: 'customer' | 'agent' | 'system';
  id: string | null;
  address?: string;
}
/** A message as the runtime answers it (DESIGN §10). */
export interface ApiMessage {
  id: string;
  caseId: string;
  channel: string;
  direction: 'in' | 'out';
  /** `internal` notes are staff-only (customers never receive them). */
  visibility: 'public' | 'internal';
  from: MessageParty;
  author: string | null;
  /** The author's display name. */
  authorName?: string | null;
  body: string;
  html?: string;
  attachments: { id: string; name: string; size: number; contentType: string }[];
  externalId?: string;
  createdAt: string;
  at: string;
}
/** A message as the screens read it: `from` is the kind of sender, `sender` the whole party. */
export interface Message extends Omit<ApiMessage, 'from'> {
  from: MessageParty['kind'];
  sender: MessageParty;
}
/** The screens' form of a message. Pure. */
export function toMessage(m: ApiMessage): Message {
  return { ...m, from: m.from.kind, sender: m.from };
}

/** A survey as staff and its customer see it (no token: that is the answering credential). */
export interface SurveyResult {
  caseId: string;
  kind: 'csat' | 'nps' | 'ces';
  surveyId: string;
  answered: boolean;
  score: number | null;
  comment: string | null;
  sentAt: string;
  answeredAt: string | null;
}

/**
 * GET /api/customers/:id (the 360 view), exactly as the runtime's `Customer360` answers it:
 * profile, up to 100 newest cases, channels used, messages, surveys and the open or claimed
 * tasks of open cases (`openTasks`).
 */
export interface Customer360 {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  segment: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  cases: AnyCaseItem[];
  channels: string[];
  messages: Message[];
  surveys: SurveyResult[];
  openTasks: Task[];
  /** A merged contact (tombstone): the customer it was merged into; null for a live one. */
  mergedInto: string | null;
  /** Merges into or out of this customer, newest first. */
  merges: CustomerMerge[];
}

/** The 360 view as the runtime sends it (messages in the API's form). */
type Api360 = Omit<Customer360, 'messages'> & { messages: ApiMessage[] };
/** The screens' form of a 360 view. Pure. */
const to360 = (c: Api360): Customer360 => ({ ...c, messages: c.messages.map(toMessage) });

/** The dimensions GET /api/metrics groups by, in the order the analytics page offers them. */
export const METRIC_DIMENSIONS: readonly MetricDimension[] = [
  'version',
  'cohort',
  'channel',
  'tier',
  'group',
  'agent',
  'catalogItem',
];

type Query = Record<string, string | number | undefined | null>;

function queryString(q: Query | undefined): string {
  if (!q) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * The typed client of the runtime's HTTP API (DESIGN §5). Every call sends the bearer token
 * from `getToken`; a non-2xx answer throws an ApiError whose message names the bad fields;
 * 401 calls `onUnauthorized` so the app can return to the login page.
 */
export class Api {
  constructor(
    private readonly getToken: () => string | null,
    private readonly onUnauthorized: () => void = () => {},
    private readonly base = '/api',
    private readonly fetchImpl: typeof fetch = (...a) => fetch(...a),
  ) {}

  /** Sends one request; resolves with the parsed JSON body (undefined for 204). */
  async request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // The screens' language (i18n/use-locale.ts sets <html lang>): messages meant for people follow it.
    const lang = globalThis.document?.documentElement?.lang;
    if (lang) headers['accept-language'] = lang;
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}${path}${queryString(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new ApiError(0, 'network', `cannot reach the server (${(e as Error).message})`);
    }
    noteServerTime(res.headers.get(SERVER_TIME_HEADER));
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!res.ok) {
      if (res.status === 401 && path !== '/auth/login') this.onUnauthorized();
      throw toApiError(res.status, parsed);
    }
    return parsed as T;
  }

  login(username: string, password: string) {
    return this.request<LoginResponse>('POST', '/auth/login', { username, password });
  }
  /** Ends the session of the token this client sends. */
  logout() {
    return this.request<void>('POST', '/auth/logout');
  }
  /** Changes the caller's own profile: their language (PATCH /auth/me). */
  updateMe(patch: OwnProfilePatch) {
    return this.request<User>('PATCH', '/auth/me', patch);
  }
  /** Changes the caller's own password; the server ends their other sessions. */
  changePassword(current: string, next: string) {
    return this.request<void>('POST', '/auth/password', { current, next });
  }

  // Flows
  listFlows() {
    return this.request<Page<FlowSummary>>('GET', '/flows');
  }
  getFlow(key: string) {
    return this.request<FlowDraft>('GET', `/flows/${encodeURIComponent(key)}`);
  }
  /**
   * Saves the draft. `baseUpdatedAt` (the draft's `updatedAt` the edit started from, null for a
   * new flow) makes the server refuse with 409 `draft-conflict` when someone saved since;
   * omitted, the save overwrites.
   */
  saveFlow(key: string, definition: FlowDefinitionInput, baseUpdatedAt?: string | null) {
    return this.request<{ problems: Problem[]; updatedAt: string }>(
      'PUT',
      `/flows/${encodeURIComponent(key)}`,
      {
        definition,
        ...(baseUpdatedAt === undefined ? {} : { baseUpdatedAt }),
      },
    );
  }
  validateFlow(key: string) {
    return this.request<{ valid: boolean; problems: Problem[] }>(
      'POST',
      `/flows/${encodeURIComponent(key)}/validate`,
    );
  }
  publishFlow(key: string, note: string) {
    return this.request<{ version: number }>('POST', `/flows/${encodeURIComponent(key)}/publish`, { note });
  }
  /** What a flow may refer to: groups, calendars, templates, connection names, flows (owners). */
  flowChoices() {
    return this.request<FlowChoices>('GET', '/flow-choices');
  }
  listVersions(key: string) {
    return this.request<Page<FlowVersion>>('GET', `/flows/${encodeURIComponent(key)}/versions`);
  }
  getVersion(key: string, version: number) {
    return this.request<FlowVersion>('GET', `/flows/${encodeURIComponent(key)}/versions/${version}`);
  }
  diff(key: string, from: number, to: number) {
    return this.request<FlowDiff>('GET', `/flows/${encodeURIComponent(key)}/diff`, undefined, { from, to });
  }
  heatmap(key: string, version?: number) {
    return this.request<{ nodes: HeatRow[] }>('GET', `/flows/${encodeURIComponent(key)}/heatmap`, undefined, {
      version,
    });
  }
  /** Makes a version live (admins); the note settles the version's pending requests. */
  activate(key: string, version: number, note = '') {
    return this.request<unknown>('POST', `/flows/${encodeURIComponent(key)}/activate`, { version, note });
  }
  /** A flow's activation requests and activations, newest first. */
  activationRequests(key: string) {
    return this.request<Page<ActivationRequest>>(
      'GET',
      `/flows/${encodeURIComponent(key)}/activation-requests`,
    );
  }
  /** Asks admins to make a published version live (owners). */
  requestActivation(key: string, version: number, note: string) {
    return this.request<ActivationRequest>('POST', `/flows/${encodeURIComponent(key)}/activation-requests`, {
      version,
      note,
    });
  }
  rejectActivation(key: string, id: string, note: string) {
    return this.request<ActivationRequest>(
      'POST',
      `/flows/${encodeURIComponent(key)}/activation-requests/${encodeURIComponent(id)}/reject`,
      { note },
    );
  }
  /** Pending activation requests of every flow (admins' work). */
  pendingActivations() {
    return this.request<Page<ActivationRequest>>('GET', '/activation-requests');
  }
  /** Plans (dry run) or starts a migration of running cases to another version (admins). */
  startMigration(key: string, body: MigrationRequestInput) {
    return this.request<Migration>('POST', `/flows/${encodeURIComponent(key)}/migrations`, body);
  }
  getMigration(key: string, id: string) {
    return this.request<Migration>(
      'GET',
      `/flows/${encodeURIComponent(key)}/migrations/${encodeURIComponent(id)}`,
    );
  }
  /** The version as BPMN 2.0 XML (a download: not JSON). */
  async bpmn(key: string, version: number): Promise<string> {
    const res = await this.#download(
      `/flows/${encodeURIComponent(key)}/versions/${version}/bpmn`,
      'application/xml',
    );
    return res.text();
  }
  /** GET /attachments/:id: the bytes of a message's file (a download: not JSON). */
  async attachment(id: string): Promise<Blob> {
    const res = await this.#download(`/attachments/${encodeURIComponent(id)}`, '*/*');
    return res.blob();
  }
  /** GETs a file with the token; a refusal becomes the ApiError its JSON body describes. */
  async #download(path: string, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    const token = this.getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.base}${path}`, { headers });
    } catch (e) {
      throw new ApiError(0, 'network', `cannot reach the server (${(e as Error).message})`);
    }
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized();
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      throw toApiError(res.status, parsed);
    }
    return res;
  }
  startPilot(
    key: string,
    body: { version: number; percentage?: number; customerIds?: string[]; note: string },
  ) {
    return this.request<Pilot>('POST', `/flows/${encodeURIComponent(key)}/pilots`, body);
  }
  pilotReport(id: string) {
    return this.request<PilotReport>('GET', `/pilots/${encodeURIComponent(id)}/report`);
  }
  pilotAction(id: string, action: 'promote' | 'stop') {
    return this.request<Pilot>('POST', `/pilots/${encodeURIComponent(id)}/${action}`);
  }

  // Catalog
  listCatalog() {
    return this.request<Page<CatalogItem>>('GET', '/catalog');
  }
  getCatalogItem(key: string) {
    return this.request<CatalogItem>('GET', `/catalog/${encodeURIComponent(key)}`);
  }
  saveCatalogItem(key: string, body: CatalogItemBody) {
    return this.request<CatalogItem>('PUT', `/catalog/${encodeURIComponent(key)}`, body);
  }
  submitRequest(key: string, values: Record<string, unknown>, onBehalfOf?: string) {
    return this.request<AnyCase>('POST', `/catalog/${encodeURIComponent(key)}/requests`, {
      values,
      onBehalfOf,
    });
  }

  // Cases and tasks
  /** `q` searches the number (REQ-000123 or 123), the subject and the customer id. */
  listCases(query?: { status?: string; customer?: string; flow?: string; queue?: string; q?: string }) {
    return this.request<Page<AnyCaseItem>>('GET', '/cases', undefined, query);
  }
  getCase(id: string) {
    return this.request<AnyCase>('GET', `/cases/${encodeURIComponent(id)}`);
  }
  /** One page of a case's timeline; `next` of the answer is the cursor of the following page. */
  timeline(id: string, page?: HistoryPage) {
    return this.request<Page<TimelineEntry>>('GET', `/cases/${encodeURIComponent(id)}/timeline`, undefined, {
      ...page,
    });
  }
  caseFlow(id: string) {
    return this.request<CaseFlow>('GET', `/cases/${encodeURIComponent(id)}/flow`);
  }
  /** One page of a case's messages; `next` of the answer is the cursor of the following page. */
  listMessages(id: string, page?: HistoryPage) {
    return this.request<Page<ApiMessage>>('GET', `/cases/${encodeURIComponent(id)}/messages`, undefined, {
      ...page,
    }).then((p): Page<Message> => ({ ...p, items: p.items.map(toMessage) }));
  }
  postMessage(
    id: string,
    body: { channel?: string; body: string; from?: string; attachments?: AttachmentUpload[] },
  ) {
    return this.request<unknown>('POST', `/cases/${encodeURIComponent(id)}/messages`, body);
  }
  cancelCase(id: string, reason: string) {
    return this.request<unknown>('POST', `/cases/${encodeURIComponent(id)}/cancel`, { reason });
  }
  signal(id: string, name: string, data?: unknown) {
    return this.request<unknown>('POST', `/cases/${encodeURIComponent(id)}/signals`, { name, data });
  }
  listTasks(query?: { status?: string; group?: string; tier?: string; assignee?: string; case?: string }) {
    return this.request<Page<Task>>('GET', '/tasks', undefined, query);
  }
  /** The caller's work queue (GET /queue): takeable work, sorted. */
  queue(query?: { scope?: 'mine' | 'all'; group?: string; sort?: QueueSort }) {
    return this.request<{ items: QueueItem[] }>('GET', '/queue', undefined, query);
  }
  /** A one-minute ticket that opens live streams (EventSource cannot send the token). */
  streamTicket() {
    return this.request<{ ticket: string; expiresAt: string }>('POST', '/events/ticket');
  }
  /** Customers by name, email, phone or id (staff), for requests on a customer's behalf. */
  findCustomers(search: string) {
    return this.request<Page<{ id: string; name: string; email: string | null; phone: string | null }>>(
      'GET',
      '/customers',
      undefined,
      { search, limit: 8 },
    );
  }
  claim(taskId: string) {
    return this.request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/claim`);
  }
  complete(taskId: string, outcome: string, values: Record<string, unknown>, comment?: string) {
    return this.request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/complete`, {
      outcome,
      values,
      comment,
    });
  }
  /** Gives back a task routing offered (or gave) to the signed-in agent; it goes to the next agent. */
  decline(taskId: string, reason: string) {
    return this.request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/decline`, { reason });
  }
  escalate(taskId: string, reason: string) {
    return this.request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/escalate`, { reason });
  }
  /** Hands a task to another member of its group (its holder, an agent of the group, or a supervisor). */
  delegate(taskId: string, to: string) {
    return this.request<Task>('POST', `/tasks/${encodeURIComponent(taskId)}/delegate`, { to });
  }
  /** GET /agents/:username: an agent with presence and routing profile (404 for non-agents). */
  getAgent(username: string) {
    return this.request<AgentResource>('GET', `/agents/${encodeURIComponent(username)}`);
  }
  /** PUT /agents/:username/presence: one's own, or anyone's for a supervisor. */
  setPresence(username: string, status: PresenceStatus) {
    return this.request<AgentResource>('PUT', `/agents/${encodeURIComponent(username)}/presence`, { status });
  }
  /** Pauses or resumes a group's automatic assignment (supervisors). */
  setGroupPaused(name: string, paused: boolean) {
    return this.request<unknown>('PUT', `/supervisor/groups/${encodeURIComponent(name)}/assignment`, {
      paused,
    });
  }
  /** GET /supervisor/overview: throughput counted from `since` (the supervisor's midnight). */
  supervisorOverview(since: string) {
    return this.request<SupervisorOverview>('GET', '/supervisor/overview', undefined, { since });
  }
  /** GET /surveys/:token: the survey a customer's link names (anyone holding the token). */
  survey(token: string) {
    return this.request<SurveyView>('GET', `/surveys/${encodeURIComponent(token)}`);
  }
  answerSurvey(token: string, score: number, comment?: string) {
    return this.request<unknown>('POST', `/surveys/${encodeURIComponent(token)}`, { score, comment });
  }

  // Incidents
  listIncidents(query?: { status?: IncidentStatus; case?: string }) {
    return this.request<Page<Incident>>('GET', '/incidents', undefined, query);
  }
  retryIncident(id: string) {
    return this.request<Incident>('POST', `/incidents/${encodeURIComponent(id)}/retry`);
  }
  resolveIncident(id: string, note: string) {
    return this.request<Incident>('POST', `/incidents/${encodeURIComponent(id)}/resolve`, { note });
  }

  // People
  getCustomer(id: string) {
    return this.request<Api360>('GET', `/customers/${encodeURIComponent(id)}`).then(to360);
  }
  /** POST /customers/:id/merge (staff): merges customer `from` into `id`; answers the merged 360 view. */
  mergeCustomer(id: string, from: string) {
    return this.request<Api360>('POST', `/customers/${encodeURIComponent(id)}/merge`, { from }).then(to360);
  }
  listUsers() {
    return this.request<Page<User>>('GET', '/users');
  }
  createUser(body: { username: string; password: string; roles: Role[]; groups: string[]; tiers: string[] }) {
    return this.request<User>('POST', '/users', body);
  }
  /** PATCH /users/:username (admin): only the given fields change; `active: false` ends their sessions. */
  updateUser(username: string, patch: UserPatch) {
    return this.request<User>('PATCH', `/users/${encodeURIComponent(username)}`, patch);
  }
  /** Sets a user's password (admin); the server ends every session of theirs. */
  resetPassword(username: string, next: string) {
    return this.request<void>('POST', `/users/${encodeURIComponent(username)}/password`, { next });
  }
  // --- connections (admin) ----------------------------------------------------------------
  listConnections() {
    return this.request<{ items: Connection[] }>('GET', '/connections');
  }
  createConnection(body: ConnectionInputRaw) {
    return this.request<Connection>('POST', '/connections', body);
  }
  /** A secret field left out keeps the stored secret (same auth kind). */
  updateConnection(name: string, body: ConnectionInputRaw) {
    return this.request<Connection>('PUT', `/connections/${encodeURIComponent(name)}`, body);
  }
  deleteConnection(name: string) {
    return this.request<void>('DELETE', `/connections/${encodeURIComponent(name)}`);
  }

  metrics(query: { flow?: string; from?: string; to?: string; by?: string }) {
    return this.request<MetricsReport>('GET', '/metrics', undefined, query);
  }
}
