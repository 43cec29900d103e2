/**
 * `tt.env`: constants a gadget reads instead of hard-coding paths. Feishu's pages name `ttfile://user/…` as
 * the gadget's own store (../shared/reference/feishu-api.md); that `tt.env.USER_DATA_PATH` points there is
 * inferred from that rule and from the WeChat-family `env.USER_DATA_PATH` (`wxfile://usr`), since Feishu's
 * API pages do not list `tt.env`.
 */
export const USER_DATA_PATH = 'ttfile://user';

export interface TtEnv {
  readonly USER_DATA_PATH: string;
}

export const ttEnv: TtEnv = Object.freeze({ USER_DATA_PATH });

/** Properties of `tt` that hold data, not APIs: `ttsim check` does not look them up in the registry. */
export const ttDataProperties: readonly string[] = ['env'];
