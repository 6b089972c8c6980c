/**
 * A local stand-in for the Slack Web API on 127.0.0.1: answers the methods the app calls, serves shared files (with
 * Slack's habit of answering a missing or wrong token with a 200 HTML sign-in page), takes response_url posts, and
 * records every call so that tests and the demo can read what the bot said.
 *
 * files.info answers as Slack's does (the shape of @slack/web-api's FilesInfoResponse): the file, and its `shares`
 * per conversation (`public` for C… channels, `private` for the rest), each share with its `ts`, its `thread_ts`
 * when it was posted in a thread, and its thread's `reply_count` and `reply_users`, which grow as the bot posts in
 * that thread.
 *
 * Files the bot posts go as files.uploadV2 sends them (@slack/web-api's filesUploadV2, three steps):
 * files.getUploadURLExternal (`filename`, `length` in bytes; answers `upload_url` and `file_id`), a POST of the bytes
 * to that URL (multipart, the bytes in the part `body`; answered 200), then files.completeUploadExternal (`files`:
 * JSON `[{"id", "title"}]`, `channel_id`, `initial_comment`), which shares the file and answers `files`. A length
 * that differs from the bytes sent, or a completion of a file never uploaded, is refused as Slack would.
 *
 * views.open answers as Slack's reference does: `ok` and the view (with an id) it opened, or `invalid_arguments`
 * for a view over a modal's limits (100 blocks; title and close 24 characters) or without a trigger_id; each view
 * opened is kept in `views`. chat.getPermalink answers a message's permalink in Slack's format
 * (`https://example.slack.com/archives/C…/p<ts without the dot>`).
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBlockKit } from './block-kit-limits.js';

export interface FakeSlackOptions {
  readonly botToken?: string;
  readonly botUserId?: string;
  readonly teamId?: string;
  /** The app's OAuth credentials, which oauth.v2.access checks; installs in many workspaces take them. */
  readonly oauthClient?: { readonly id: string; readonly secret: string };
}

/** A workspace of the fake Slack: its bot's token there (given at an OAuth install) and its bot user. */
export interface FakeWorkspace {
  readonly teamId: string;
  readonly botToken: string;
  readonly botUserId: string;
  /** An Enterprise Grid organisation installing the app org-wide (addOrganization): its id, and no workspace. */
  readonly enterpriseId?: string;
}

export interface RecordedCall {
  /** A Web API method ("chat.postMessage"), or "response_url" for a post to a response URL. */
  readonly method: string;
  readonly body: Record<string, unknown>;
  /** What the fake answered (a Web API method's JSON). */
  readonly response?: Record<string, unknown>;
  /** For response_url posts: the URL posted to. */
  readonly url?: string;
  /** performance.now() when the call arrived. */
  readonly at: number;
  /** The workspace whose bot token made a Web API call. */
  readonly teamId?: string;
}

export interface FakeFileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly id?: string;
  readonly mimetype?: string;
  readonly filetype?: string;
  /** What Slack reports; defaults to the byte length. */
  readonly size?: number;
  /** Where the download URL points; defaults to this server. */
  readonly downloadUrl?: string;
  /** Answer the download with Slack's sign-in page whatever the token, as Slack does when files:read is missing. */
  readonly signInPage?: boolean;
  /** Send the file this many bytes at a time, one piece every `everyMs`: a file host that trickles. */
  readonly trickle?: { readonly bytes: number; readonly everyMs: number };
}

/** One message that shared a file in a conversation, as files.info lists it. */
export interface FakeShare {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs?: string;
  replyCount: number;
  replyUsers: string[];
}

/** A file object as Slack puts it in a `file_share` message event. */
export interface FakeFileObject {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly mimetype: string;
  readonly filetype: string;
  readonly size: number;
  readonly url_private: string;
  readonly url_private_download: string;
  readonly permalink: string;
}

/**
 * A conversation as conversations.info describes it (the conversation object's is_channel, is_group, is_im,
 * is_mpim, is_private, is_ext_shared, is_member). One not added is described from its id: C… a public channel,
 * G… a private channel, D… a DM with the bot, the bot a member of each.
 */
export interface FakeConversation {
  readonly type: 'public' | 'private' | 'mpim' | 'im';
  /** Whether the bot is in it; chat.postMessage there answers not_in_channel when not. Default true. */
  readonly botIsMember?: boolean;
  readonly externallyShared?: boolean;
}

/** A file the bot posted through files.uploadV2. */
export interface PostedFile {
  readonly id: string;
  readonly filename: string;
  readonly bytes: Buffer;
  /** Set once files.completeUploadExternal shared it. */
  channel: string | null;
  /** The thread it was shared in (`thread_ts`), or null for the conversation itself. */
  threadTs: string | null;
  title: string | null;
  initialComment: string | null;
}

/** A modal the bot opened with views.open. */
export interface OpenedView {
  readonly id: string;
  readonly triggerId: string;
  readonly view: Record<string, unknown>;
}

export interface FakeSlack {
  readonly url: string;
  /** Every modal views.open opened, in order. */
  readonly views: OpenedView[];
  /** Every file the bot uploaded, by file id, in order. */
  readonly postedFiles: PostedFile[];
  readonly apiUrl: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly teamId: string;
  readonly calls: RecordedCall[];
  /**
   * Adds a workspace that installs the app through OAuth: the authorize page (`/oauth/v2/authorize?team=…`) sends
   * the installer back to the app's redirect with a code, which oauth.v2.access exchanges for this bot token.
   */
  addWorkspace(teamId: string): FakeWorkspace;
  /**
   * Adds an Enterprise Grid organisation whose admin installs the app org-wide: chosen on the authorize page as a
   * workspace is (`team=E…`), its code is exchanged for an org token, as Slack's org-wide apps reference shows
   * oauth.v2.access answering (`team: null`, `enterprise`, `is_enterprise_install: true`). auth.revoke forgets it.
   */
  addOrganization(enterpriseId: string): FakeWorkspace;
  /** Where the authorize page sends the installer back to: the app's redirect URL (`/slack/oauth_redirect`). */
  oauthRedirectUrl: string | null;
  callsTo(method: string): RecordedCall[];
  addFile(input: FakeFileInput): FakeFileObject;
  /** A fresh response URL on this server. */
  responseUrl(): string;
  /** How many times each file was downloaded (with any token). */
  readonly downloads: Map<string, number>;
  /** Records that a file was shared by a message (what files.info will list). */
  addShare(fileId: string, share: { channel: string; ts: string; threadTs?: string }): FakeShare;
  /** Resolves when a download of the file starts (before any byte is sent). */
  downloadStarted(fileId: string): Promise<void>;
  /** Called with each Web API call as it arrives, before the fake answers it (a test may stop the caller then). */
  onCall: ((call: RecordedCall) => void) | null;
  /** Describes a conversation to conversations.info (again, to change it: an invitation, say). */
  addConversation(channelId: string, conversation: FakeConversation): void;
  /** Makes the next calls of a method answer `{ ok: false, error }`. */
  failNext(method: string, error: string, times?: number): void;
  /** Every Block Kit limit a message the app sent broke (`checkBlockKit`), with the method that carried it. */
  readonly limitProblems: string[];
  waitFor<T>(find: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Slack</title></head><body>Sign in to your workspace</body></html>';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The Web API client posts form-encoded bodies whose nested values (blocks) are JSON strings. */
function parseApiBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}

/** Sends a body a few bytes at a time, until done or the client goes away. */
function trickle(res: ServerResponse, body: Buffer, pace: { bytes: number; everyMs: number }): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(body.subarray(sent, sent + pace.bytes));
    sent += pace.bytes;
    if (sent >= body.byteLength) {
      clearInterval(timer);
      res.end();
    }
  }, pace.everyMs);
  res.on('close', () => clearInterval(timer));
}

function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? 'xoxb-test-token';
  const botUserId = options.botUserId ?? 'UBOT';
  const teamId = options.teamId ?? 'T0001';
  const calls: RecordedCall[] = [];
  /** Every bot token the fake accepts, with its workspace: the default one's, and each OAuth install's. */
  const workspaces = new Map<string, FakeWorkspace>([[botToken, { teamId, botToken, botUserId }]]);
  /** Tokens auth.revoke was called with: refused from then on. */
  const revoked = new Set<string>();
  const byTeam = new Map<string, FakeWorkspace>();
  /** Codes the authorize page handed out, each for one workspace, good for one exchange. */
  const codes = new Map<string, FakeWorkspace>();
  const tokenOf = (req: IncomingMessage, body: Record<string, unknown>) => {
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : null;
    return [bearer, typeof body.token === 'string' ? body.token : null].find((t) => t && workspaces.has(t)) ?? null;
  };
  const limitProblems: string[] = [];
  /** Every message the app sends is held to Slack's limits, so no test or demo run can pass a payload Slack refuses. */
  const checkMessage = (method: string, body: Record<string, unknown>) => {
    if (method === 'views.open' && typeof body.view === 'object' && body.view !== null) {
      const problems = checkBlockKit(body.view as Record<string, unknown>, { surface: 'modal' });
      limitProblems.push(...problems.map((problem) => `${method}: ${problem}`));
      return;
    }
    if (!MESSAGE_METHODS.has(method) || body.delete_original) return;
    limitProblems.push(...checkBlockKit(body).map((problem) => `${method}: ${problem}`));
  };
  const files = new Map<string, { input: FakeFileInput; object: FakeFileObject }>();
  const downloads = new Map<string, number>();
  const failures = new Map<string, { error: string; times: number }>();
  const shares = new Map<string, FakeShare[]>();
  const conversations = new Map<string, FakeConversation>();
  const downloadWaiters = new Map<string, (() => void)[]>();
  let tsCounter = 0;
  let url = '';
  const postedFiles: PostedFile[] = [];
  const pendingUploads = new Map<string, { filename: string; length: number; bytes: Buffer | null }>();

  const views: OpenedView[] = [];

  /** What Slack's views.open refuses: a modal over its limits, or no trigger to open it with. */
  function openView(body: Record<string, unknown>): Record<string, unknown> {
    const view = (typeof body.view === 'object' && body.view !== null ? body.view : {}) as Record<string, unknown>;
    const blocks = Array.isArray(view.blocks) ? view.blocks : [];
    const title = String((view.title as { text?: unknown } | undefined)?.text ?? '');
    const close = String((view.close as { text?: unknown } | undefined)?.text ?? '');
    const problems = [
      ...(typeof body.trigger_id === 'string' && body.trigger_id ? [] : ['trigger_id is required']),
      ...(view.type === 'modal' ? [] : ['view type must be modal']),
      ...(blocks.length > 100 ? ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] : []),
      ...(title.length === 0 || title.length > 24
        ? ['[ERROR] must be 1-24 characters [json-pointer:/view/title/text]']
        : []),
      ...(close.length > 24 ? ['[ERROR] must be less than 25 characters [json-pointer:/view/close/text]'] : []),
    ];
    if (problems.length > 0)
      return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
    const opened = { id: `V${String(views.length + 1).padStart(8, '0')}`, triggerId: String(body.trigger_id), view };
    views.push(opened);
    return { ok: true, view: { ...view, id: opened.id, team_id: teamId } };
  }

  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, '0')}`;

  /** A reply by the bot in a thread: every share whose thread it is counts it. */
  function countReply(channel: string, threadTs: string): void {
    for (const list of shares.values()) {
      for (const share of list) {
        if (share.channel !== channel || (share.threadTs ?? share.ts) !== threadTs) continue;
        share.replyCount++;
        if (!share.replyUsers.includes(botUserId)) share.replyUsers.push(botUserId);
      }
    }
  }

  function sharesOf(fileId: string) {
    const result: Record<'public' | 'private', Record<string, Record<string, unknown>[]>> = { public: {}, private: {} };
    for (const share of shares.get(fileId) ?? []) {
      const kind = share.channel.startsWith('C') ? 'public' : 'private';
      const list = result[kind][share.channel] ?? [];
      list.push({
        ts: share.ts,
        ...(share.threadTs ? { thread_ts: share.threadTs } : {}),
        reply_count: share.replyCount,
        reply_users: [...share.replyUsers],
        reply_users_count: share.replyUsers.length,
        channel_name: 'filings',
        team_id: teamId,
        share_user_id: 'U0001',
      });
      result[kind][share.channel] = list;
    }
    return result;
  }

  function conversationOf(channelId: string): FakeConversation {
    const added = conversations.get(channelId);
    if (added) return added;
    return { type: channelId.startsWith('G') ? 'private' : channelId.startsWith('D') ? 'im' : 'public' };
  }

  /** conversations.info as Slack answers a bot: a conversation it is not in is private to it unless public. */
  function describeConversation(channelId: string): Record<string, unknown> {
    const conversation = conversationOf(channelId);
    const member = conversation.botIsMember ?? true;
    if (!member && conversation.type !== 'public') return { ok: false, error: 'channel_not_found' };
    const { type } = conversation;
    const channel: Record<string, unknown> = {
      id: channelId,
      is_channel: type === 'public' || type === 'private',
      is_group: type === 'private',
      is_im: type === 'im',
      is_mpim: type === 'mpim',
      is_private: type !== 'public',
      is_ext_shared: conversation.externallyShared ?? false,
      ...(type === 'im' ? { user: 'U0001' } : { is_member: member }),
    };
    return { ok: true, channel };
  }

  /**
   * oauth.v2.access as Slack's reference shows it: the code from the redirect and the app's client id and secret
   * (in the body, as @slack/oauth sends them) for the workspace's bot token, scopes, bot user and team.
   */
  function exchangeCode(body: Record<string, unknown>): Record<string, unknown> {
    const client = options.oauthClient;
    if (!client || body.client_id !== client.id || body.client_secret !== client.secret) {
      return { ok: false, error: 'invalid_client_id' };
    }
    const workspace = codes.get(String(body.code));
    if (!workspace) return { ok: false, error: 'invalid_code' };
    codes.delete(String(body.code));
    return {
      ok: true,
      access_token: workspace.botToken,
      token_type: 'bot',
      scope: 'commands,chat:write,files:read',
      bot_user_id: workspace.botUserId,
      app_id: 'A0SHARES',
      ...(workspace.enterpriseId
        ? { team: null, enterprise: { id: workspace.enterpriseId, name: 'Starship' }, is_enterprise_install: true }
        : {
            team: { id: workspace.teamId, name: `Workspace ${workspace.teamId}` },
            enterprise: null,
            is_enterprise_install: false,
          }),
      authed_user: { id: 'U0INSTALLER' },
    };
  }

  function answerApi(method: string, body: Record<string, unknown>, token: string | null): Record<string, unknown> {
    if (method === 'oauth.v2.access') return exchangeCode(body);
    const workspace = token && !revoked.has(token) ? workspaces.get(token) : undefined;
    if (!workspace) return { ok: false, error: token && revoked.has(token) ? 'token_revoked' : 'invalid_auth' };
    const failure = failures.get(method);
    if (failure && failure.times > 0) {
      failure.times--;
      return { ok: false, error: failure.error };
    }
    switch (method) {
      case 'auth.revoke':
        if (token) revoked.add(token);
        return { ok: true, revoked: true };
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'shares',
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          bot_id: 'BBOT',
        };
      case 'conversations.info':
        return describeConversation(String(body.channel));
      case 'conversations.open': {
        // A DM with one user: its id is made from the user's, and the bot is in it.
        const channelId = `D${String(body.users).replace(/^U/, '')}`;
        if (!conversations.has(channelId)) conversations.set(channelId, { type: 'im' });
        return { ok: true, channel: { id: channelId } };
      }
      case 'chat.postMessage': {
        if (conversationOf(String(body.channel)).botIsMember === false) return { ok: false, error: 'not_in_channel' };
        const ts = nextTs();
        if (typeof body.thread_ts === 'string') countReply(String(body.channel), body.thread_ts);
        return { ok: true, channel: body.channel, ts, message: { ...body, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts, text: body.text };
      case 'chat.getPermalink':
        return typeof body.channel === 'string' && typeof body.message_ts === 'string'
          ? {
              ok: true,
              channel: body.channel,
              permalink: `https://example.slack.com/archives/${body.channel}/p${body.message_ts.replace('.', '')}`,
            }
          : { ok: false, error: 'invalid_arguments' };
      case 'views.open':
        return openView(body);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'files.getUploadURLExternal': {
        const length = Number(body.length);
        if (typeof body.filename !== 'string' || !Number.isInteger(length) || length <= 0) {
          return { ok: false, error: 'invalid_arguments' };
        }
        const fileId = `F${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
        pendingUploads.set(fileId, { filename: body.filename, length, bytes: null });
        return { ok: true, upload_url: `${url}/upload/v1/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return completeUploads(body);
      case 'files.info': {
        const file = files.get(String(body.file));
        return file
          ? { ok: true, file: { ...file.object, shares: sharesOf(file.object.id) } }
          : { ok: false, error: 'file_not_found' };
      }
      default:
        return { ok: true };
    }
  }

  function completeUploads(body: Record<string, unknown>): Record<string, unknown> {
    const list = Array.isArray(body.files) ? (body.files as { id?: string; title?: string }[]) : [];
    if (list.length === 0) return { ok: false, error: 'invalid_arguments' };
    const done: PostedFile[] = [];
    for (const entry of list) {
      const pending = entry.id ? pendingUploads.get(entry.id) : undefined;
      if (!entry.id || !pending?.bytes) return { ok: false, error: 'file_not_found' };
      done.push({
        id: entry.id,
        filename: pending.filename,
        bytes: pending.bytes,
        channel: typeof body.channel_id === 'string' ? body.channel_id : null,
        threadTs: typeof body.thread_ts === 'string' ? body.thread_ts : null,
        title: entry.title ?? null,
        initialComment: typeof body.initial_comment === 'string' ? body.initial_comment : null,
      });
    }
    for (const file of done) pendingUploads.delete(file.id);
    postedFiles.push(...done);
    return {
      ok: true,
      files: done.map((file) => ({ id: file.id, name: file.filename, title: file.title, channels: [file.channel] })),
    };
  }

  /** The upload URL's POST: the bytes, raw or (as the Web API client sends them) in the multipart part `body`. */
  async function receiveUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const type = req.headers['content-type'] ?? '';
    let bytes = raw;
    if (type.startsWith('multipart/form-data')) {
      const part = (await new Response(raw, { headers: { 'content-type': type } }).formData()).get('body');
      bytes = part instanceof Blob ? Buffer.from(await part.arrayBuffer()) : Buffer.from(String(part ?? ''));
    }
    const pending = pendingUploads.get(fileId);
    calls.push({ method: 'upload_url', body: { fileId, bytes: bytes.byteLength }, at: performance.now() });
    if (!pending || pending.length !== bytes.byteLength) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('length does not match');
      return;
    }
    pending.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.byteLength}`);
  }

  /**
   * Slack's authorize page, once the installer has chosen a workspace (`team`, which a browser would pick) and
   * allowed the app: back to the app's redirect with a one-time code and the `state` the install page sent.
   */
  function authorize(params: URLSearchParams, res: ServerResponse): void {
    const workspace = byTeam.get(params.get('team') ?? '');
    const redirect = params.get('redirect_uri') ?? fake.oauthRedirectUrl;
    if (!workspace || !redirect || params.get('client_id') !== options.oauthClient?.id) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('unknown workspace, app or redirect');
      return;
    }
    const code = `code-${randomUUID()}`;
    codes.set(code, workspace);
    const back = new URL(redirect);
    back.searchParams.set('code', code);
    back.searchParams.set('state', params.get('state') ?? '');
    res.writeHead(302, { location: back.toString() }).end();
  }

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const authorised = tokenOf(req, {}) !== null;
      if (req.method === 'GET' && path === '/oauth/v2/authorize') {
        authorize(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams, res);
        return;
      }
      if (req.method === 'POST' && path.startsWith('/api/')) {
        const at = performance.now();
        const method = path.slice('/api/'.length);
        const body = parseApiBody(await readBody(req), req.headers['content-type']);
        // The Web API client may also send the token in the body.
        const token = tokenOf(req, body);
        const response = answerApi(method, body, token);
        if (token) checkMessage(method, body);
        const team = token ? workspaces.get(token)?.teamId : undefined;
        const call = { method, body, response, at, ...(team ? { teamId: team } : {}) };
        calls.push(call);
        fake.onCall?.(call);
        sendJson(res, response);
        return;
      }
      if (req.method === 'POST' && path.startsWith('/upload/v1/')) {
        await receiveUpload(req, res, path.slice('/upload/v1/'.length));
        return;
      }
      if (req.method === 'POST' && path.startsWith('/response/')) {
        const at = performance.now();
        const raw = await readBody(req);
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        checkMessage('response_url', body);
        calls.push({ method: 'response_url', body, url: `${url}${path}`, at });
        sendJson(res, { ok: true });
        return;
      }
      if (req.method === 'GET' && path.startsWith('/files/')) {
        const id = path.split('/')[2] ?? '';
        downloads.set(id, (downloads.get(id) ?? 0) + 1);
        for (const wake of downloadWaiters.get(id)?.splice(0) ?? []) wake();
        const file = files.get(id);
        if (!authorised || !file || file.input.signInPage) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(SIGN_IN_PAGE);
          return;
        }
        res.writeHead(200, {
          'content-type': file.object.mimetype,
          'content-length': String(file.input.bytes.byteLength),
        });
        if (file.input.trickle) {
          trickle(res, Buffer.from(file.input.bytes), file.input.trickle);
          return;
        }
        res.end(Buffer.from(file.input.bytes));
        return;
      }
      res.writeHead(404).end();
    } catch (error) {
      sendJson(res, { ok: false, error: String(error) }, 500);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeSlack = {
    onCall: null,
    views,
    url,
    apiUrl: `${url}/api/`,
    botToken,
    botUserId,
    teamId,
    calls,
    postedFiles,
    limitProblems,
    downloads,
    callsTo: (method) => calls.filter((c) => c.method === method),
    oauthRedirectUrl: null,
    addWorkspace(id) {
      const workspace = { teamId: id, botToken: `xoxb-${id}-${randomUUID()}`, botUserId: `UBOT${id}` };
      workspaces.set(workspace.botToken, workspace);
      byTeam.set(id, workspace);
      return workspace;
    },
    addOrganization(enterpriseId) {
      const org = {
        teamId: enterpriseId,
        enterpriseId,
        botToken: `xoxb-${enterpriseId}-${randomUUID()}`,
        botUserId: 'UBOTORG',
      };
      workspaces.set(org.botToken, org);
      byTeam.set(enterpriseId, org);
      return org;
    },
    addFile(input) {
      const id = input.id ?? `F${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
      const download = input.downloadUrl ?? `${url}/files/${id}/${encodeURIComponent(input.name)}`;
      const object: FakeFileObject = {
        id,
        name: input.name,
        title: input.name,
        mimetype: input.mimetype ?? 'application/pdf',
        filetype: input.filetype ?? 'pdf',
        size: input.size ?? input.bytes.byteLength,
        url_private: download,
        url_private_download: download,
        permalink: `https://example.slack.com/files/${botUserId}/${id}/${encodeURIComponent(input.name)}`,
      };
      files.set(id, { input, object });
      return object;
    },
    addShare(fileId, share) {
      const fake: FakeShare = { ...share, replyCount: 0, replyUsers: [] };
      shares.set(fileId, [...(shares.get(fileId) ?? []), fake]);
      return fake;
    },
    downloadStarted: (fileId) =>
      new Promise<void>((resolve) => downloadWaiters.set(fileId, [...(downloadWaiters.get(fileId) ?? []), resolve])),
    responseUrl: () => `${url}/response/${randomUUID()}`,
    addConversation(channelId, conversation) {
      conversations.set(channelId, conversation);
    },
    failNext(method, error, times = 1) {
      failures.set(method, { error, times });
    },
    async waitFor(find, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = find();
        if (found) return found;
        if (Date.now() > deadline) throw new Error('fake Slack: waited in vain');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fake;
}
