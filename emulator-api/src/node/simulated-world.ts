/**
 * What a session simulates around the gadget: the signed-in test user (never a real account), the
 * session's own clipboard and how the gadget was launched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface TestUser {
  readonly openId: string;
  readonly nickName: string;
  readonly avatarUrl: string;
  /** 0 unknown, 1 male, 2 female (WeChat-compatible family). */
  readonly gender: 0 | 1 | 2;
  readonly country: string;
  readonly province: string;
  readonly city: string;
  readonly language: string;
}

export const DEFAULT_TEST_USER: TestUser = {
  openId: 'ou_ttsim_test_user',
  nickName: 'ttsim Test User',
  avatarUrl: 'https://example.invalid/ttsim/avatar.png',
  gender: 0,
  country: 'China',
  province: 'Beijing',
  city: 'Beijing',
  language: 'zh_CN',
};

export interface LaunchOptions {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly scene: number;
}

/** The gadget's entry page from app.json, or '' for a web app / a session without a project. */
function entryPage(project: string | undefined): string {
  if (!project) return '';
  try {
    const app = JSON.parse(fs.readFileSync(path.join(project, 'app.json'), 'utf8')) as { entryPagePath?: unknown; pages?: unknown };
    if (typeof app.entryPagePath === 'string') return app.entryPagePath;
    return Array.isArray(app.pages) && typeof app.pages[0] === 'string' ? app.pages[0] : '';
  } catch {
    return '';
  }
}

/** Which h5sdk.config signatures the simulated Feishu rejects: none (default), all, or the listed ones. */
export type JssdkPolicy = { readonly reject: 'none' | 'all' | readonly string[] };

export class SimulatedWorld {
  clipboard = '';
  jssdk: JssdkPolicy = { reject: 'none' };
  readonly testUser: TestUser;
  readonly launch: LaunchOptions;

  constructor(options: { testUser?: Partial<TestUser>; launch?: Partial<LaunchOptions>; project?: string; jssdk?: JssdkPolicy }) {
    if (options.jssdk) this.jssdk = options.jssdk;
    this.testUser = { ...DEFAULT_TEST_USER, ...options.testUser };
    this.launch = { path: options.launch?.path ?? entryPage(options.project), query: { ...options.launch?.query }, scene: options.launch?.scene ?? 1000 };
  }
}
